import { randomUUID } from 'node:crypto';
import { findProduct, STRIPE_PUBLISHABLE_KEY } from '../catalogue/index.js';
import type { CatalogueProduct } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';
import type { SandboxContext } from '../context.js';
import type { ValidationErrorEntry } from '../contract/pydantic-errors.js';
import { businessValidation, fieldError, invalidField, requestValidation } from '../errors.js';
import { hasStreetAddress, normalizeAddress } from '../pricing/address.js';
import { defaultPrice, isCustomPrice, isSeatPrice, seatLimits, upfrontAmount } from '../pricing/prices.js';
import type { Address, CheckoutRecord } from '../store/checkout-record.js';
import { CLIENT_SECRET_PREFIX, generateToken } from '../store/tokens.js';
import { buildAdHocPrices } from './ad-hoc-prices.js';
import { validateCustomFieldData } from './custom-fields.js';
import {
  seatsOnlyForSeatPricing,
  validateCustomAmount,
  validatedDiscount,
  validatedTaxId,
  validateSeatConstraints,
  validateSeatLimits,
} from './rules.js';
import { updateTax, updateTrialEnd } from './totals.js';

/** A validated Create body; fields with schema defaults may still be absent. */
export type CreateInput = Partial<components['schemas']['CheckoutCreate']> & { products: string[] };

function validatedProducts(ids: string[]): CatalogueProduct[] {
  const errors: ValidationErrorEntry[] = [];
  const entries: CatalogueProduct[] = [];
  ids.forEach((id, index) => {
    const entry = findProduct(id);
    if (entry) entries.push(entry);
    else errors.push(fieldError(['body', 'products', index], 'value_error', 'Product does not exist.', id));
  });
  if (errors.length > 0) throw businessValidation(errors);
  return entries;
}

/** Polar's `CheckoutService.create` for the products form of the Create body. */
export function createCheckout(context: SandboxContext, input: CreateInput, now = new Date()): CheckoutRecord {
  const nowIso = now.toISOString();
  const entries = validatedProducts(input.products);
  const productIds = entries.map((entry) => entry.product.id);
  const first = entries[0]!;
  const adHocPrices = input.prices ? buildAdHocPrices(input.prices, productIds, nowIso) : {};

  const offered = adHocPrices[first.product.id] ?? first.prices;
  const inCurrency = input.currency ? offered.filter((price) => price.price_currency === input.currency) : offered;
  if (inCurrency.length === 0) {
    throw invalidField(['products', 0], 'Product is not available in the specified currency.', input.products[0]);
  }
  const price = defaultPrice(inCurrency);
  const currency = price.price_currency;

  const customAmount = input.amount ?? null;
  if (customAmount !== null && isCustomPrice(price)) validateCustomAmount(price, customAmount, currency);

  const discount = input.discount_id ? validatedDiscount(first.product.id, offered, currency, { id: input.discount_id }) : null;

  let billingAddress: Address | null = null;
  if (input.customer_billing_address) {
    const normalized = normalizeAddress(input.customer_billing_address, ['body', 'customer_billing_address']);
    if (Array.isArray(normalized)) throw requestValidation(normalized);
    billingAddress = normalized;
  }
  const taxId = input.customer_tax_id ? validatedTaxId(input.customer_tax_id, billingAddress?.country ?? null) : null;

  const minSeats = input.min_seats ?? null;
  const maxSeats = input.max_seats ?? null;
  const seatPrice = isSeatPrice(price) ? price : null;
  validateSeatConstraints(seatPrice, minSeats, maxSeats);
  let seats: number | null = input.seats ?? null;
  if (seatPrice) {
    seats ??= minSeats ?? seatLimits(seatPrice).minimum;
    validateSeatLimits(seatPrice, seats, minSeats, maxSeats);
  } else if (seats !== null) {
    throw seatsOnlyForSeatPricing(seats);
  }

  if (input.subscription_id) throw invalidField('subscription_id', 'Subscription does not exist.', input.subscription_id);
  let customer = null;
  if (input.customer_id) {
    customer = context.customers.get(input.customer_id);
    if (!customer) throw invalidField('customer_id', 'Customer does not exist.', input.customer_id);
  } else if (input.external_customer_id) {
    customer = context.customers.findByExternalId(input.external_customer_id) ?? null;
  }

  const customFieldData = validateCustomFieldData(first.attachedCustomFields, input.custom_field_data ?? {}, false);

  // Polar infers that a merchant who prefilled a street address wants one.
  const requireBillingAddress =
    (input.require_billing_address ?? false) ||
    (billingAddress !== null &&
      (hasStreetAddress(billingAddress) || (billingAddress.state !== null && !['US', 'CA'].includes(billingAddress.country))));

  const record: CheckoutRecord = {
    sequence: context.store.nextSequence(),
    id: randomUUID(),
    createdAt: nowIso,
    modifiedAt: null,
    status: 'open',
    clientSecret: generateToken(CLIENT_SECRET_PREFIX),
    expiresAt: new Date(now.getTime() + context.timing.checkoutTtlMs).toISOString(),
    successUrl: input.success_url ?? null,
    returnUrl: input.return_url ?? null,
    embedOrigin: input.embed_origin ?? null,
    locale: input.locale ?? null,
    allowDiscountCodes: input.allow_discount_codes ?? true,
    requireBillingAddress,
    amount: upfrontAmount(price, { seats, customAmount }),
    currency,
    seats,
    minSeats,
    maxSeats,
    netAmount: 0,
    taxAmount: null,
    taxBehavior: null,
    allowTrial: input.allow_trial ?? true,
    trialInterval: input.trial_interval ?? null,
    trialIntervalCount: input.trial_interval_count ?? null,
    trialEnd: null,
    productIds,
    adHocPrices,
    productId: first.product.id,
    productPriceId: price.id,
    discountId: discount?.view.id ?? null,
    customerId: customer?.id ?? null,
    isBusinessCustomer: input.is_business_customer ?? false,
    externalCustomerId: input.external_customer_id ?? null,
    customerName: input.customer_name ?? null,
    customerEmail: input.customer_email ?? null,
    customerIpAddress: input.customer_ip_address ?? null,
    customerBillingName: input.customer_billing_name ?? null,
    customerBillingAddress: billingAddress,
    customerTaxId: taxId,
    paymentMethodType: null,
    paymentProcessorMetadata: { publishable_key: STRIPE_PUBLISHABLE_KEY },
    metadata: { ...(input.metadata ?? {}) },
    customerMetadata: { ...(input.customer_metadata ?? {}) },
    customFieldData,
    subscriptionId: null,
  };

  if (customer) {
    record.customerEmail ??= customer.email;
    record.customerName ??= customer.name;
  }

  updateTrialEnd(record, now);
  updateTax(record);
  context.store.save(record);
  context.log(`created checkout ${record.id} (${first.product.name})`);
  return record;
}
