import type { ProductPrice } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';
import { invalidField, notOpen, requestValidation } from '../errors.js';
import { normalizeAddress } from '../pricing/address.js';
import { isDiscountApplicable } from '../pricing/discounts.js';
import { defaultPrice, isCustomPrice, isSeatPrice, seatLimits, upfrontAmount } from '../pricing/prices.js';
import type { CheckoutRecord } from '../store/checkout-record.js';
import { validateCustomFieldData } from './custom-fields.js';
import { discountOf, pricesOf, selectedPrice, selectedProduct } from './derived.js';
import {
  seatsOnlyForSeatPricing,
  validateCustomAmount,
  validatedDiscount,
  validatedTaxId,
  validateSeatLimits,
} from './rules.js';
import { updateTrialEnd } from './totals.js';

type Schemas = components['schemas'];

/** Which body it is: the buyer's PATCH, the buyer's confirm, or the merchant's PATCH. */
export type UpdateKind = 'public' | 'confirm' | 'merchant';

/** Any of the three update bodies, validated; every field may be absent. */
export type UpdateInput = Partial<Schemas['CheckoutUpdate']> & Partial<Schemas['CheckoutConfirmStripe']>;

const PUBLIC_FIELDS = [
  'customer_name',
  'customer_email',
  'customer_billing_name',
  'locale',
  'payment_method_type',
  'allow_trial',
] as const;

function has(input: UpdateInput, key: keyof UpdateInput): boolean {
  return Object.prototype.hasOwnProperty.call(input, key);
}

/** Polar's `_update_price`: select the set's default price and reset amount and seats from it. */
function selectPrice(record: CheckoutRecord, input: UpdateInput, offered: ProductPrice[]): void {
  const price = defaultPrice(offered);
  record.productPriceId = price.id;
  record.currency = price.price_currency;
  record.seats = null;
  if (isSeatPrice(price)) {
    const seats = input.seats ?? seatLimits(price).minimum;
    validateSeatLimits(price, seats, null, null);
    record.seats = seats;
  }
  record.amount = upfrontAmount(price, { seats: record.seats });
}

function switchProductOrCurrency(record: CheckoutRecord, input: UpdateInput, kind: UpdateKind): void {
  const currency = kind === 'merchant' ? (input.currency ?? null) : null;
  const productId = input.product_id ?? null;
  if (productId === null) {
    if (currency === null) return;
    const offered = pricesOf(record, record.productId).filter((price) => price.price_currency === currency);
    if (offered.length === 0)
      throw invalidField('currency', 'Product is not available in the specified currency.', currency);
    selectPrice(record, input, offered);
    return;
  }
  if (!record.productIds.includes(productId)) {
    throw invalidField('product_id', 'Product is not available in this checkout.', productId);
  }
  record.productId = productId;
  const all = pricesOf(record, productId);
  if (input.product_price_id) {
    const price = all.find((candidate) => candidate.id === input.product_price_id);
    if (!price)
      throw invalidField('product_price_id', 'Price is not available in this checkout.', input.product_price_id);
    selectPrice(record, input, [price]);
    return;
  }
  if (currency !== null) {
    const offered = all.filter((price) => price.price_currency === currency);
    if (offered.length === 0)
      throw invalidField('currency', 'Product is not available in the specified currency.', currency);
    selectPrice(record, input, offered);
    return;
  }
  const sameCurrency = all.filter((price) => price.price_currency === record.currency);
  selectPrice(record, input, sameCurrency.length > 0 ? sameCurrency : all);
}

function updateDiscount(record: CheckoutRecord, input: UpdateInput, kind: UpdateKind): void {
  const offered = pricesOf(record, record.productId);
  if (kind === 'merchant') {
    if (input.discount_id) {
      record.discountId = validatedDiscount(record.productId, offered, record.currency, {
        id: input.discount_id,
      }).view.id;
    } else if (has(input, 'discount_id')) {
      record.discountId = null;
    }
    return;
  }
  if (!record.allowDiscountCodes) return;
  if (input.discount_code !== undefined && input.discount_code !== null) {
    record.discountId = validatedDiscount(record.productId, offered, record.currency, {
      code: input.discount_code,
    }).view.id;
  } else if (has(input, 'discount_code')) {
    record.discountId = null;
  }
}

function updateBillingDetails(record: CheckoutRecord, input: UpdateInput): boolean {
  if (input.customer_billing_address) {
    const address = normalizeAddress(input.customer_billing_address, ['body', 'customer_billing_address']);
    if (Array.isArray(address)) throw requestValidation(address);
    record.customerBillingAddress = address;
  }
  const disablingBusiness = input.is_business_customer === false;
  if (disablingBusiness || (has(input, 'customer_tax_id') && input.customer_tax_id === null)) {
    record.customerTaxId = null;
  } else {
    const number = input.customer_tax_id || record.customerTaxId;
    if (number) record.customerTaxId = validatedTaxId(number, record.customerBillingAddress?.country ?? null);
  }
  return disablingBusiness;
}

function copyFields(record: CheckoutRecord, input: UpdateInput, kind: UpdateKind): void {
  if (input.is_business_customer !== undefined && input.is_business_customer !== null) {
    record.isBusinessCustomer = input.is_business_customer;
  }
  for (const field of PUBLIC_FIELDS) {
    if (!has(input, field)) continue;
    if (kind === 'merchant' && field === 'payment_method_type') continue;
    // An identified customer keeps the email they have.
    if (field === 'customer_email' && record.customerId !== null) continue;
    const value = input[field] ?? null;
    if (field === 'customer_name') record.customerName = value as string | null;
    else if (field === 'customer_email') record.customerEmail = value as string | null;
    else if (field === 'customer_billing_name') record.customerBillingName = value as string | null;
    else if (field === 'locale') record.locale = value as string | null;
    else if (field === 'payment_method_type') record.paymentMethodType = value as string | null;
    else record.allowTrial = value as boolean | null;
  }
  if (kind !== 'merchant') return;
  if (has(input, 'trial_interval')) record.trialInterval = input.trial_interval ?? null;
  if (has(input, 'trial_interval_count')) record.trialIntervalCount = input.trial_interval_count ?? null;
  if (input.metadata) record.metadata = { ...input.metadata };
  if (input.customer_metadata) record.customerMetadata = { ...input.customer_metadata };
  if (typeof input.allow_discount_codes === 'boolean') record.allowDiscountCodes = input.allow_discount_codes;
  if (typeof input.require_billing_address === 'boolean') record.requireBillingAddress = input.require_billing_address;
  if (has(input, 'customer_ip_address')) record.customerIpAddress = input.customer_ip_address ?? null;
  if (has(input, 'success_url')) record.successUrl = input.success_url ?? null;
  if (has(input, 'return_url')) record.returnUrl = input.return_url ?? null;
  if (has(input, 'embed_origin')) record.embedOrigin = input.embed_origin ?? null;
}

/**
 * Polar's `_update_checkout`, applied to `record` in place (callers pass a copy and keep it only
 * on success, as Polar's transaction would be rolled back on error). Totals are recomputed by the caller.
 */
export function applyUpdate(record: CheckoutRecord, input: UpdateInput, kind: UpdateKind, now = new Date()): void {
  if (record.status !== 'open') throw notOpen(record.id, record.status);

  switchProductOrCurrency(record, input, kind);
  const discount = discountOf(record);
  if (discount && !isDiscountApplicable(discount, record.productId, record.currency)) record.discountId = null;

  const price = selectedPrice(record);
  if (isCustomPrice(price) && input.amount !== undefined && input.amount !== null) {
    validateCustomAmount(price, input.amount, record.currency);
    record.amount = input.amount;
  }
  if (input.seats !== undefined && input.seats !== null) {
    if (!isSeatPrice(price)) throw seatsOnlyForSeatPricing(input.seats);
    validateSeatLimits(price, input.seats, record.minSeats, record.maxSeats);
    record.seats = input.seats;
    record.amount = upfrontAmount(price, { seats: input.seats });
  }

  updateDiscount(record, input, kind);
  const disablingBusiness = updateBillingDetails(record, input);

  if (kind === 'confirm' || has(input, 'custom_field_data')) {
    const data = validateCustomFieldData(
      selectedProduct(record).attachedCustomFields,
      input.custom_field_data ?? {},
      kind === 'confirm',
    );
    record.customFieldData = kind === 'confirm' ? data : { ...record.customFieldData, ...data };
  }

  copyFields(record, input, kind);
  if (disablingBusiness) record.customerBillingName = null;
  updateTrialEnd(record, now);
}
