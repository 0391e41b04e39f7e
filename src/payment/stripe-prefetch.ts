/** Stripe.js fetched ahead of need: small and free of Stripe's loader, so it ships with the element's first script. */

/** Where @stripe/stripe-js's loader gets Stripe.js (its `findScript` adopts a script with this URL); see the unit test. */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';

/**
 * Starts fetching and running Stripe.js before the session's key is known, so the card form can be mounted as soon
 * as the session arrives instead of one round trip later. Constructs nothing: only `loadStripeFor` calls `Stripe()`.
 */
export function prefetchStripeJs(): void {
  if (
    typeof document === 'undefined' ||
    'Stripe' in window ||
    document.querySelector(`script[src^="https://js.stripe.com/"]`)
  )
    return;
  const script = document.createElement('script');
  try {
    script.src = STRIPE_JS_URL;
  } catch {
    // A page that requires Trusted Types refuses a plain-string src (the README has such pages include Stripe.js
    // themselves). This is only a head start: without it the loader tries and reports its failure to the buyer.
    return;
  }
  // A failed fetch must not be adopted by the loader (it would wait for a load that never comes): it injects its own.
  script.addEventListener('error', () => script.remove(), { once: true });
  (document.head ?? document.body).append(script);
}
