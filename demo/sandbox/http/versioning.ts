import type { IncomingHttpHeaders } from 'node:http';

/** The version this sandbox implements (the vendored spec's). */
export const API_VERSION = '2026-10';
/** The versions Polar's SDK 1.0.1 knows; the sandbox answers all of them with 2026-10 behaviour. */
const KNOWN_VERSIONS = new Set(['2026-04', '2026-10', '2027-01']);

/**
 * Polar's version middleware: a `Polar-Version` it does not know answers 404 `{"detail":"Not Found"}`;
 * otherwise the version is echoed on the response. Returns null for an unknown version.
 */
export function negotiateVersion(headers: IncomingHttpHeaders): string | null {
  const requested = headers['polar-version'];
  if (requested === undefined || requested === '') return API_VERSION;
  const value = Array.isArray(requested) ? requested[0]! : requested;
  return KNOWN_VERSIONS.has(value) ? value : null;
}
