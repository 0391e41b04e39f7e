/**
 * Codes in state, words in views: what the buyer should read is kept as a message key with its parameters (or, for
 * a reason only the server can give, the server's own text), and translated only when it is shown. A language change
 * therefore re-words every message on screen, and `polar-error` is worded in the language in force when it fires.
 */
import { CheckoutApiError, fieldPath } from '../api/errors.js';
import type { MessageKey, MessageParams, Translate } from '../i18n/localize.js';

/** One thing to say: a translated message, the server's words, or several said one after the other. */
export type Message = { key: MessageKey; params?: MessageParams } | { text: string } | readonly Message[];

export const message = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });

/** Words a message in the buyer's language. */
export function say(what: Message, t: Translate): string {
  if (isList(what))
    return what
      .map((part) => say(part, t))
      .filter(Boolean)
      .join(' ');
  if ('text' in what) return what.text;
  return t(what.key, what.params);
}

const isList = (what: Message): what is readonly Message[] => Array.isArray(what);

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
  | 'configuration'
  | 'unknown';

/** What the buyer can do about an error; the view offers it as a button. */
export type Remedy = 'retry-save' | 'retry-payment-form' | 'reload' | 'recheck';

export interface BuyerError {
  code: PolarErrorCode;
  message: Message;
  status?: number;
  /** Messages for named form fields (422 `loc`), keyed by field path. */
  fields?: Record<string, Message>;
  remedy?: Remedy;
}

const FORBIDDEN_TYPES = [
  'NotOpenCheckout',
  'AlreadyActiveSubscriptionError',
  'PaymentNotReady',
  'TrialAlreadyRedeemed',
  'DiscountRedemptionLimitReached',
] as const;

/** Any failure of a call to Polar, as the buyer should hear it. */
export function describeApiError(error: unknown): BuyerError {
  if (!(error instanceof CheckoutApiError)) return { code: 'unknown', message: message('error.unknown') };
  const status = error.status;
  switch (error.code) {
    case 'expired':
      return { code: 'expired', message: message('error.expired.body'), status };
    case 'not_found':
      return { code: 'not_found', message: message('error.notFound.body'), status };
    case 'payment_failed':
      return { code: 'payment_failed', message: paymentFailedMessage(error.message), status };
    case 'forbidden': {
      const known = (FORBIDDEN_TYPES as readonly string[]).includes(error.type);
      const said = message((known ? `error.forbidden.${error.type}` : 'error.forbidden.generic') as MessageKey);
      const result: BuyerError = { code: 'forbidden', message: said, status };
      if (error.type === 'DiscountRedemptionLimitReached') result.fields = { discount_code: said };
      return result;
    }
    case 'validation':
      return { code: 'validation', message: message('error.validation'), status, fields: validationFields(error) };
    case 'network':
      return { code: 'network', message: message('error.network') };
    case 'timeout':
      return { code: 'timeout', message: message('error.timeout') };
    case 'locked':
      return { code: 'locked', message: message('error.locked'), status };
    case 'rate_limited':
      return { code: 'server', message: message('error.rateLimited'), status };
    default:
      return { code: 'server', message: message('error.server'), status };
  }
}

/** Stripe's English reasons for the card errors a buyer meets most, each worded in the buyer's language by us. */
const CARD_REASONS: Record<string, MessageKey> = {
  'your card was declined.': 'error.card.declined',
  'your card has insufficient funds.': 'error.card.insufficientFunds',
  'your card has expired.': 'error.card.expired',
  "your card's security code is incorrect.": 'error.card.incorrectCvc',
  'your card number is incorrect.': 'error.card.incorrectNumber',
  'an error occurred while processing your card. try again in a little bit.': 'error.card.processing',
};

/**
 * Polar's PaymentError detail is Stripe's (English) reason wrapped in a sentence: the sentence is ours, the reason is
 * ours too when it is one we know, else it is shown as Stripe wrote it.
 */
function paymentFailedMessage(detail: string): Message {
  const reason = detail
    .replace(/^The payment failed:\s*/i, '')
    .replace(/\s*Please try again with a different payment method\.?$/i, '')
    .trim();
  const known = CARD_REASONS[reason.toLowerCase().replace(/[’‘]/g, "'")];
  const said = known ? [message(known)] : reason ? [{ text: reason }] : [];
  return [message('error.paymentFailed'), ...said, message('error.paymentDeclinedHint')];
}

/**
 * Polar's 422 texts are English. The two we can tell for sure get our own translated wording (a missing value, an
 * address that is not an email); any other reason is the server's and is shown as it sent it.
 */
function validationFields(error: CheckoutApiError): Record<string, Message> {
  const fields: Record<string, Message[]> = {};
  for (const entry of error.validation) {
    const path = fieldPath(entry) || '_form';
    const said =
      entry.type === 'missing'
        ? message('error.required')
        : path === 'customer_email' && /not a valid email address/i.test(entry.msg)
          ? message('error.email')
          : { text: entry.msg };
    (fields[path] ??= []).push(said);
  }
  return Object.fromEntries(Object.entries(fields).map(([path, said]) => [path, said.length === 1 ? said[0]! : said]));
}
