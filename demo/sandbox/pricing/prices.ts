import type { ProductPrice } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';

type Schemas = components['schemas'];
export type SeatPrice = Schemas['ProductPriceSeatBased'];
export type CustomPrice = Schemas['ProductPriceCustom'];

export const isSeatPrice = (price: ProductPrice): price is SeatPrice => price.amount_type === 'seat_based';
export const isCustomPrice = (price: ProductPrice): price is CustomPrice => price.amount_type === 'custom';
export const isMeteredPrice = (price: ProductPrice): boolean => price.amount_type === 'metered_unit';

/** The price that decides the amount: the first non-metered one, as Polar's default price. */
export function defaultPrice(prices: ProductPrice[]): ProductPrice {
  const price = prices.find((candidate) => !isMeteredPrice(candidate)) ?? prices[0];
  if (!price) throw new Error('A product without prices cannot be sold');
  return price;
}

export function isFreePrice(price: ProductPrice): boolean {
  switch (price.amount_type) {
    case 'fixed':
      return price.price_amount === 0;
    case 'seat_based':
      return price.seat_tiers.tiers.every((tier) => tier.price_per_seat === 0);
    default:
      return false;
  }
}

export function isDiscountApplicablePrice(price: ProductPrice): boolean {
  return !isFreePrice(price);
}

export function seatLimits(price: SeatPrice): { minimum: number; maximum: number | null } {
  const tiers = price.seat_tiers.tiers;
  const last = tiers[tiers.length - 1];
  return { minimum: tiers[0]?.min_seats ?? 1, maximum: last?.max_seats ?? null };
}

/** Seat pricing: volume charges every seat at the tier the count falls in; graduated sums the tiers. */
export function seatAmount(price: SeatPrice, seats: number): number {
  const tiers = price.seat_tiers.tiers;
  if ((price.seat_tiers.seat_tier_type ?? 'volume') === 'graduated') {
    let total = 0;
    for (const tier of tiers) {
      const upper = Math.min(seats, tier.max_seats ?? Number.POSITIVE_INFINITY);
      const count = upper - tier.min_seats + 1;
      if (count > 0) total += count * tier.price_per_seat;
    }
    return total;
  }
  const tier =
    tiers.find(
      (candidate) => seats >= candidate.min_seats && seats <= (candidate.max_seats ?? Number.POSITIVE_INFINITY),
    ) ?? tiers[tiers.length - 1];
  return seats * (tier?.price_per_seat ?? 0);
}

/** What the buyer pays up front for a price, given the seats or the pay-what-you-want amount. */
export function upfrontAmount(
  price: ProductPrice,
  options: { seats?: number | null; customAmount?: number | null } = {},
): number {
  switch (price.amount_type) {
    case 'fixed':
      return price.price_amount;
    case 'custom':
      return options.customAmount ?? (price.preset_amount || price.minimum_amount || 50);
    case 'seat_based':
      return seatAmount(price, options.seats ?? seatLimits(price).minimum);
    default:
      return 0;
  }
}

/** The smallest charge Stripe accepts per currency, in minor units. */
export function minimumChargeAmount(currency: string): number {
  const minimums: Record<string, number> = { usd: 50, eur: 50, gbp: 30, cad: 50, aud: 50, jpy: 50, sek: 300 };
  return minimums[currency] ?? 50;
}

export const MAXIMUM_CHARGE_AMOUNT = 99_999_999;
