import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
// The default entry injects Stripe.js as soon as it is imported; /pure waits for loadStripe(), so free checkouts and
// pages that never show a payment form load no Stripe at all.
import { loadStripe } from '@stripe/stripe-js/pure';
import { TimeoutError, withTimeout } from '../lib/async.js';
import { stripeLocale } from './elements-options.js';

export type StripeUnavailableReason = 'load_failed' | 'timeout' | 'not_available';

/** Stripe.js could not be loaded, so no payment form can be shown. */
export class StripeUnavailableError extends Error {
  readonly reason: StripeUnavailableReason;

  constructor(message: string, reason: StripeUnavailableReason = 'not_available', options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StripeUnavailableError';
    this.reason = reason;
  }
}

export interface LoadStripeOptions {
  /** Give up after this long; default 15000 ms. */
  timeoutMs?: number;
  /** BCP 47 tag; Stripe localizes its error messages with it. */
  locale?: string;
}

const defaultTimeoutMs = 15_000;
const instances = new Map<string, Promise<Stripe>>();
/** Loads Stripe.js on first use and returns one Stripe instance per publishable key (and locale). */
export function loadStripeFor(publishableKey: string, options: LoadStripeOptions = {}): Promise<Stripe> {
  const locale = stripeLocale(options.locale);
  const cacheKey = `${publishableKey}\u0000${locale}`;
  const cached = instances.get(cacheKey);
  if (cached) return cached;

  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const loading = withTimeout(timeoutMs, undefined, () => createStripe(publishableKey, locale)).catch(
    (error: unknown) => {
      throw error instanceof TimeoutError
        ? new StripeUnavailableError(`Stripe.js did not load within ${timeoutMs} ms.`, 'timeout')
        : error;
    },
  );
  instances.set(cacheKey, loading);
  loading.catch(() => {
    if (instances.get(cacheKey) === loading) instances.delete(cacheKey);
  });
  return loading;
}

async function createStripe(publishableKey: string, locale: StripeConstructorOptions['locale']): Promise<Stripe> {
  // Never loadStripe.setLoadParameters: in 10.2.1 /pure it can leave loadStripe hanging after a failed load.
  let stripe: Stripe | null;
  try {
    stripe = await loadStripe(publishableKey, { locale, developerTools: { assistant: { enabled: false } } });
  } catch (cause) {
    throw unavailableFrom(cause);
  }
  if (!stripe) throw new StripeUnavailableError('Stripe.js is not available in this environment.', 'not_available');
  return stripe;
}

function unavailableFrom(cause: unknown): StripeUnavailableError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const reason: StripeUnavailableReason = /not available/i.test(message) ? 'not_available' : 'load_failed';
  return new StripeUnavailableError(`Stripe.js could not be loaded: ${message}`, reason, { cause });
}
