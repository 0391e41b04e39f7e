import { expect } from '@open-wc/testing';
import { installStripeDouble } from '../../demo/stripe-double/install.js';
import { loadStripeFor, StripeUnavailableError } from '../../src/payment/stripe-loader.js';

// Its own page: @stripe/stripe-js keeps its loading state per page. Nothing here reaches js.stripe.com.
describe('loadStripeFor when Stripe.js cannot be fetched', () => {
  it('injects nothing on import', () => {
    expect(document.querySelector('script[src^="https://js.stripe.com"]')).to.equal(null);
    expect(window.Stripe).to.equal(undefined);
  });

  it('rejects with StripeUnavailableError load_failed after trying the endive script', async () => {
    const error = await loadStripeFor('pk_test_offline', { timeoutMs: 5000 }).then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(StripeUnavailableError);
    expect((error as StripeUnavailableError).reason).to.equal('load_failed');
    expect((error as Error).message).to.contain('Failed to load Stripe.js');
    const injected = document.querySelector<HTMLScriptElement>('script[src^="https://js.stripe.com"]');
    expect(injected?.src).to.equal('https://js.stripe.com/endive/stripe.js');
  });

  it('does not remember the failure: a later call loads Stripe once it is available', async () => {
    await installStripeDouble();
    const stripe = await loadStripeFor('pk_test_offline', { timeoutMs: 5000 });
    expect(stripe.elements).to.be.a('function');
  });
});
