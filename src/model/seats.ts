import type { components } from '../api/schema.js';
import type { MessageKey, Translate } from '../i18n/localize.js';
import { formatMoney } from './money.js';

type CheckoutPublic = components['schemas']['CheckoutPublic'];
export type SeatPrice = components['schemas']['ProductPriceSeatBased'];
export type SeatTier = components['schemas']['ProductPriceSeatTier'];

export interface SeatBounds {
  min: number;
  /** null: no upper limit. */
  max: number | null;
  /** min equals max: the buyer cannot change the count. */
  fixed: boolean;
}

export interface SeatBreakdownRow {
  key: 'base' | 'tier' | 'included';
  label: string;
  value: string;
  amount: number;
  seats?: number;
  pricePerSeat?: number;
}

export function sortedTiers(price: SeatPrice): SeatTier[] {
  return [...(price.seat_tiers?.tiers ?? [])].sort((a, b) => a.min_seats - b.min_seats);
}

/** Allowed seat counts: the checkout's own limits win over the price tiers'. */
export function seatBounds(checkout: Pick<CheckoutPublic, 'min_seats' | 'max_seats'>, price: SeatPrice): SeatBounds {
  const tiers = sortedTiers(price);
  const min = Math.max(1, checkout.min_seats ?? tiers[0]?.min_seats ?? 1);
  const tierMax = tiers.length > 0 ? (tiers[tiers.length - 1]?.max_seats ?? null) : null;
  const rawMax = checkout.max_seats ?? tierMax;
  const max = rawMax === null ? null : Math.max(rawMax, min);
  return { min, max, fixed: max === min };
}

export function clampSeats(seats: number, bounds: SeatBounds): number {
  const whole = Number.isFinite(seats) ? Math.round(seats) : bounds.min;
  const atLeastMin = Math.max(whole, bounds.min);
  return bounds.max === null ? atLeastMin : Math.min(atLeastMin, bounds.max);
}

/** The count to show: the checkout's seats, brought within bounds (Polar may hold a count below a new minimum). */
export function currentSeats(checkout: Pick<CheckoutPublic, 'seats'>, bounds: SeatBounds): number {
  return clampSeats(checkout.seats ?? bounds.min, bounds);
}

/** A typed seat count, or null when it is not a positive whole number. */
export function parseSeatInput(text: string): number | null {
  const cleaned = text.normalize('NFKC').trim();
  if (!/^\d+$/.test(cleaned)) return null;
  const seats = Number(cleaned);
  return Number.isSafeInteger(seats) && seats > 0 ? seats : null;
}

/** Why a seat count is not allowed, or null when it is. */
export function seatCountError(
  seats: number | null,
  bounds: SeatBounds,
): { key: MessageKey; params?: Record<string, number> } | null {
  if (seats === null) return { key: 'error.number' };
  if (seats < bounds.min) return { key: 'seats.minimum', params: { count: bounds.min } };
  if (bounds.max !== null && seats > bounds.max) return { key: 'seats.maximum', params: { count: bounds.max } };
  return null;
}

/** "2–10 seats", "At least 2 seats", "Up to 10 seats", or null when any count goes. */
export function seatLimitText(bounds: SeatBounds, t: Translate): string | null {
  if (bounds.fixed) return null;
  if (bounds.min > 1 && bounds.max !== null) return t('seats.range', { min: bounds.min, max: bounds.max });
  if (bounds.min > 1) return t('seats.minimum', { count: bounds.min });
  if (bounds.max !== null) return t('seats.maximum', { count: bounds.max });
  return null;
}

/** The tier whose range holds `seats` (volume pricing); below the first tier the first, beyond the last the last. */
export function tierForSeats(price: SeatPrice, seats: number): SeatTier | null {
  const tiers = sortedTiers(price);
  const match = tiers.find((tier) => seats >= tier.min_seats && (tier.max_seats == null || seats <= tier.max_seats));
  if (match) return match;
  if (tiers.length === 0) return null;
  return seats < (tiers[0]?.min_seats ?? 1) ? (tiers[0] ?? null) : (tiers[tiers.length - 1] ?? null);
}

interface TierAllocation {
  tier: SeatTier;
  seats: number;
}

function allocate(price: SeatPrice, seats: number): TierAllocation[] {
  if (price.seat_tiers?.seat_tier_type !== 'graduated') {
    const tier = tierForSeats(price, seats);
    return tier ? [{ tier, seats }] : [];
  }
  // Graduated: each tier prices its own range; the first tier covers everything up to its bound.
  const allocations: TierAllocation[] = [];
  let allocated = 0;
  for (const tier of sortedTiers(price)) {
    if (allocated >= seats) break;
    const end = tier.max_seats ?? seats;
    const inTier = Math.min(seats, end) - allocated;
    if (inTier > 0) {
      allocations.push({ tier, seats: inTier });
      allocated += inTier;
    }
  }
  return allocations;
}

/** Rows explaining a seat price: an optional base price, then one row per tier used (one row for volume pricing). */
export function seatBreakdown(
  price: SeatPrice,
  seats: number,
  locale: string,
  t: Translate,
  baseAmount: number | null = null,
): SeatBreakdownRow[] {
  const currency = price.price_currency;
  const rows: SeatBreakdownRow[] = [];
  if (baseAmount !== null && baseAmount > 0) {
    rows.push({
      key: 'base',
      label: t('seats.basePrice'),
      value: formatMoney(baseAmount, currency, locale),
      amount: baseAmount,
    });
  }
  for (const { tier, seats: count } of allocate(price, seats)) {
    const amount = tier.price_per_seat * count;
    if (tier.price_per_seat === 0) {
      rows.push({
        key: 'included',
        label: t('seats.included', { count }),
        value: t('price.free'),
        amount: 0,
        seats: count,
        pricePerSeat: 0,
      });
      continue;
    }
    rows.push({
      key: 'tier',
      label: t('seats.times', { count, price: formatMoney(tier.price_per_seat, currency, locale) }),
      value: formatMoney(amount, currency, locale),
      amount,
      seats: count,
      pricePerSeat: tier.price_per_seat,
    });
  }
  return rows;
}
