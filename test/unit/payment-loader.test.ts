import { expect } from '@open-wc/testing';
import { installStripeDouble, stripeDoubleRecords } from '../../demo/stripe-double/install.js';
import { loadStripeFor } from '../../src/payment/stripe-loader.js';

function stripeScripts(): HTMLScriptElement[] {
  return [...document.querySelectorAll<HTMLScriptElement>('script[src^="https://js.stripe.com"]')];
}

describe('loadStripeFor with Stripe.js already on the page', () => {
  before(async () => {
    await installStripeDouble();
  });

  it('uses window.Stripe and injects no script', async () => {
    const stripe = await loadStripeFor('pk_test_predefined');
    expect(stripe.elements).to.be.a('function');
    expect(stripeScripts()).to.have.length(0);
    const instance = stripeDoubleRecords().instances.at(-1)!;
    expect(instance.publishableKey).to.equal('pk_test_predefined');
    expect(instance.options).to.deep.include({ developerTools: { assistant: { enabled: false } } });
  });

  it('creates one Stripe instance per key', async () => {
    const before = stripeDoubleRecords().instances.length;
    const [a, b] = await Promise.all([loadStripeFor('pk_test_memo'), loadStripeFor('pk_test_memo')]);
    const again = await loadStripeFor('pk_test_memo');
    expect(a).to.equal(b);
    expect(again).to.equal(a);
    const other = await loadStripeFor('pk_test_other');
    expect(other).to.not.equal(a);
    expect(stripeDoubleRecords().instances.length - before).to.equal(2);
  });

  it('passes the locale to Stripe, mapped to one Stripe supports', async () => {
    await loadStripeFor('pk_test_locale', { locale: 'pt-PT' });
    expect(stripeDoubleRecords().instances.at(-1)!.options).to.include({ locale: 'pt' });
  });

  it('reports a key Stripe refuses as unavailable, and tries again on the next call', async () => {
    const first = loadStripeFor('sk_test_secret');
    const error = await first.then(
      () => null,
      (reason: unknown) => reason,
    );
    expect(error).to.have.property('name', 'StripeUnavailableError');
    expect(error).to.have.property('reason', 'load_failed');
    expect((error as Error).message).to.contain('secret key');
    const second = loadStripeFor('sk_test_secret');
    expect(second).to.not.equal(first);
    await second.catch(() => undefined);
  });
});
