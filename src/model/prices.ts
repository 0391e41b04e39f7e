import type { components } from '../api/schema.js';
import type { MessageKey, MessageParams, Translate } from '../i18n/localize.js';
import { isolated } from './bidi.js';
import { formatNumber, safeLocale } from './intl.js';
import { formatMoney, formatSubcent, minorUnitDigits } from './money.js';
import { currentSeats, seatBounds, sortedTiers, tierForSeats, type SeatPrice } from './seats.js';

type Schemas = components['schemas'];
export type CheckoutPublic = Schemas['CheckoutPublic'];
export type CheckoutProduct = Schemas['CheckoutProduct'];
export type Price = CheckoutProduct['prices'][number];
export type LegacyPrice = Schemas['LegacyRecurringProductPrice'];
export type MeteredPrice = Schemas['ProductPriceMeteredUnit'];
export type CustomPrice = Schemas['ProductPriceCustom'] | Schemas['LegacyRecurringProductPriceCustom'];
export type RecurringInterval = Schemas['RecurringInterval'];
export type CheckoutUpdate = Schemas['CheckoutUpdatePublic'];

export type PriceKind = 'fixed' | 'free' | 'custom' | 'seat_based' | 'metered';

export interface RecurringPeriod {
  interval: RecurringInterval;
  count: number;
}

export interface PriceDescription {
  kind: PriceKind;
  /** The headline amount: "$49", "Free", "From $5", "$10 / 1M tokens". */
  amountText: string;
  /** "/ mo", "/ 3 mo"; null for one-time and free prices. */
  intervalText: string | null;
  /** Pay what you want: "$5 minimum". */
  minimumText?: string;
  /** Secondary line: "$5 per seat", "capped at $100". */
  detailText?: string;
  /** The headline amount in minor units when there is one. */
  amount: number | null;
}

export function isLegacyPrice(price: Price): price is LegacyPrice {
  return 'legacy' in price && price.legacy === true;
}

export function isMeteredPrice(price: Price): price is MeteredPrice {
  return strategyFor(price).billedByUsage;
}

/** The product's prices the buyer can get in this checkout: not archived, in the checkout's currency. */
export function pricesForCheckout(checkout: CheckoutPublic, product: CheckoutProduct): Price[] {
  const source = checkout.prices?.[product.id] ?? product.prices;
  const currency = checkout.currency.toLowerCase();
  return source.filter((price) => !price.is_archived && price.price_currency.toLowerCase() === currency);
}

/** The price the checkout charges for (metered prices come on top of it), or null without a product. */
export function selectedPrice(checkout: CheckoutPublic): Price | null {
  if (!checkout.product) return null;
  const prices = pricesForCheckout(checkout, checkout.product);
  const current = checkout.product_price;
  if (current && !isMeteredPrice(current)) return prices.find((price) => price.id === current.id) ?? current;
  return prices.find((price) => !isMeteredPrice(price)) ?? null;
}

/** Metered prices of the selected product, charged by usage on top of the selected price. */
export function meteredPrices(checkout: CheckoutPublic): MeteredPrice[] {
  if (!checkout.product) return [];
  return pricesForCheckout(checkout, checkout.product).filter(isMeteredPrice);
}

/** How often a product bills: from a legacy recurring price, else from the product; null for one-time. */
export function recurringPeriod(product: CheckoutProduct, price?: Price | null): RecurringPeriod | null {
  if (price && isLegacyPrice(price)) return { interval: price.recurring_interval, count: 1 };
  if (!product.recurring_interval) return null;
  return { interval: product.recurring_interval, count: Math.max(1, product.recurring_interval_count ?? 1) };
}

export function checkoutPeriod(checkout: CheckoutPublic): RecurringPeriod | null {
  return checkout.product ? recurringPeriod(checkout.product, selectedPrice(checkout)) : null;
}

/** The short suffix after an amount: "/ mo", "/ 3 mo". */
export function recurringIntervalText(interval: RecurringInterval, count: number, t: Translate): string {
  if (count > 1) return t(`interval.${interval}.count`, { count });
  return t(`interval.${interval}`);
}

/** "Billed monthly", "Billed every 3 months", or "One-time purchase". */
export function billingFrequencyText(period: RecurringPeriod | null, t: Translate): string {
  if (!period) return t('product.oneTime');
  if (period.count > 1) return t(`product.billed.${period.interval}.count`, { count: period.count });
  return t(`product.billed.${period.interval}`);
}

export function withInterval(amountText: string, intervalText: string | null): string {
  return intervalText ? `${amountText} ${intervalText}` : amountText;
}

/** What the subscription charges each period, e.g. "$49 / mo"; just the amount for one-time products. */
export function recurringAmountText(checkout: CheckoutPublic, locale: string, t: Translate): string {
  const period = checkoutPeriod(checkout);
  const amount = formatMoney(checkout.total_amount, checkout.currency, locale);
  return withInterval(amount, period ? recurringIntervalText(period.interval, period.count, t) : null);
}

// ---- one strategy per price type ----------------------------------------------------------------------------

type FixedPrice = Extract<Price, { amount_type: 'fixed' }>;
type SeatBasedPrice = Extract<Price, { amount_type: 'seat_based' }>;

interface PriceOfKind {
  fixed: FixedPrice;
  free: FixedPrice;
  custom: CustomPrice;
  seat_based: SeatBasedPrice;
  metered: MeteredPrice;
}

/** What a strategy gets to describe one price. */
export interface PriceContext<P> {
  product: CheckoutProduct;
  price: P;
  checkout: CheckoutPublic;
  /** This is the price the session charges now (its amount is the session's). */
  isSelected: boolean;
  /** How often it bills, as "/ mo"; null for one-time. */
  intervalText: string | null;
  locale: string;
  t: Translate;
  money(amount: number): string;
}

/**
 * How a kind of price is shown and bought: its description, what the buyer sets for it in the summary, and whether it
 * is charged later by usage (listed under the total, not in it). Stripe's mode (payment or setup) is not here: Polar
 * decides it for every kind (`is_payment_setup_required`).
 */
export interface PriceStrategy<P> {
  describe(context: PriceContext<P>): PriceDescription;
  buyerInput: 'none' | 'amount' | 'seats';
  billedByUsage: boolean;
}

/** Typed by kind: a new kind does not compile until each piece exists for it. */
export const priceStrategies: { [K in PriceKind]: PriceStrategy<PriceOfKind[K]> } = {
  fixed: {
    buyerInput: 'none',
    billedByUsage: false,
    describe: ({ price, intervalText, money }) => ({
      kind: 'fixed',
      amountText: money(price.price_amount),
      intervalText,
      amount: price.price_amount,
    }),
  },
  free: {
    buyerInput: 'none',
    billedByUsage: false,
    describe: ({ t }) => ({ kind: 'free', amountText: t('price.free'), intervalText: null, amount: 0 }),
  },
  custom: {
    buyerInput: 'amount',
    billedByUsage: false,
    describe: ({ price, checkout, isSelected, intervalText, money, t }) => {
      const minimum = price.minimum_amount;
      const amount = isSelected ? checkout.amount : (price.preset_amount ?? null);
      const amountText =
        amount !== null
          ? money(amount)
          : minimum > 0
            ? t('price.from', { amount: money(minimum) })
            : t('price.payWhatYouWant');
      const description: PriceDescription = { kind: 'custom', amountText, intervalText, amount };
      if (minimum > 0) description.minimumText = t('pwyw.minimum', { amount: money(minimum) });
      return description;
    },
  },
  seat_based: {
    buyerInput: 'seats',
    billedByUsage: false,
    describe: ({ price, checkout, isSelected, intervalText, money, t }) => {
      const bounds = seatBounds(isSelected ? checkout : {}, price);
      const seats = isSelected ? currentSeats(checkout, bounds) : bounds.min;
      const detailText = t('price.perSeat', { amount: money(tierForSeats(price, seats)?.price_per_seat ?? 0) });
      if (isSelected)
        return {
          kind: 'seat_based',
          amountText: money(checkout.amount),
          intervalText,
          detailText,
          amount: checkout.amount,
        };
      const from = (sortedTiers(price)[0]?.price_per_seat ?? 0) * bounds.min;
      return {
        kind: 'seat_based',
        amountText: t('price.from', { amount: money(from) }),
        intervalText,
        detailText,
        amount: from,
      };
    },
  },
  metered: {
    buyerInput: 'none',
    billedByUsage: true,
    describe: ({ product, price, intervalText, locale, money, t }) => {
      // A meter may reset on its own period rather than the product's.
      const meterInterval =
        product.meter_interval !== null
          ? recurringIntervalText(product.meter_interval, Math.max(1, product.meter_interval_count ?? 1), t)
          : intervalText;
      const description: PriceDescription = {
        kind: 'metered',
        amountText: meteredRateText(price, locale, t),
        intervalText: meterInterval,
        amount: null,
      };
      if (price.cap_amount !== null) description.detailText = t('price.cap', { amount: money(price.cap_amount) });
      return description;
    },
  },
};

export function priceKind(price: Price): PriceKind {
  switch (price.amount_type) {
    case 'fixed':
      return price.price_amount === 0 ? 'free' : 'fixed';
    case 'custom':
      return 'custom';
    case 'seat_based':
      return 'seat_based';
    case 'metered_unit':
      return 'metered';
  }
}

/** The strategy of any price, when the caller does not know its kind. */
export function strategyFor(price: Price): PriceStrategy<Price> {
  return priceStrategies[priceKind(price)] as PriceStrategy<Price>;
}

/** What the buyer sets in the summary for the price the session charges now. */
export function buyerInputFor(checkout: CheckoutPublic): PriceStrategy<Price>['buyerInput'] {
  return checkout.product_price ? strategyFor(checkout.product_price).buyerInput : 'none';
}

/** Display data for one price of a product, as the product list and the summary show it. */
export function describeProductPrice(
  product: CheckoutProduct,
  price: Price,
  checkout: CheckoutPublic,
  locale: string,
  t: Translate,
): PriceDescription {
  const period = recurringPeriod(product, price);
  return strategyFor(price).describe({
    product,
    price,
    checkout,
    isSelected: checkout.product_id === product.id && selectedPrice(checkout)?.id === price.id,
    intervalText: period ? recurringIntervalText(period.interval, period.count, t) : null,
    locale,
    t,
    money: (amount) => formatMoney(amount, price.price_currency, locale),
  });
}

/** A metered rate such as "$0.005 / unit", "$10 / 1M tokens", "$5 / 1,000 requests". */
export function meteredRateText(price: MeteredPrice, locale: string, t: Translate): string {
  const { scale, unit } = meterUnit(price, locale, t);
  return t('price.perUnit', { amount: formatSubcent(price.unit_amount, price.price_currency, locale, scale), unit });
}

function meterUnit(price: MeteredPrice, locale: string, t: Translate): { scale: number; unit: string } {
  const meter = price.meter;
  if (meter?.unit === 'token') return { scale: 1_000_000, unit: t('price.tokens') };
  if (meter?.unit === 'custom') {
    const scale = meter.custom_multiplier && meter.custom_multiplier > 0 ? meter.custom_multiplier : 1;
    const customLabel = meter.custom_label?.trim();
    const label = customLabel ? isolated(customLabel) : t('price.unit');
    return { scale, unit: scale > 1 ? `${formatNumber(scale, locale)} ${label}` : label };
  }
  return { scale: 1, unit: t('price.unit') };
}

export interface ProductOption {
  /** Stable identity for rendering lists: the product id, plus the price id for legacy prices. */
  key: string;
  productId: string;
  priceId: string | null;
  name: string;
  description: string | null;
  price: PriceDescription;
  /** "Billed monthly", "One-time purchase". */
  billingText: string;
  selected: boolean;
  /** The PATCH body that selects this option. */
  update: CheckoutUpdate;
}

/** The choices of a product switcher: one per product, or one per price for products with legacy recurring prices. */
export function productOptions(checkout: CheckoutPublic, locale: string, t: Translate): ProductOption[] {
  const current = selectedPrice(checkout);
  const options: ProductOption[] = [];
  for (const product of checkout.products) {
    const prices = pricesForCheckout(checkout, product);
    const legacy = prices.filter(isLegacyPrice);
    if (legacy.length > 0) {
      for (const price of legacy) {
        const selected = checkout.product_id === product.id && current?.id === price.id;
        options.push({
          key: `${product.id}:${price.id}`,
          productId: product.id,
          priceId: price.id,
          name: product.name,
          description: product.description,
          price: describeProductPrice(product, price, checkout, locale, t),
          billingText: billingFrequencyText(recurringPeriod(product, price), t),
          selected,
          update: { product_id: product.id, product_price_id: price.id },
        });
      }
      continue;
    }
    options.push({
      key: product.id,
      productId: product.id,
      priceId: null,
      name: product.name,
      description: product.description,
      price: describeProduct(product, checkout, locale, t),
      billingText: billingFrequencyText(recurringPeriod(product), t),
      selected: checkout.product_id === product.id,
      update: { product_id: product.id },
    });
  }
  return options;
}

/** Whether the buyer has anything to choose between. */
export function showsProductSwitcher(checkout: CheckoutPublic): boolean {
  return (
    checkout.products.length > 1 ||
    checkout.products.some((product) => pricesForCheckout(checkout, product).filter(isLegacyPrice).length > 1)
  );
}

/** One headline for a whole product: its main price, or "$10 + $5 per seat" for a base price plus seats. */
export function describeProduct(
  product: CheckoutProduct,
  checkout: CheckoutPublic,
  locale: string,
  t: Translate,
): PriceDescription {
  const prices = pricesForCheckout(checkout, product);
  const isSelectedProduct = checkout.product_id === product.id;
  const main =
    (isSelectedProduct ? selectedPrice(checkout) : null) ?? prices.find((price) => !isMeteredPrice(price)) ?? prices[0];
  if (!main) return { kind: 'free', amountText: t('price.free'), intervalText: null, amount: 0 };

  const seatPrice = prices.find((price): price is SeatPrice => price.amount_type === 'seat_based');
  const basePrice = prices.find((price) => price.amount_type === 'fixed' && price.price_amount > 0);
  if (seatPrice && basePrice && basePrice.amount_type === 'fixed' && !isSelectedProduct) {
    const period = recurringPeriod(product);
    const perSeat = sortedTiers(seatPrice)[0]?.price_per_seat ?? 0;
    return {
      kind: 'seat_based',
      amountText: t('price.basePlusSeats', {
        base: formatMoney(basePrice.price_amount, checkout.currency, locale),
        perSeat: formatMoney(perSeat, checkout.currency, locale),
      }),
      intervalText: period ? recurringIntervalText(period.interval, period.count, t) : null,
      amount: basePrice.price_amount,
    };
  }
  return describeProductPrice(product, main, checkout, locale, t);
}

export interface AmountProblem {
  key: MessageKey;
  params?: MessageParams;
}

// Stripe will not charge less than about 0.50 in most currencies; Polar applies 50 minor units everywhere.
const SMALLEST_CHARGE = 50;

/** Why a pay-what-you-want amount (minor units, null when unreadable) cannot be used, or null when it can. */
export function customAmountError(amount: number | null, price: CustomPrice, locale: string): AmountProblem | null {
  const currency = price.price_currency;
  const money = (value: number) => formatMoney(value, currency, locale);
  if (amount === null || !Number.isInteger(amount)) {
    return { key: 'pwyw.invalid', params: { example: exampleAmount(currency, locale) } };
  }
  const minimum = price.minimum_amount;
  if (minimum <= 0) {
    if (amount < 0) return { key: 'pwyw.zeroOrMinimum', params: { amount: money(SMALLEST_CHARGE) } };
    if (amount > 0 && amount < SMALLEST_CHARGE)
      return { key: 'pwyw.zeroOrMinimum', params: { amount: money(SMALLEST_CHARGE) } };
  } else {
    const effectiveMinimum = Math.max(minimum, SMALLEST_CHARGE);
    if (amount < effectiveMinimum) return { key: 'pwyw.tooLow', params: { amount: money(effectiveMinimum) } };
  }
  if (price.maximum_amount !== null && amount > price.maximum_amount) {
    return { key: 'pwyw.tooHigh', params: { amount: money(price.maximum_amount) } };
  }
  return null;
}

/** A sample of how to type an amount in this locale: "12.50" (en), "12,50" (de), "1,250" (JPY). */
function exampleAmount(currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const value = digits === 0 ? 1250 : 12.5;
  return new Intl.NumberFormat(safeLocale(locale), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
