import { expect } from '@open-wc/testing';
import { translator } from '../../src/i18n/localize.js';
import { mandateText, payButtonLabel } from '../../src/model/buttons.js';
import { checkout, fixedPrice, monthly, product } from '../fixtures/checkouts.js';
import { registerAllLocales } from '../../src/i18n/all-locales.js';

registerAllLocales();

const t = translator('en');
const plain = (text: string | null) => text?.replace(/[\u00a0\u202f]/g, ' ') ?? null;
const subscription = () => product({ ...monthly(), prices: [fixedPrice(4900)] });
const trialing = () =>
  checkout(
    {
      active_trial_interval: 'day',
      active_trial_interval_count: 14,
      trial_end: '2026-05-15T12:00:00Z',
      is_payment_required: false,
      is_payment_setup_required: true,
    },
    subscription(),
  );

describe('payButtonLabel', () => {
  it('asks to pay the total for a one-time purchase', () => {
    expect(payButtonLabel(checkout({ total_amount: 5390 }), 'en', t)).to.equal('Pay $53.90');
    expect(plain(payButtonLabel(checkout({ currency: 'eur', total_amount: 1250 }), 'de', translator('de')))).to.equal(
      '12,50 € bezahlen',
    );
  });

  it('subscribes to recurring products', () => {
    expect(payButtonLabel(checkout({}, subscription()), 'en', t)).to.equal('Subscribe');
  });

  it('starts a trial when one is active', () => {
    expect(payButtonLabel(trialing(), 'en', t)).to.equal('Start free trial');
    expect(payButtonLabel({ ...trialing(), allow_trial: false }, 'en', t)).to.equal('Subscribe');
  });

  it('gets free products for free', () => {
    const free = checkout({
      is_free_product_price: true,
      is_payment_form_required: false,
      is_payment_required: false,
      total_amount: 0,
    });
    expect(payButtonLabel(free, 'en', t)).to.equal('Get it for free');
    expect(payButtonLabel(free, 'ja', translator('ja'))).to.equal('無料で入手');
  });
});

describe('mandateText', () => {
  it('quotes the button and the one-time amount', () => {
    expect(mandateText(checkout(), t)).to.equal(
      'By selecting “Pay $49”, you authorize a one-time charge of $49 to your payment method.',
    );
  });

  it('describes recurring charges for subscriptions', () => {
    expect(mandateText(checkout({}, subscription()), t)).to.equal(
      'By selecting “Subscribe”, you authorize recurring charges of $49 / mo to your payment method until you cancel.',
    );
  });

  it('names the date charges start after a trial', () => {
    expect(mandateText(trialing(), t)).to.equal(
      'By selecting “Start free trial”, you authorize recurring charges of $49 / mo to your payment method after the trial ends on May 15, 2026, unless you cancel before then.',
    );
  });

  it('formats in the translator language unless a locale is given', () => {
    const fr = translator('fr');
    expect(plain(mandateText(checkout({ currency: 'eur', total_amount: 1250 }), fr))).to.contain('12,50 €');
    expect(mandateText(checkout({ total_amount: 123456 }), t, 'en-IN')).to.contain('$1,234.56');
  });

  it('is absent when nothing is charged', () => {
    expect(mandateText(checkout({ is_payment_form_required: false, total_amount: 0 }), t)).to.equal(null);
  });
});
