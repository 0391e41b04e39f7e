import { expect } from '@open-wc/testing';
import { loadStripeFor, StripeUnavailableError } from '../../src/payment/stripe-loader.js';
import { prefetchStripeJs, STRIPE_JS_URL } from '../../src/payment/stripe-prefetch.js';

const stripeScripts = () => [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com"]')];

// Its own page (the loader keeps state per page). js.stripe.com is unreachable here, so every fetch of it fails.
describe('prefetchStripeJs', () => {
  it('adds the one script @stripe/stripe-js would add; the loader adopts it instead of adding another', async () => {
    prefetchStripeJs();
    prefetchStripeJs(); // a second element on the page
    expect(stripeScripts().map((script) => script.src)).to.deep.equal(['https://js.stripe.com/endive/stripe.js']);
    expect(STRIPE_JS_URL).to.equal('https://js.stripe.com/endive/stripe.js');
    const loading = loadStripeFor('pk_test_prefetched', { timeoutMs: 3000 });
    expect(stripeScripts()).to.have.length(1);
    const error = await loading.then(
      () => null,
      (reason: unknown) => reason,
    );
    // The adopted script failed and the loader heard it (it did not wait for its time limit).
    expect(error).to.be.instanceOf(StripeUnavailableError);
    expect((error as StripeUnavailableError).reason).to.equal('load_failed');
  });
});
