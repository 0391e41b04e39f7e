/** Every failed call to Polar becomes one typed error, whatever went wrong: an error body, a timeout or no network. */
import type { ValidationError } from './types.js';

/** Stable codes, also used as `polar-error` event codes (see contract.md). */
export type ApiErrorCode =
  | 'not_found'
  | 'expired'
  | 'forbidden'
  | 'validation'
  | 'payment_failed'
  | 'locked'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  /** A 2xx answer that is not what the operation returns (see checkout-shape.ts). */
  | 'malformed';

export class CheckoutApiError extends Error {
  override readonly name = 'CheckoutApiError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** Polar's `error` field, e.g. `PaymentError`, `NotOpenCheckout`; empty when the body had none. */
    readonly type: string,
    /** HTTP status; undefined when no response arrived. */
    readonly status?: number,
    /** 422 entries, each naming the field in `loc`. */
    readonly validation: ValidationError[] = [],
  ) {
    super(message);
  }

  /** Worth another try as is: the request may not have reached Polar, or Polar failed. */
  get retryable(): boolean {
    return ['network', 'timeout', 'server', 'locked', 'rate_limited', 'malformed'].includes(this.code);
  }
}

function codeForStatus(status: number, type: string): ApiErrorCode {
  if (status === 400 && type === 'PaymentError') return 'payment_failed';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'locked';
  if (status === 410) return 'expired';
  if (status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  if (status === 400) return 'validation';
  return 'server';
}

/** Reads an error response body (which may be anything, or nothing) into a CheckoutApiError. */
export function errorFromResponse(status: number, body: unknown): CheckoutApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const type = typeof record.error === 'string' ? record.error : '';
  const detail = record.detail;
  const validation = Array.isArray(detail) ? detail.filter(isValidationError) : [];
  const message =
    typeof detail === 'string'
      ? detail
      : validation.length > 0
        ? validation.map((entry) => entry.msg).join(' ')
        : `Polar answered HTTP ${status}`;
  return new CheckoutApiError(codeForStatus(status, type), message, type, status, validation);
}

function isValidationError(value: unknown): value is ValidationError {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return Array.isArray(entry.loc) && typeof entry.msg === 'string';
}

/** The form path a 422 entry is about: `["body","customer_billing_address","line1"]` → `customer_billing_address.line1`. */
export function fieldPath(entry: ValidationError): string {
  const parts = entry.loc[0] === 'body' || entry.loc[0] === 'query' ? entry.loc.slice(1) : entry.loc;
  return parts.join('.');
}
