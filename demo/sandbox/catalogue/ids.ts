import { createHash } from 'node:crypto';

/** A UUID v4-shaped id derived from a name, so catalogue ids are the same on every run. */
export function stableUuid(name: string): string {
  const bytes = createHash('sha256').update(`polar-sandbox:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** When the sandbox catalogue was "created": fixed, so responses are reproducible. */
export const CATALOGUE_CREATED_AT = '2026-01-15T10:00:00.000Z';
