import { findDiscountByCode, findDiscountById } from '../catalogue/index.js';
import type { CatalogueDiscount, ProductPrice } from '../catalogue/index.js';
import { businessValidation, fieldError, invalidField } from '../errors.js';
import { isDiscountApplicable } from '../pricing/discounts.js';
import {
  isDiscountApplicablePrice,
  MAXIMUM_CHARGE_AMOUNT,
  minimumChargeAmount,
  seatLimits,
} from '../pricing/prices.js';
import type { CustomPrice, SeatPrice } from '../pricing/prices.js';
import { validateTaxId } from '../pricing/tax-id.js';

function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(amount / 100);
}

/** Polar's `validate_custom_price_amount`, with its wording and error types. */
export function validateCustomAmount(price: CustomPrice, amount: number, currency: string): void {
  const loc = ['body', 'amount'];
  if (amount < price.minimum_amount) {
    throw businessValidation([
      fieldError(loc, 'greater_than_equal', 'Amount is below minimum.', amount, { ge: price.minimum_amount }),
    ]);
  }
  const floor = minimumChargeAmount(currency);
  if (amount > 0 && amount < floor) {
    throw businessValidation([
      fieldError(loc, 'invalid_amount', `Amount must be 0 or at least ${formatMoney(floor, currency)}.`, amount, {
        allowed: [0],
        ge: floor,
      }),
    ]);
  }
  if (price.maximum_amount !== null && amount > price.maximum_amount) {
    throw businessValidation([
      fieldError(loc, 'less_than_equal', 'Amount is above maximum.', amount, { le: price.maximum_amount }),
    ]);
  }
  if (amount > MAXIMUM_CHARGE_AMOUNT) {
    throw businessValidation([
      fieldError(
        loc,
        'less_than_equal',
        `Amount must be at most ${formatMoney(MAXIMUM_CHARGE_AMOUNT, currency)}.`,
        amount,
        { le: MAXIMUM_CHARGE_AMOUNT },
      ),
    ]);
  }
}

/** Polar's `_validate_seat_limits`: the price's tiers, narrowed by the checkout's own bounds. */
export function validateSeatLimits(
  price: SeatPrice,
  seats: number,
  checkoutMin: number | null,
  checkoutMax: number | null,
): void {
  const limits = seatLimits(price);
  const minimum = checkoutMin !== null ? Math.max(limits.minimum, checkoutMin) : limits.minimum;
  const maximum =
    checkoutMax !== null
      ? limits.maximum !== null
        ? Math.min(limits.maximum, checkoutMax)
        : checkoutMax
      : limits.maximum;
  const loc = ['body', 'seats'];
  if (seats < minimum) {
    throw businessValidation([
      fieldError(loc, 'greater_than_equal', `Minimum ${minimum} seats required.`, seats, { ge: minimum }),
    ]);
  }
  if (maximum !== null && seats > maximum) {
    throw businessValidation([
      fieldError(loc, 'less_than_equal', `Maximum ${maximum} seats allowed.`, seats, { le: maximum }),
    ]);
  }
}

/** Polar's `_validate_checkout_seat_constraints` for `min_seats`/`max_seats` on create. */
export function validateSeatConstraints(
  price: SeatPrice | null,
  minSeats: number | null,
  maxSeats: number | null,
): void {
  if (minSeats === null && maxSeats === null) return;
  if (price === null) {
    const errors = [];
    if (minSeats !== null)
      errors.push(
        fieldError(['body', 'min_seats'], 'value_error', 'min_seats can only be set for seat-based pricing.', minSeats),
      );
    if (maxSeats !== null)
      errors.push(
        fieldError(['body', 'max_seats'], 'value_error', 'max_seats can only be set for seat-based pricing.', maxSeats),
      );
    throw businessValidation(errors);
  }
  const limits = seatLimits(price);
  if (minSeats !== null && minSeats < limits.minimum) {
    throw businessValidation([
      fieldError(
        ['body', 'min_seats'],
        'greater_than_equal',
        `min_seats must be at least ${limits.minimum}.`,
        minSeats,
        { ge: limits.minimum },
      ),
    ]);
  }
  if (limits.maximum !== null && maxSeats !== null && maxSeats > limits.maximum) {
    throw businessValidation([
      fieldError(['body', 'max_seats'], 'less_than_equal', `max_seats must be at most ${limits.maximum}.`, maxSeats, {
        le: limits.maximum,
      }),
    ]);
  }
}

export const seatsOnlyForSeatPricing = (seats: number) =>
  invalidField('seats', 'Seats can only be set for seat-based pricing.', seats);

/** Polar's `_get_validated_discount`, by id (merchant) or by code (buyer). */
export function validatedDiscount(
  productId: string,
  prices: ProductPrice[],
  currency: string,
  lookup: { id: string } | { code: string },
): CatalogueDiscount {
  const field = 'id' in lookup ? 'discount_id' : 'discount_code';
  const input = 'id' in lookup ? lookup.id : null;
  if (!prices.some(isDiscountApplicablePrice)) {
    throw invalidField(field, 'Discounts are not applicable to this product.', input);
  }
  const discount = 'id' in lookup ? findDiscountById(lookup.id) : findDiscountByCode(lookup.code);
  if (!discount || !isDiscountApplicable(discount, productId, currency)) {
    throw invalidField(field, 'Discount does not exist.', input);
  }
  return discount;
}

/** A validated tax number for the billing country, or the 422 Polar answers. */
export function validatedTaxId(value: string, country: string | null): string {
  if (country === null) {
    throw businessValidation([
      fieldError(['body', 'customer_billing_address'], 'missing', 'Country is required to validate tax ID.', null),
    ]);
  }
  const valid = validateTaxId(value, country);
  if (valid === null) throw invalidField('customer_tax_id', 'Invalid tax ID.', value);
  return valid;
}
