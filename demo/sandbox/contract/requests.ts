import { requestValidation } from '../errors.js';
import type { ValidationErrorEntry } from './pydantic-errors.js';
import { toValidationErrors } from './pydantic-errors.js';
import { isUuid4 } from './formats.js';
import { CREATE_SHAPES } from './hidden-shapes.js';
import type { CreateShape } from './hidden-shapes.js';
import type { Contract, OperationName } from './spec.js';

/** Polar upper-cases the country before validating it (`upper_if_str`), so `us` is accepted. */
function upperCaseCountry(body: Record<string, unknown>): Record<string, unknown> {
  const address = body['customer_billing_address'];
  if (address && typeof address === 'object' && !Array.isArray(address)) {
    const country = (address as Record<string, unknown>)['country'];
    if (typeof country === 'string') {
      return { ...body, customer_billing_address: { ...address, country: country.toUpperCase() } };
    }
  }
  return body;
}

/** pydantic's `EmailStr` returns email-validator's normalized form, whose domain is lower-cased. */
function normalizeEmail(body: Record<string, unknown>): Record<string, unknown> {
  const email = body['customer_email'];
  if (typeof email !== 'string') return body;
  const at = email.lastIndexOf('@');
  return { ...body, customer_email: `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}` };
}

/** Validates a parsed JSON body against the operation's requestBody schema, or throws a 422. */
export function validateRequestBody<T>(
  contract: Contract,
  operation: OperationName,
  parsed: Record<string, unknown>,
): T {
  const validate = contract.operation(operation).requestBody;
  if (!validate) throw new Error(`${operation} takes no body`);
  const body = upperCaseCountry(parsed);
  if (!validate(body)) throw requestValidation(toValidationErrors(validate.errors, body, ['body']));
  return normalizeEmail(body) as T;
}

/**
 * Validates a Create body as pydantic validates Polar's `CheckoutCreate` union: the first shape that accepts the
 * body wins, its undeclared fields are dropped; when none does, every shape's errors are reported, each `loc`
 * tagged with the shape's name after `body`.
 */
export function validateCreateBody<T>(
  contract: Contract,
  parsed: Record<string, unknown>,
): { shape: CreateShape; input: T } {
  const body = upperCaseCountry(parsed);
  const errors: ValidationErrorEntry[] = [];
  for (const shape of CREATE_SHAPES) {
    const validate = contract.component(shape);
    if (validate(body)) {
      const declared = new Set(contract.propertyNames(shape));
      const input = Object.fromEntries(Object.entries(body).filter(([name]) => declared.has(name)));
      return { shape, input: normalizeEmail(input) as T };
    }
    errors.push(...toValidationErrors(validate.errors, body, ['body', shape]));
  }
  throw requestValidation(errors);
}

/** Parses and validates the query string of an operation: repeated keys become lists, integers are parsed. */
export function validateQuery(
  contract: Contract,
  operation: OperationName,
  search: URLSearchParams,
): Record<string, unknown> {
  const errors: ValidationErrorEntry[] = [];
  const query: Record<string, unknown> = {};
  for (const parameter of contract.operation(operation).query) {
    const values = search.getAll(parameter.name);
    if (values.length === 0) continue;
    let value: unknown =
      parameter.acceptsArray && (values.length > 1 || !parameter.validate(values[0])) ? values : values[0];
    if (parameter.isInteger) {
      const text = String(values[0]);
      if (!/^-?\d+$/.test(text.trim())) {
        errors.push({
          type: 'int_parsing',
          loc: ['query', parameter.name],
          msg: 'Input should be a valid integer, unable to parse string as an integer',
          input: text,
        });
        continue;
      }
      value = Number(text);
    }
    if (!parameter.validate(value)) {
      const entries = toValidationErrors(parameter.validate.errors, value, ['query', parameter.name]);
      errors.push(...entries);
      continue;
    }
    query[parameter.name] = value;
  }
  if (errors.length > 0) throw requestValidation(errors);
  return query;
}

/** Polar's `CheckoutID` path parameter is a UUID4. */
export function validateIdParameter(id: string): string {
  if (isUuid4(id)) return id;
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  throw requestValidation([
    isUuid
      ? {
          type: 'uuid_version',
          loc: ['path', 'id'],
          msg: 'UUID version 4 expected',
          input: id,
          ctx: { expected_version: 4 },
        }
      : {
          type: 'uuid_parsing',
          loc: ['path', 'id'],
          msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-]',
          input: id,
          ctx: { error: 'invalid character' },
        },
  ]);
}
