import { expect } from '@open-wc/testing';
import { translator } from '../../src/i18n/localize.js';
import { totalsRows, type TotalsRow } from '../../src/model/totals.js';
import { activeTrial, trialFreeText } from '../../src/model/trial.js';
import { checkout, fixedPrice, meteredPrice, monthly, product } from '../fixtures/checkouts.js';
import { registerAllLocales } from '../../src/i18n/all-locales.js';
import { isolated } from '../../src/model/bidi.js';

registerAllLocales();

const t = translator('en');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const table = (rows: TotalsRow[]) => rows.map((row) => [row.key, row.label, plain(row.value), row.amount]);
const subscription = () => product({ ...monthly(), prices: [fixedPrice(4900)] });

const percentDiscount = {
  duration: 'repeating' as const,
  duration_in_months: 3,
  type: 'percentage' as const,
  basis_points: 2000,
  id: 'discount-1',
  name: 'Launch',
  code: 'LAUNCH',
};

describe('totalsRows', () => {
  it('adds exclusive tax on top of the subtotal', () => {
    const rows = totalsRows(checkout({ tax_amount: 490, tax_behavior: 'exclusive', total_amount: 5390 }), 'en', t);
    expect(table(rows)).to.deep.equal([
      ['subtotal', 'Subtotal', '$49', 4900],
      ['tax', 'Tax', '$4.90', 490],
      ['total', 'Total', '$53.90', 5390],
    ]);
    expect(rows.find((row) => row.key === 'total')?.emphasis).to.equal(true);
  });

  it('marks inclusive tax as included', () => {
    const rows = totalsRows(checkout({ tax_amount: 817, tax_behavior: 'inclusive', total_amount: 4900 }), 'en', t);
    expect(table(rows)).to.deep.equal([
      ['subtotal', 'Subtotal', '$49', 4900],
      ['tax', 'Tax (included)', '$8.17', 817],
      ['total', 'Total', '$49', 4900],
    ]);
  });

  it('says tax is pending until Polar can compute it', () => {
    const tax = totalsRows(checkout({ tax_amount: null }), 'en', t).find((row) => row.key === 'tax');
    expect(tax?.value).to.equal('Based on your address');
    expect(tax?.amount).to.equal(null);
  });

  it('shows a percentage discount, how long it lasts and the taxable amount', () => {
    const session = checkout(
      { discount: percentDiscount, discount_amount: 980, net_amount: 3920, tax_amount: 0, total_amount: 3920 },
      subscription(),
    );
    const rows = totalsRows(session, 'en', t);
    expect(table(rows)).to.deep.equal([
      ['subtotal', 'Subtotal', '$49', 4900],
      ['discount', `${isolated('Launch')} (-20%)`, '-$9.80', -980],
      ['taxable', 'Taxable amount', '$39.20', 3920],
      ['tax', 'Tax', '$0', 0],
      ['total', 'Total', '$39.20 / mo', 3920],
    ]);
    expect(rows[1]?.detail).to.equal('for the first 3 months');
  });

  it('shows a one-off fixed discount by name', () => {
    const fixed = {
      duration: 'once' as const,
      type: 'fixed' as const,
      amount: 1000,
      currency: 'usd',
      amounts: { usd: 1000 },
      id: 'discount-2',
      name: 'Welcome',
      code: null,
    };
    const oneTime = totalsRows(
      checkout({ discount: fixed, discount_amount: 1000, net_amount: 3900, total_amount: 3900 }),
      'en',
      t,
    );
    expect(oneTime[1]).to.include({ key: 'discount', label: isolated('Welcome'), value: '-$10' });
    expect(oneTime[1]?.detail).to.equal(undefined);
    const recurring = totalsRows(
      checkout({ discount: fixed, discount_amount: 1000, net_amount: 3900, total_amount: 3900 }, subscription()),
      'en',
      t,
    );
    expect(recurring[1]?.detail).to.equal('on the first payment only');
  });

  it('during a trial, charges nothing today and says what follows and from when', () => {
    const session = checkout(
      {
        active_trial_interval: 'week',
        active_trial_interval_count: 2,
        trial_end: '2026-05-15T12:00:00Z',
        is_payment_required: false,
        is_payment_setup_required: true,
        tax_amount: 0,
      },
      subscription(),
    );
    expect(table(totalsRows(session, 'en', t))).to.deep.equal([
      ['subtotal', 'Subtotal', '$49', 4900],
      ['tax', 'Tax', '$0', 0],
      ['trial', '14 days free', 'Free', 0],
      ['total', 'Due today', '$0', 0],
      ['recurring', 'Starting May 15, 2026', '$49 / mo', 4900],
    ]);
  });

  it('ignores the trial when the buyer may not have one', () => {
    const session = checkout(
      {
        active_trial_interval: 'month',
        active_trial_interval_count: 1,
        trial_end: '2026-06-01T00:00:00Z',
        allow_trial: false,
      },
      subscription(),
    );
    expect(totalsRows(session, 'en', t).map((row) => row.key)).to.deep.equal(['subtotal', 'tax', 'total']);
  });

  it('has a single "Free" row for a free price', () => {
    const session = checkout({
      is_free_product_price: true,
      amount: 0,
      net_amount: 0,
      total_amount: 0,
      is_payment_form_required: false,
    });
    expect(table(totalsRows(session, 'en', t))).to.deep.equal([['total', 'Total', 'Free', 0]]);
  });

  it('lists metered prices after the total', () => {
    const metered = meteredPrice('0.5', { name: 'API calls' });
    const session = checkout({ tax_amount: 0 }, product({ ...monthly(), prices: [fixedPrice(4900), metered] }));
    const rows = totalsRows(session, 'en', t);
    expect(table(rows).slice(-2)).to.deep.equal([
      ['metered', 'Plus usage', '', null],
      ['meter', isolated('API calls'), '$0.005 / unit', null],
    ]);
    expect(new Set(rows.map((row) => row.id)).size).to.equal(rows.length);
  });

  it('speaks the buyer language and currency format', () => {
    const session = checkout(
      {
        currency: 'eur',
        amount: 1250,
        net_amount: 1250,
        tax_amount: 238,
        tax_behavior: 'exclusive',
        total_amount: 1488,
      },
      product({ prices: [fixedPrice(1250, 'product-1', 'eur')] }),
    );
    expect(table(totalsRows(session, 'de', translator('de')))).to.deep.equal([
      ['subtotal', 'Zwischensumme', '12,50 €', 1250],
      ['tax', 'Steuern', '2,38 €', 238],
      ['total', 'Gesamt', '14,88 €', 1488],
    ]);
  });
});

describe('trial', () => {
  it('counts weeks in days and keeps months and years', () => {
    const weeks = activeTrial(checkout({ active_trial_interval: 'week', active_trial_interval_count: 2 }));
    expect(weeks).to.deep.equal({ unit: 'day', count: 14, endsAt: null });
    const months = activeTrial(checkout({ active_trial_interval: 'month', active_trial_interval_count: 1 }));
    expect(months && trialFreeText(months, t)).to.equal('1 month free');
    expect(activeTrial(checkout())).to.equal(null);
    expect(activeTrial(checkout({ active_trial_interval: 'day', active_trial_interval_count: 0 }))).to.equal(null);
  });
});
