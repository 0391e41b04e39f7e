import { expect } from '@open-wc/testing';
import { installStripeDouble } from '../../demo/stripe-double/install.js';
import { loadStripeFor, StripeUnavailableError } from '../../src/payment/stripe-loader.js';

// Its own page: @stripe/stripe-js keeps its loading state per page.
// A Stripe.js tag that already failed before the element loaded (an ad blocker, say) is reused by @stripe/stripe-js,
// which then waits for a load event that never comes.
describe('loadStripeFor when Stripe.js never finishes loading', () => {
  let staleScript: HTMLScriptElement;

  before(async () => {
    staleScript = document.createElement('script');
    staleScript.src = 'https://js.stripe.com/endive/stripe.js';
    await new Promise((resolve) => {
      staleScript.onerror = resolve;
      staleScript.onload = resolve;
      document.head.append(staleScript);
    });
  });

  it('rejects with StripeUnavailableError timeout after timeoutMs', async () => {
    const started = performance.now();
    const error = await loadStripeFor('pk_test_slow', { timeoutMs: 300 }).then(
      () => null,
      (reason: unknown) => reason,
    );
    const elapsed = performance.now() - started;
    expect(error).to.be.instanceOf(StripeUnavailableError);
    expect((error as StripeUnavailableError).reason).to.equal('timeout');
    expect(elapsed).to.be.within(280, 2000);
  });

  it('tries again on a later call, which succeeds once the script finally loads', async () => {
    const later = loadStripeFor('pk_test_slow', { timeoutMs: 3000 });
    await installStripeDouble();
    staleScript.dispatchEvent(new Event('load'));
    const stripe = await later;
    expect(stripe.elements).to.be.a('function');
  });
});
