import { isIP } from 'node:net';
import type Ajv from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { emailProblem } from './email.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function isAbsoluteUrl(value: string): boolean {
  try {
    return new URL(value).protocol.length > 1;
  } catch {
    return false;
  }
}

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function isUuid4(value: string): boolean {
  return UUID4.test(value);
}

/**
 * The formats Polar's spec uses. `uuid4` and `ipvanyaddress` are pydantic names that JSON Schema
 * does not know; ajv would silently ignore them, so each gets a real check here.
 */
export function registerFormats(ajv: Ajv): void {
  addFormats(ajv, ['date-time', 'date', 'time', 'uuid']);
  // pydantic parses URLs like browsers do (WHATWG), which keeps `{CHECKOUT_ID}` in a query; RFC 3986 would not.
  ajv.addFormat('uri', { type: 'string', validate: isAbsoluteUrl });
  ajv.addFormat('uuid4', { type: 'string', validate: isUuid4 });
  ajv.addFormat('ipvanyaddress', { type: 'string', validate: (value: string) => isIP(value) !== 0 });
  ajv.addFormat('email', { type: 'string', validate: (value: string) => emailProblem(value) === null });
}
