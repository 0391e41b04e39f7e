import type { ErrorObject } from 'ajv/dist/2020.js';
import type { components } from '../checkouts-schema.js';
import { emailProblem } from './email.js';
import { isUuid } from './formats.js';

/** Polar's `ValidationError`; the generated type leaves `ctx` without properties, so it is widened here. */
export type ValidationErrorEntry = Omit<components['schemas']['ValidationError'], 'ctx'> & {
  ctx?: Record<string, unknown>;
};
type Loc = ValidationErrorEntry['loc'];

function decodePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, segments: string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function locOf(root: unknown, segments: string[], prefix: Loc): Loc {
  const loc: Loc = [...prefix];
  let node = root;
  for (const segment of segments) {
    loc.push(Array.isArray(node) ? Number(segment) : segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return loc;
}

function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((value) => (typeof value === 'string' ? `'${value}'` : String(value)));
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

function pythonLiteral(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function isDeeper(path: string, than: string): boolean {
  return path.startsWith(`${than}/`);
}

/**
 * Keeps the errors pydantic would report: a union's `null` branch and the `anyOf` summary are
 * noise when a more specific error exists, and a type mismatch is noise when the value did have
 * the right type but broke a constraint of it.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const kept = errors.filter((error) => {
    const path = error.instancePath;
    const others = errors.filter((other) => other !== error);
    const specificHere = others.some(
      (other) =>
        (other.instancePath === path && !['anyOf', 'oneOf', 'type'].includes(other.keyword)) ||
        isDeeper(other.instancePath, path),
    );
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf') {
      return !others.some((other) => other.instancePath === path || isDeeper(other.instancePath, path));
    }
    if (error.keyword === 'type') {
      if (specificHere) return false;
      if (error.params['type'] === 'null') {
        return !others.some((other) => other.instancePath === path && other.keyword === 'type');
      }
    }
    return true;
  });
  const seen = new Set<string>();
  return kept.filter((error) => {
    const key =
      error.keyword === 'required'
        ? `${error.instancePath}|required|${String(error.params['missingProperty'])}`
        : error.keyword === 'type'
          ? `${error.instancePath}|type`
          : `${error.instancePath}|${error.keyword}|${error.schemaPath}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function typeError(expected: string, input: unknown): Pick<ValidationErrorEntry, 'type' | 'msg'> {
  switch (expected) {
    case 'string':
      return { type: 'string_type', msg: 'Input should be a valid string' };
    case 'integer':
      return typeof input === 'number'
        ? { type: 'int_from_float', msg: 'Input should be a valid integer, got a number with a fractional part' }
        : { type: 'int_type', msg: 'Input should be a valid integer' };
    case 'number':
      return { type: 'float_type', msg: 'Input should be a valid number' };
    case 'boolean':
      return { type: 'bool_type', msg: 'Input should be a valid boolean' };
    case 'array':
      return { type: 'list_type', msg: 'Input should be a valid list' };
    case 'object':
      return { type: 'dict_type', msg: 'Input should be a valid dictionary' };
    case 'null':
      return { type: 'none_required', msg: 'Input should be None' };
    default:
      return { type: 'type_error', msg: `Input should be of type ${expected}` };
  }
}

function formatError(format: string, input: unknown): Omit<ValidationErrorEntry, 'loc' | 'input'> {
  const text = typeof input === 'string' ? input : '';
  switch (format) {
    case 'email': {
      const reason = emailProblem(text) ?? 'The email address is not valid.';
      return { type: 'value_error', msg: `value is not a valid email address: ${reason}`, ctx: { reason } };
    }
    case 'uuid4':
    case 'uuid':
      return isUuid(text)
        ? { type: 'uuid_version', msg: 'UUID version 4 expected', ctx: { expected_version: 4 } }
        : {
            type: 'uuid_parsing',
            msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]',
            ctx: { error: 'invalid character' },
          };
    case 'date-time':
      return {
        type: 'datetime_from_date_parsing',
        msg: 'Input should be a valid datetime or date',
        ctx: { error: 'invalid datetime' },
      };
    case 'uri':
      return {
        type: 'url_parsing',
        msg: 'Input should be a valid URL, relative URL without a base',
        ctx: { error: 'relative URL without a base' },
      };
    case 'ipvanyaddress':
      return { type: 'ip_any_address', msg: 'value is not a valid IPv4 or IPv6 address' };
    default:
      return { type: 'value_error', msg: `Value error, invalid ${format}` };
  }
}

function toEntry(error: ErrorObject, root: unknown, prefix: Loc): ValidationErrorEntry {
  const segments = decodePointer(error.instancePath);
  const input = valueAt(root, segments);
  const loc = locOf(root, segments, prefix);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      return { type: 'missing', loc: [...loc, missing], msg: 'Field required', input };
    }
    case 'type':
      return { ...typeError(String(params['type']), input), loc, input };
    case 'enum': {
      const expected = quoteList(params['allowedValues'] as unknown[]);
      return { type: 'enum', loc, msg: `Input should be ${expected}`, input, ctx: { expected } };
    }
    case 'const': {
      const expected = pythonLiteral(params['allowedValue']);
      return { type: 'literal_error', loc, msg: `Input should be ${expected}`, input, ctx: { expected } };
    }
    case 'minimum':
      return {
        type: 'greater_than_equal',
        loc,
        msg: `Input should be greater than or equal to ${String(params['limit'])}`,
        input,
        ctx: { ge: params['limit'] },
      };
    case 'exclusiveMinimum':
      return {
        type: 'greater_than',
        loc,
        msg: `Input should be greater than ${String(params['limit'])}`,
        input,
        ctx: { gt: params['limit'] },
      };
    case 'maximum':
      return {
        type: 'less_than_equal',
        loc,
        msg: `Input should be less than or equal to ${String(params['limit'])}`,
        input,
        ctx: { le: params['limit'] },
      };
    case 'exclusiveMaximum':
      return {
        type: 'less_than',
        loc,
        msg: `Input should be less than ${String(params['limit'])}`,
        input,
        ctx: { lt: params['limit'] },
      };
    case 'minLength': {
      const limit = Number(params['limit']);
      return {
        type: 'string_too_short',
        loc,
        msg: `String should have at least ${limit} character${limit === 1 ? '' : 's'}`,
        input,
        ctx: { min_length: limit },
      };
    }
    case 'maxLength': {
      const limit = Number(params['limit']);
      return {
        type: 'string_too_long',
        loc,
        msg: `String should have at most ${limit} character${limit === 1 ? '' : 's'}`,
        input,
        ctx: { max_length: limit },
      };
    }
    case 'minItems': {
      const limit = Number(params['limit']);
      const actual = Array.isArray(input) ? input.length : 0;
      return {
        type: 'too_short',
        loc,
        msg: `List should have at least ${limit} item${limit === 1 ? '' : 's'} after validation, not ${actual}`,
        input,
        ctx: { field_type: 'List', min_length: limit, actual_length: actual },
      };
    }
    case 'maxProperties': {
      const limit = Number(params['limit']);
      const actual = input && typeof input === 'object' ? Object.keys(input).length : 0;
      return {
        type: 'too_long',
        loc,
        msg: `Dictionary should have at most ${limit} items after validation, not ${actual}`,
        input,
        ctx: { field_type: 'Dictionary', max_length: limit, actual_length: actual },
      };
    }
    case 'propertyNames':
      return {
        type: 'value_error',
        loc: [...loc, String(params['propertyName'])],
        msg: 'Value error, invalid key',
        input,
      };
    case 'format':
      return { ...formatError(String(params['format']), input), loc, input };
    case 'pattern':
      return {
        type: 'string_pattern_mismatch',
        loc,
        msg: `String should match pattern '${String(params['pattern'])}'`,
        input,
        ctx: { pattern: params['pattern'] },
      };
    case 'discriminator': {
      const tag = String(params['tag']);
      if (params['error'] === 'tag') {
        return {
          type: 'union_tag_not_found',
          loc,
          msg: `Unable to extract tag using discriminator '${tag}'`,
          input,
          ctx: { discriminator: `'${tag}'` },
        };
      }
      return {
        type: 'union_tag_invalid',
        loc,
        msg: `Input tag '${String(params['tagValue'])}' found using '${tag}' does not match any of the expected tags`,
        input,
        ctx: { discriminator: `'${tag}'`, tag: params['tagValue'] },
      };
    }
    default:
      return { type: error.keyword, loc, msg: error.message ?? 'Invalid value', input };
  }
}

/** Turns ajv errors into FastAPI's `detail` entries: one per problem, `loc` naming the field. */
export function toValidationErrors(
  errors: ErrorObject[] | null | undefined,
  root: unknown,
  prefix: Loc,
): ValidationErrorEntry[] {
  return relevantErrors(errors ?? []).map((error) => {
    const { type, loc, msg, input, ctx } = toEntry(error, root, prefix);
    return ctx === undefined ? { type, loc, msg, input } : { type, loc, msg, input, ctx };
  });
}
