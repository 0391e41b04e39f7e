import { expect } from '@open-wc/testing';
import type { Stripe } from '@stripe/stripe-js';
import type { components } from '../../src/api/schema.js';
import {
  appearanceFor,
  elementsOptionsFor,
  elementsUpdateFor,
  paymentElementOptionsFor,
  stripeLocale,
} from '../../src/payment/elements-options.js';
import { installStripeDouble } from '../../demo/stripe-double/install.js';
import { checkout as checkoutFixture } from '../fixtures/checkouts.js';

type CheckoutPublic = components['schemas']['CheckoutPublic'];

/** An open checkout for a $49 one-time purchase; the flags that decide the Stripe mode are overridden per case. */
function checkout(overrides: Partial<CheckoutPublic> = {}): CheckoutPublic {
  return checkoutFixture({ payment_processor_metadata: { publishable_key: 'pk_test_options' }, ...overrides });
}

const oneTime = checkout();
const subscription = checkout({ is_payment_setup_required: true, total_amount: 1500, amount: 1500 });
const trial = checkout({
  is_payment_required: false,
  is_payment_setup_required: true,
  total_amount: 0,
  active_trial_interval: 'day',
  active_trial_interval_count: 14,
});
const hundredPercentOnce = checkout({ is_payment_required: true, is_payment_setup_required: true, total_amount: 0 });
const free = checkout({
  is_free_product_price: true,
  is_payment_required: false,
  is_payment_form_required: false,
  amount: 0,
  net_amount: 0,
  total_amount: 0,
});

describe('elementsOptionsFor', () => {
  it('uses payment mode for a one-time purchase, with the total and a lowercase currency', () => {
    expect(elementsOptionsFor(checkout({ currency: 'EUR', total_amount: 5831 }), {})).to.deep.equal({
      mode: 'payment',
      amount: 5831,
      currency: 'eur',
      paymentMethodCreation: 'manual',
      locale: 'auto',
    });
  });

  it('uses subscription mode with off_session future usage when payment and setup are both required', () => {
    expect(elementsOptionsFor(subscription, {})).to.include({
      mode: 'subscription',
      amount: 1500,
      currency: 'usd',
      setupFutureUsage: 'off_session',
      paymentMethodCreation: 'manual',
    });
  });

  it('uses setup mode without an amount for a trial', () => {
    const options = elementsOptionsFor(trial, {});
    expect(options).to.include({ mode: 'setup', currency: 'usd', setupFutureUsage: 'off_session' });
    expect(options).not.to.have.property('amount');
  });

  it('uses setup mode when payment is required but nothing is due now', () => {
    expect(elementsOptionsFor(hundredPercentOnce, {}).mode).to.equal('setup');
    expect(elementsOptionsFor(checkout({ total_amount: 0 }), {}).mode).to.equal('setup');
  });

  it('still gives valid options for a free checkout (the element shows no form for it)', () => {
    expect(free.is_payment_form_required).to.equal(false);
    expect(elementsOptionsFor(free, {})).to.include({ mode: 'setup', currency: 'usd' });
  });

  it('passes the customer session of a returning customer, and only then', () => {
    const returning = checkout({
      payment_processor_metadata: { publishable_key: 'pk_test_x', customer_session_client_secret: 'cuss_secret_123' },
    });
    expect(elementsOptionsFor(returning, {}).customerSessionClientSecret).to.equal('cuss_secret_123');
    expect(elementsOptionsFor(oneTime, {})).not.to.have.property('customerSessionClientSecret');
  });

  it('takes the locale from the context, then from the checkout', () => {
    expect(elementsOptionsFor(checkout({ locale: 'de-DE' }), {}).locale).to.equal('de');
    expect(elementsOptionsFor(checkout({ locale: 'de-DE' }), { locale: 'pt-PT' }).locale).to.equal('pt');
  });

  it('passes the appearance through', () => {
    const appearance = appearanceFor('dark', { colorPrimary: '#ff0000' });
    expect(elementsOptionsFor(oneTime, { appearance }).appearance).to.deep.equal(appearance);
    expect(elementsOptionsFor(oneTime, {})).not.to.have.property('appearance');
  });
});

describe('elementsUpdateFor', () => {
  it('sends the new amount and mode after a PATCH, clearing future usage for one-time payments', () => {
    expect(elementsUpdateFor(checkout({ total_amount: 9800, currency: 'USD' }))).to.deep.equal({
      mode: 'payment',
      amount: 9800,
      currency: 'usd',
      setupFutureUsage: null,
    });
    expect(elementsUpdateFor(subscription)).to.deep.equal({
      mode: 'subscription',
      amount: 1500,
      currency: 'usd',
      setupFutureUsage: 'off_session',
    });
    expect(elementsUpdateFor(trial)).to.deep.equal({ mode: 'setup', currency: 'usd', setupFutureUsage: 'off_session' });
  });
});

describe('paymentElementOptionsFor', () => {
  it('uses tabs, wallets before the card, and collects no billing details or terms in Stripe', () => {
    const options = paymentElementOptionsFor(oneTime);
    expect(options.layout).to.equal('tabs');
    expect(options.paymentMethodOrder).to.deep.equal(['apple_pay', 'google_pay', 'card']);
    expect(options.fields).to.deep.equal({
      billingDetails: { name: 'never', email: 'never', phone: 'never', address: 'never' },
    });
    expect(Object.keys(options.terms!)).to.include.members(['card', 'applePay', 'googlePay', 'paypal']);
    expect(new Set(Object.values(options.terms!))).to.deep.equal(new Set(['never']));
  });

  it('puts Korean payment methods first for KRW', () => {
    expect(paymentElementOptionsFor(checkout({ currency: 'krw' })).paymentMethodOrder).to.deep.equal([
      'kr_card',
      'kakao_pay',
      'naver_pay',
      'samsung_pay',
      'payco',
      'apple_pay',
      'google_pay',
      'card',
    ]);
  });
});

describe('stripeLocale', () => {
  const cases: [string | undefined, string][] = [
    [undefined, 'auto'],
    ['', 'auto'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en-GB'],
    ['en_gb', 'en-GB'],
    ['fr-CA', 'fr-CA'],
    ['fr-BE', 'fr'],
    ['de-AT', 'de'],
    ['pt-PT', 'pt'],
    ['pt-BR', 'pt-BR'],
    ['es', 'es'],
    ['es-ES', 'es-ES'],
    ['es-MX', 'es-419'],
    ['es-419', 'es-419'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-TW', 'zh-TW'],
    ['zh-Hant', 'zh-TW'],
    ['zh-Hant-HK', 'zh-HK'],
    ['nb-NO', 'nb'],
    ['nn', 'nb'],
    ['sv-SE', 'sv'],
    ['ja-JP', 'ja'],
    ['ko', 'ko'],
    ['tl', 'fil'],
    ['xx', 'auto'],
    ['klingon', 'auto'],
  ];
  for (const [tag, expected] of cases) {
    it(`maps ${JSON.stringify(tag)} to ${expected}`, () => {
      expect(stripeLocale(tag)).to.equal(expected);
    });
  }
});

describe('appearanceFor', () => {
  it('maps light to the stripe theme and dark to night', () => {
    expect(appearanceFor('light', {}).theme).to.equal('stripe');
    expect(appearanceFor('dark', {}).theme).to.equal('night');
  });

  it('passes the resolved tokens as variables and skips empty ones', () => {
    const appearance = appearanceFor('light', {
      colorPrimary: ' #6d28d9 ',
      colorBackground: '#ffffff',
      colorText: '#111827',
      colorDanger: '#b91c1c',
      fontFamily: 'Inter, sans-serif',
      borderRadius: '8px',
      spacingUnit: '',
    });
    expect(appearance.variables).to.deep.equal({
      colorPrimary: '#6d28d9',
      colorBackground: '#ffffff',
      colorText: '#111827',
      colorDanger: '#b91c1c',
      fontFamily: 'Inter, sans-serif',
      borderRadius: '8px',
    });
  });
});

describe('the options, as Stripe.js (double) validates them', () => {
  let stripe: Stripe;
  before(async () => {
    stripe = (await installStripeDouble())('pk_test_options');
  });

  for (const [name, value] of [
    ['one-time', oneTime],
    ['subscription', subscription],
    ['trial', trial],
    ['100% off once', hundredPercentOnce],
    ['uppercase currency', checkout({ currency: 'EUR' })],
  ] as const) {
    it(`accepts the ${name} options, and every update between kinds`, async () => {
      const elements = stripe.elements(
        elementsOptionsFor(value, { locale: 'fr', appearance: appearanceFor('dark', {}) }),
      );
      elements.create('payment', paymentElementOptionsFor(value));
      for (const next of [oneTime, subscription, trial, oneTime]) await elements.update(elementsUpdateFor(next));
    });
  }
});
