import { randomUUID } from 'node:crypto';
import { STRIPE_PUBLISHABLE_KEY } from '../catalogue/index.js';
import type { SandboxContext } from '../context.js';
import type { CreateShape } from '../contract/hidden-shapes.js';
import { invalidField, requestValidation } from '../errors.js';
import { hasStreetAddress, normalizeAddress } from '../pricing/address.js';
import { isCustomPrice, isSeatPrice, seatLimits, upfrontAmount } from '../pricing/prices.js';
import type { Address, CheckoutRecord } from '../store/checkout-record.js';
import { CLIENT_SECRET_PREFIX, generateToken } from '../store/tokens.js';
import { resolveCreateTarget } from './create-target.js';
import type { CreateInput } from './create-target.js';
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

export type { CreateInput } from './create-target.js';

/** A Create body validated against the union member it matched. */
export interface CreateRequest {
  shape: CreateShape;
  input: CreateInput;
}

/** Polar's `CheckoutService.create`, for any of the three Create body shapes. */
export function createCheckout(
  context: SandboxContext,
  { shape, input }: CreateRequest,
  now = new Date(),
): CheckoutRecord {
  const nowIso = now.toISOString();
  const { entries, adHocPrices, offered, price } = resolveCreateTarget(shape, input, nowIso);
  const productIds = entries.map((entry) => entry.product.id);
  const first = entries[0]!;
  const currency = price.price_currency;

  const customAmount = input.amount ?? null;
  if (customAmount !== null && isCustomPrice(price)) validateCustomAmount(price, customAmount, currency);

  const discount = input.discount_id
    ? validatedDiscount(first.product.id, offered, currency, { id: input.discount_id })
    : null;

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

  if (input.subscription_id)
    throw invalidField('subscription_id', 'Subscription does not exist.', input.subscription_id);
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
      (hasStreetAddress(billingAddress) ||
        (billingAddress.state !== null && !['US', 'CA'].includes(billingAddress.country))));

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
