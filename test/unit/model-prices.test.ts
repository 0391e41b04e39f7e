import { expect } from '@open-wc/testing';
import { translator } from '../../src/i18n/localize.js';
import {
  billingFrequencyText,
  customAmountError,
  describeProduct,
  describeProductPrice,
  meteredPrices,
  pricesForCheckout,
  productOptions,
  recurringAmountText,
  recurringIntervalText,
  selectedPrice,
  showsProductSwitcher,
} from '../../src/model/prices.js';
import {
  checkout,
  customPrice,
  fixedPrice,
  legacyFixedPrice,
  meteredPrice,
  monthly,
  product,
  seatPrice,
} from '../fixtures/checkouts.js';
import { registerAllLocales } from '../../src/i18n/all-locales.js';
import { isolated } from '../../src/model/bidi.js';

registerAllLocales();

const t = translator('en');
const de = translator('de');
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('pricesForCheckout', () => {
  it('keeps the non-archived prices in the checkout currency', () => {
    const usd = fixedPrice(4900);
    const eur = fixedPrice(4500, 'product-1', 'eur');
    const archived = { ...fixedPrice(3900), is_archived: true };
    const p = product({ prices: [usd, eur, archived] });
    expect(pricesForCheckout(checkout({}, p), p).map((price) => price.id)).to.deep.equal([usd.id]);
    expect(pricesForCheckout(checkout({ currency: 'EUR' }, p), p).map((price) => price.id)).to.deep.equal([eur.id]);
  });

  it('prefers the per-product price map of the session over the product list', () => {
    const listed = fixedPrice(4900);
    const mapped = fixedPrice(2900);
    const p = product({ prices: [listed] });
    const session = checkout({ prices: { [p.id]: [mapped] } }, p);
    expect(pricesForCheckout(session, p)).to.deep.equal([mapped]);
    expect(pricesForCheckout(checkout({ prices: null }, p), p)).to.deep.equal([listed]);
  });
});

describe('selectedPrice / meteredPrices', () => {
  it('is the session price, never a metered one', () => {
    const base = fixedPrice(900);
    const metered = meteredPrice('0.5');
    const p = product({ prices: [metered, base] });
    expect(selectedPrice(checkout({ product_price: metered }, p))?.id).to.equal(base.id);
    expect(selectedPrice(checkout({}, p))?.id).to.equal(base.id);
    expect(meteredPrices(checkout({}, p)).map((price) => price.id)).to.deep.equal([metered.id]);
  });

  it('is null without a product', () => {
    expect(selectedPrice(checkout({ product: null, product_id: null, product_price: null }))).to.equal(null);
    expect(meteredPrices(checkout({ product: null }))).to.deep.equal([]);
  });
});

describe('interval texts', () => {
  it('writes short suffixes with counts', () => {
    expect(recurringIntervalText('month', 1, t)).to.equal('/ mo');
    expect(recurringIntervalText('month', 3, t)).to.equal('/ 3 mo');
    expect(recurringIntervalText('year', 1, t)).to.equal('/ yr');
    expect(recurringIntervalText('week', 2, de)).to.equal('/ 2 Wochen');
  });

  it('describes billing frequency', () => {
    expect(billingFrequencyText({ interval: 'month', count: 1 }, t)).to.equal('Billed monthly');
    expect(billingFrequencyText({ interval: 'month', count: 3 }, t)).to.equal('Billed every 3 months');
    expect(billingFrequencyText({ interval: 'year', count: 1 }, de)).to.equal('Jährliche Abrechnung');
    expect(billingFrequencyText(null, t)).to.equal('One-time purchase');
  });
});

describe('describeProductPrice', () => {
  it('fixed recurring price', () => {
    const price = fixedPrice(4900);
    const p = product({ ...monthly(), prices: [price] });
    expect(describeProductPrice(p, price, checkout({}, p), 'en', t)).to.deep.equal({
      kind: 'fixed',
      amountText: '$49',
      intervalText: '/ mo',
      amount: 4900,
    });
    const quarterly = product({ ...monthly({ recurring_interval_count: 3 }), prices: [price] });
    expect(describeProductPrice(quarterly, price, checkout({}, quarterly), 'en', t).intervalText).to.equal('/ 3 mo');
  });

  it('fixed one-time price in the buyer locale', () => {
    const price = fixedPrice(1250, 'product-1', 'eur');
    const p = product({ prices: [price] });
    const description = describeProductPrice(p, price, checkout({ currency: 'eur' }, p), 'de', de);
    expect(plain(description.amountText)).to.equal('12,50 €');
    expect(description.intervalText).to.equal(null);
  });

  it('free price', () => {
    const price = fixedPrice(0);
    const p = product({ ...monthly(), prices: [price] });
    expect(describeProductPrice(p, price, checkout({}, p), 'en', t)).to.deep.equal({
      kind: 'free',
      amountText: 'Free',
      intervalText: null,
      amount: 0,
    });
  });

  it('pay what you want: the chosen amount when selected, with its minimum', () => {
    const price = customPrice({ minimum: 500 });
    const p = product({ prices: [price] });
    const description = describeProductPrice(p, price, checkout({ amount: 1500 }, p), 'en', t);
    expect(description.kind).to.equal('custom');
    expect(description.amountText).to.equal('$15');
    expect(description.minimumText).to.equal('$5 minimum');
  });

  it('pay what you want when not selected: preset, else "From", else no minimum at all', () => {
    const other = product({ id: 'product-2', prices: [fixedPrice(900, 'product-2')] });
    const preset = customPrice({ minimum: 500, preset: 2000 }, 'product-3');
    const minimum = customPrice({ minimum: 500 }, 'product-3');
    const anything = customPrice({ minimum: 0 }, 'product-3');
    const session = checkout({}, other);
    expect(
      describeProductPrice(product({ id: 'product-3', prices: [preset] }), preset, session, 'en', t).amountText,
    ).to.equal('$20');
    expect(
      describeProductPrice(product({ id: 'product-3', prices: [minimum] }), minimum, session, 'en', t).amountText,
    ).to.equal('From $5');
    const free = describeProductPrice(product({ id: 'product-3', prices: [anything] }), anything, session, 'en', t);
    expect(free.amountText).to.equal('Pay what you want');
    expect(free.minimumText).to.equal(undefined);
  });

  it('seat-based when selected: the session amount and the rate for the current count', () => {
    const price = seatPrice([
      { min_seats: 1, max_seats: 4, price_per_seat: 1000 },
      { min_seats: 5, max_seats: null, price_per_seat: 800 },
    ]);
    const p = product({ ...monthly(), prices: [price] });
    const description = describeProductPrice(p, price, checkout({ seats: 5, amount: 4000 }, p), 'en', t);
    expect(description).to.deep.equal({
      kind: 'seat_based',
      amountText: '$40',
      intervalText: '/ mo',
      detailText: '$8 per seat',
      amount: 4000,
    });
  });

  it('seat-based when not selected: from the minimum seats at the first tier', () => {
    const price = seatPrice([{ min_seats: 3, max_seats: null, price_per_seat: 1000 }], 'volume', 'product-2');
    const p = product({ id: 'product-2', ...monthly(), prices: [price] });
    const description = describeProductPrice(p, price, checkout(), 'en', t);
    expect(description.amountText).to.equal('From $30');
    expect(description.detailText).to.equal('$10 per seat');
  });

  it('metered prices per unit, per million tokens and per custom unit', () => {
    const scalar = meteredPrice('0.5');
    const tokens = meteredPrice('0.001', { unit: 'token' });
    const custom = meteredPrice('0.5', { unit: 'custom', custom_label: 'requests', custom_multiplier: 1000 });
    const capped = { ...meteredPrice('2'), cap_amount: 10000 };
    const p = product({ ...monthly(), prices: [fixedPrice(900), scalar, tokens, custom, capped] });
    const session = checkout({}, p);
    expect(describeProductPrice(p, scalar, session, 'en', t)).to.deep.equal({
      kind: 'metered',
      amountText: '$0.005 / unit',
      intervalText: '/ mo',
      amount: null,
    });
    expect(describeProductPrice(p, tokens, session, 'en', t).amountText).to.equal('$10 / 1M tokens');
    expect(describeProductPrice(p, custom, session, 'en', t).amountText).to.equal(`$5 / 1,000 ${isolated('requests')}`);
    expect(describeProductPrice(p, capped, session, 'en', t).detailText).to.equal('capped at $100');
  });

  it('takes the interval of a legacy recurring price from the price', () => {
    const yearly = legacyFixedPrice(49000, 'year');
    const p = product({ prices: [legacyFixedPrice(4900, 'month'), yearly] });
    const description = describeProductPrice(p, yearly, checkout({}, p), 'en', t);
    expect(description.amountText).to.equal('$490');
    expect(description.intervalText).to.equal('/ yr');
  });
});

describe('productOptions', () => {
  it('offers one option per product and marks the selected one', () => {
    const basic = product({ id: 'basic', name: 'Basic', ...monthly(), prices: [fixedPrice(900, 'basic')] });
    const pro = product({ id: 'pro', name: 'Pro', prices: [fixedPrice(4900, 'pro')] });
    const session = checkout({ products: [basic, pro], prices: { basic: basic.prices, pro: pro.prices } }, basic);
    const options = productOptions(session, 'en', t);
    expect(
      options.map((option) => [option.name, option.price.amountText, option.billingText, option.selected]),
    ).to.deep.equal([
      ['Basic', '$9', 'Billed monthly', true],
      ['Pro', '$49', 'One-time purchase', false],
    ]);
    expect(options[1]?.update).to.deep.equal({ product_id: 'pro' });
    expect(showsProductSwitcher(session)).to.equal(true);
  });

  it('offers one option per legacy recurring price, selected by price id', () => {
    const monthlyPrice = legacyFixedPrice(900, 'month');
    const yearlyPrice = legacyFixedPrice(9000, 'year');
    const p = product({ prices: [monthlyPrice, yearlyPrice] });
    const session = checkout({ product_price: yearlyPrice, product_price_id: yearlyPrice.id }, p);
    const options = productOptions(session, 'en', t);
    expect(options.map((option) => [option.billingText, option.selected])).to.deep.equal([
      ['Billed monthly', false],
      ['Billed yearly', true],
    ]);
    expect(options[0]?.update).to.deep.equal({ product_id: p.id, product_price_id: monthlyPrice.id });
    expect(showsProductSwitcher(session)).to.equal(true);
  });

  it('hides the switcher for a single product', () => {
    expect(showsProductSwitcher(checkout())).to.equal(false);
  });

  it('sums up a base price plus seats for a product not yet selected', () => {
    const p = product({
      id: 'team',
      ...monthly(),
      prices: [fixedPrice(1000, 'team'), seatPrice([{ min_seats: 1, price_per_seat: 500 }], 'volume', 'team')],
    });
    const description = describeProduct(p, checkout(), 'en', t);
    expect(description.amountText).to.equal('$10 + $5 per seat');
    expect(description.intervalText).to.equal('/ mo');
  });
});

describe('recurringAmountText', () => {
  it('is the total with the interval, or just the total for one-time products', () => {
    const p = product({ ...monthly(), prices: [fixedPrice(4900)] });
    expect(recurringAmountText(checkout({ total_amount: 5390 }, p), 'en', t)).to.equal('$53.90 / mo');
    expect(recurringAmountText(checkout(), 'en', t)).to.equal('$49');
  });
});

describe('customAmountError', () => {
  it('accepts amounts within the bounds', () => {
    const price = customPrice({ minimum: 500, maximum: 10000 });
    expect(customAmountError(500, price, 'en')).to.equal(null);
    expect(customAmountError(10000, price, 'en')).to.equal(null);
  });

  it('rejects unreadable input with an example in the buyer locale', () => {
    expect(customAmountError(null, customPrice(), 'en')).to.deep.equal({
      key: 'pwyw.invalid',
      params: { example: '12.50' },
    });
    expect(customAmountError(null, customPrice(), 'de')).to.deep.equal({
      key: 'pwyw.invalid',
      params: { example: '12,50' },
    });
    expect(customAmountError(null, customPrice({}, 'product-1', 'jpy'), 'en')?.params).to.deep.equal({
      example: '1,250',
    });
  });

  it('rejects amounts below the minimum or above the maximum', () => {
    const price = customPrice({ minimum: 500, maximum: 10000 });
    expect(customAmountError(499, price, 'en')).to.deep.equal({ key: 'pwyw.tooLow', params: { amount: '$5' } });
    expect(customAmountError(10001, price, 'en')).to.deep.equal({ key: 'pwyw.tooHigh', params: { amount: '$100' } });
    expect(customAmountError(-100, price, 'en')?.key).to.equal('pwyw.tooLow');
  });

  it('allows zero but not a charge Stripe would refuse when the minimum is zero', () => {
    const price = customPrice({ minimum: 0 });
    expect(customAmountError(0, price, 'en')).to.equal(null);
    expect(customAmountError(49, price, 'en')).to.deep.equal({
      key: 'pwyw.zeroOrMinimum',
      params: { amount: '$0.50' },
    });
    expect(customAmountError(50, price, 'en')).to.equal(null);
  });
});

describe('one strategy per price type', () => {
  it('every kind has a description, a buyer input and a usage flag', async () => {
    const { priceStrategies, priceKind } = await import('../../src/model/prices.js');
    expect(Object.keys(priceStrategies).sort()).to.deep.equal(['custom', 'fixed', 'free', 'metered', 'seat_based']);
    expect(priceStrategies.custom.buyerInput).to.equal('amount');
    expect(priceStrategies.seat_based.buyerInput).to.equal('seats');
    expect(priceStrategies.metered.billedByUsage).to.equal(true);
    expect(priceKind({ amount_type: 'fixed', price_amount: 0 } as never)).to.equal('free');
  });
});
