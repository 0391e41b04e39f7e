/** Typed access to the Stripe.js test double (`stripe.js` beside this file) for browser tests and the demo. */
import type { StripeConstructor } from '@stripe/stripe-js';

/** Read by the double at call time. */
export interface StripeDoubleConfig {
  /** Base URL of the Polar sandbox that serves `/__stripe/intents/...`; default: the origin the script came from. */
  api?: string;
  /** `createConfirmationToken` answers with an `api_connection_error`. */
  tokenFailure?: boolean;
  /** Milliseconds between the iframe loading and the element's `ready` event. */
  mountDelayMs?: number;
  /** The Payment Element emits `loaderror` with this message instead of `ready`. */
  loadError?: string;
}

export interface StripeDoubleCall {
  method: string;
  args: unknown[];
  result?: unknown;
}

export interface StripeDoubleRecords {
  instances: { publishableKey: string; options: Record<string, unknown> }[];
  calls: StripeDoubleCall[];
}

declare global {
  interface Window {
    __STRIPE_DOUBLE_CONFIG__?: StripeDoubleConfig;
    __stripeDouble?: StripeDoubleRecords;
  }
}

export const stripeDoubleUrl = new URL('./stripe.js', import.meta.url).href;

/** Adds the double as a classic `<script>` (once per page) and resolves with `window.Stripe`. */
export async function installStripeDouble(src: string = stripeDoubleUrl): Promise<StripeConstructor> {
  if (!window.Stripe) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`Could not load the Stripe.js double from ${src}`)));
      document.head.append(script);
    });
  }
  if (!window.Stripe) throw new Error('The Stripe.js double did not define window.Stripe');
  return window.Stripe;
}

/** What the double has recorded so far in this page. */
export function stripeDoubleRecords(): StripeDoubleRecords {
  window.__stripeDouble ??= { instances: [], calls: [] };
  return window.__stripeDouble;
}

/** The recorded calls of one method, oldest first. */
export function stripeDoubleCalls(method: string): StripeDoubleCall[] {
  return stripeDoubleRecords().calls.filter((call) => call.method === method);
}
