import type { IncomingMessage } from 'node:http';
import { ApiError, requestValidation } from '../errors.js';
import { excessiveNestingAt, MAX_JSON_DEPTH } from './json-depth.js';

const MAX_BODY_BYTES = 1024 * 1024;

/** Refuses invalid UTF-8 instead of replacing it; drops a leading BOM, as Python's json.loads does with bytes. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(chunks: Buffer[]): string {
  try {
    return utf8.decode(Buffer.concat(chunks));
  } catch {
    // FastAPI's answer when `request.json()` fails with anything but a JSONDecodeError, here a UnicodeDecodeError.
    throw new ApiError(400, { detail: 'There was an error parsing the body' }, {}, true);
  }
}

/**
 * The body as text. Past the limit it answers 413 and lets the rest drain unread: stopping to read
 * would reset the connection before the client could see its 413.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
        reject(new ApiError(413, { detail: 'Request body too large' }, {}, true));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return;
      try {
        resolve(decodeUtf8(chunks));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
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
      {
        type: 'model_attributes_type',
        loc: ['body'],
        msg: 'Input should be a valid dictionary or object to extract fields from',
        input,
      },
    ]);
  if (!isJsonContentType(contentType)) throw notAnObject(raw);
  // Checked before parsing: validating, echoing or logging a body thousands of levels deep overflows the stack.
  const tooDeep = excessiveNestingAt(raw);
  if (tooDeep !== null) {
    throw requestValidation([
      {
        type: 'json_invalid',
        loc: ['body', tooDeep],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: `Nested deeper than ${MAX_JSON_DEPTH} levels` },
      },
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const match = /position (\d+)/.exec(String(error));
    const position = match ? Number(match[1]) : 0;
    throw requestValidation([
      {
        type: 'json_invalid',
        loc: ['body', position],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Expecting value' },
      },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw notAnObject(parsed);
  return parsed as Record<string, unknown>;
}
