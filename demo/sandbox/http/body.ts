import type { IncomingMessage } from 'node:http';
import { ApiError, requestValidation } from '../errors.js';
import { excessiveNestingAt, MAX_JSON_DEPTH } from './json-depth.js';

const MAX_BODY_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, { detail: 'Request body too large' }, {}, true);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const [type = ''] = contentType.toLowerCase().split(';');
  const trimmed = type.trim();
  return trimmed === 'application/json' || (trimmed.startsWith('application/') && trimmed.endsWith('+json'));
}

/**
 * Parses a request body the way FastAPI does for a model parameter: a missing body, invalid
 * JSON, JSON nested too deep, a non-JSON content type or a non-object all answer 422 in FastAPI's shape.
 */
export function parseJsonObject(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw.trim() === '') {
    throw requestValidation([{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }]);
  }
  const notAnObject = (input: unknown) =>
    requestValidation([
      { type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input },
    ]);
  if (!isJsonContentType(contentType)) throw notAnObject(raw);
  // Checked before parsing: validating, echoing or logging a body thousands of levels deep overflows the stack.
  const tooDeep = excessiveNestingAt(raw);
  if (tooDeep !== null) {
    throw requestValidation([
      { type: 'json_invalid', loc: ['body', tooDeep], msg: 'JSON decode error', input: {}, ctx: { error: `Nested deeper than ${MAX_JSON_DEPTH} levels` } },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const match = /position (\d+)/.exec(String(error));
    const position = match ? Number(match[1]) : 0;
    throw requestValidation([
      { type: 'json_invalid', loc: ['body', position], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw notAnObject(parsed);
  return parsed as Record<string, unknown>;
}
