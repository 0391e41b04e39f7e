import type { ValidationErrorEntry } from './contract/pydantic-errors.js';

/** An HTTP answer that ends the request: Polar's `{error, detail}` bodies and friends. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** Set for answers the spec does not describe (auth, injected faults), so they skip validation. */
    readonly exemptFromContract = false,
  ) {
    super(
      typeof body === 'object' && body && 'detail' in body
        ? String((body as { detail: unknown }).detail)
        : `HTTP ${status}`,
    );
  }
}

export function polarError(status: number, error: string, detail: string): ApiError {
  return new ApiError(status, { error, detail });
}

export const notFound = (): ApiError => polarError(404, 'ResourceNotFound', 'Not found');

export const expired = (): ApiError => polarError(410, 'ExpiredCheckoutError', 'This checkout session has expired.');

export const notOpen = (id: string, status: string): ApiError =>
  polarError(403, 'NotOpenCheckout', `Checkout ${id} is not open: ${status}`);

export const paymentError = (reason: string | null): ApiError =>
  polarError(
    400,
    'PaymentError',
    `The payment failed${reason ? `: ${reason}` : '.'} Please try again with a different payment method.`,
  );

/** A 422 raised by Polar's own checks (`PolarRequestValidationError`), as opposed to schema validation. */
export function businessValidation(entries: ValidationErrorEntry[]): ApiError {
  return new ApiError(422, { error: 'PolarRequestValidationError', detail: entries });
}

/** A 422 raised while parsing the request against the schema (FastAPI's `RequestValidationError`). */
export function requestValidation(entries: ValidationErrorEntry[]): ApiError {
  return new ApiError(422, { error: 'RequestValidationError', detail: entries });
}

export function fieldError(
  loc: ValidationErrorEntry['loc'],
  type: string,
  msg: string,
  input: unknown,
  ctx?: Record<string, unknown>,
): ValidationErrorEntry {
  return ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input };
}

/** Shorthand for the common case of one invalid body field. */
export function invalidField(
  field: string | (string | number)[],
  msg: string,
  input: unknown,
  type = 'value_error',
): ApiError {
  const loc = ['body', ...(Array.isArray(field) ? field : [field])];
  return businessValidation([fieldError(loc, type, msg, input)]);
}
