/** Turns any failure into what the buyer reads (in their language) and what `polar-error` reports. */
import { CheckoutApiError, fieldPath } from '../api/errors.js';
import type { MessageKey, Translate } from '../i18n/localize.js';

export type PolarErrorCode =
  | 'expired'
  | 'not_found'
  | 'payment_failed'
  | 'authentication_failed'
  | 'forbidden'
  | 'validation'
  | 'network'
  | 'timeout'
  | 'server'
  | 'locked'
  | 'stripe_unavailable'
  | 'still_processing'
  | 'unknown';

export interface BuyerError {
  code: PolarErrorCode;
  message: string;
  status?: number;
  /** Messages for named form fields (422 `loc`), keyed by form path. */
  fields?: Record<string, string>;
}

const FORBIDDEN_TYPES = [
  'NotOpenCheckout',
  'AlreadyActiveSubscriptionError',
  'PaymentNotReady',
  'TrialAlreadyRedeemed',
  'DiscountRedemptionLimitReached',
] as const;

export function describeApiError(error: unknown, t: Translate): BuyerError {
  if (!(error instanceof CheckoutApiError)) {
    return { code: 'unknown', message: t('error.unknown') };
  }
  const status = error.status;
  switch (error.code) {
    case 'expired':
      return { code: 'expired', message: t('error.expired.body'), status };
    case 'not_found':
      return { code: 'not_found', message: t('error.notFound.body'), status };
    case 'payment_failed':
      return { code: 'payment_failed', message: paymentFailedMessage(error.message, t), status };
    case 'forbidden': {
      const known = (FORBIDDEN_TYPES as readonly string[]).includes(error.type);
      const key = (known ? `error.forbidden.${error.type}` : 'error.forbidden.generic') as MessageKey;
      const result: BuyerError = { code: 'forbidden', message: t(key), status };
      if (error.type === 'DiscountRedemptionLimitReached') result.fields = { discount_code: t(key) };
      return result;
    }
    case 'validation':
      return { code: 'validation', message: t('error.validation'), status, fields: validationFields(error, t) };
    case 'network':
      return { code: 'network', message: t('error.network') };
    case 'timeout':
      return { code: 'timeout', message: t('error.timeout') };
    case 'locked':
      return { code: 'locked', message: t('error.locked'), status };
    default:
      return { code: 'server', message: t('error.server'), status };
  }
}

/** Polar's PaymentError detail is Stripe's (English) reason wrapped in a sentence; keep the reason, word the rest ourselves. */
function paymentFailedMessage(detail: string, t: Translate): string {
  const reason = detail
    .replace(/^The payment failed:\s*/i, '')
    .replace(/\s*Please try again with a different payment method\.?$/i, '')
    .trim();
  return [t('error.paymentFailed'), reason, t('error.paymentDeclinedHint')].filter(Boolean).join(' ');
}

/** Polar's 422 texts are English; the common ones get our own translated wording, the rest are shown as sent. */
function validationFields(error: CheckoutApiError, t: Translate): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const entry of error.validation) {
    const path = fieldPath(entry) || '_form';
    const message =
      entry.type === 'missing' ? t('error.required') : path === 'customer_email' ? t('error.email') : entry.msg;
    fields[path] = fields[path] && fields[path] !== message ? `${fields[path]} ${message}` : message;
  }
  return fields;
}

/** Form paths the element shows a field for; a 422 about anything else is said by the pay button instead. */
export function isShownFieldPath(path: string): boolean {
  return (
    /^(customer_email|customer_name|customer_billing_name|customer_tax_id|discount_code|amount|seats)$/.test(path) ||
    /^(customer_billing_address|custom_field_data)(\.|$)/.test(path)
  );
}

/** The messages of a validation error that no field will show (Polar's own checkout silently drops these). */
export function unplacedMessages(error: BuyerError): string[] {
  return Object.entries(error.fields ?? {})
    .filter(([path]) => !isShownFieldPath(path))
    .map(([, message]) => message);
}
