import { organization } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';
import type { CheckoutRecord } from '../store/checkout-record.js';
import {
  activeTrial,
  addressFields,
  discountAmount,
  discountOf,
  isDiscountApplicable,
  isFreeProductPrice,
  isPaymentFormRequired,
  isPaymentRequired,
  isPaymentSetupRequired,
  pricesOf,
  productEntry,
  selectedPrice,
  selectedProduct,
  successUrl,
  totalAmount,
} from './derived.js';

type Schemas = components['schemas'];
export type CheckoutView = Schemas['Checkout'];
export type CheckoutPublicView = Schemas['CheckoutPublic'];
export type CheckoutPublicConfirmedView = Schemas['CheckoutPublicConfirmed'];

type SharedFields = Omit<
  CheckoutView,
  | 'trial_interval'
  | 'trial_interval_count'
  | 'metadata'
  | 'external_customer_id'
  | 'subscription_id'
  | 'customer_metadata'
>;

function sharedFields(record: CheckoutRecord, baseUrl: string): SharedFields {
  const trial = activeTrial(record);
  const entry = selectedProduct(record);
  return {
    id: record.id,
    created_at: record.createdAt,
    modified_at: record.modifiedAt,
    custom_field_data: { ...record.customFieldData },
    payment_processor: 'stripe',
    status: record.status,
    client_secret: record.clientSecret,
    url: `${baseUrl}/checkout/${record.clientSecret}`,
    expires_at: record.expiresAt,
    success_url: successUrl(record, baseUrl),
    return_url: record.returnUrl,
    embed_origin: record.embedOrigin,
    amount: record.amount,
    seats: record.seats,
    min_seats: record.minSeats,
    max_seats: record.maxSeats,
    discount_amount: discountAmount(record),
    net_amount: record.netAmount,
    tax_amount: record.taxAmount,
    tax_behavior: record.taxBehavior,
    total_amount: totalAmount(record),
    currency: record.currency,
    allow_trial: record.allowTrial,
    active_trial_interval: trial.interval,
    active_trial_interval_count: trial.count,
    trial_end: record.trialEnd,
    organization_id: organization.id,
    product_id: record.productId,
    product_price_id: record.productPriceId,
    discount_id: record.discountId,
    allow_discount_codes: record.allowDiscountCodes,
    require_billing_address: record.requireBillingAddress,
    is_discount_applicable: isDiscountApplicable(record),
    is_free_product_price: isFreeProductPrice(record),
    is_payment_required: isPaymentRequired(record),
    is_payment_setup_required: isPaymentSetupRequired(record),
    is_payment_form_required: isPaymentFormRequired(record),
    customer_id: record.customerId,
    is_business_customer: record.isBusinessCustomer,
    customer_name: record.customerName,
    customer_email: record.customerEmail,
    customer_ip_address: record.customerIpAddress,
    customer_billing_name: record.customerBillingName,
    customer_billing_address: record.customerBillingAddress ? { ...record.customerBillingAddress } : null,
    customer_tax_id: record.customerTaxId,
    locale: record.locale,
    payment_method_type: record.paymentMethodType,
    payment_processor_metadata: { ...record.paymentProcessorMetadata },
    billing_address_fields: addressFields(record),
    products: record.productIds.map((id) => productEntry(id).product),
    product: entry.product,
    product_price: selectedPrice(record),
    prices: Object.fromEntries(record.productIds.map((id) => [id, pricesOf(record, id)])),
    discount: discountOf(record)?.view ?? null,
    attached_custom_fields: entry.attachedCustomFields,
  };
}

/** The merchant's view (`Checkout`), as the authenticated endpoints return it. */
export function toCheckout(record: CheckoutRecord, baseUrl: string): CheckoutView {
  return {
    ...sharedFields(record, baseUrl),
    trial_interval: record.trialInterval,
    trial_interval_count: record.trialIntervalCount,
    metadata: { ...record.metadata },
    external_customer_id: record.externalCustomerId,
    subscription_id: record.subscriptionId,
    customer_metadata: { ...record.customerMetadata },
  };
}

/** The buyer's view (`CheckoutPublic`), as the client endpoints return it. */
export function toCheckoutPublic(record: CheckoutRecord, baseUrl: string): CheckoutPublicView {
  return { ...sharedFields(record, baseUrl), organization };
}

/** The answer to a successful confirm; the session is `confirmed` by then. */
export function toCheckoutPublicConfirmed(
  record: CheckoutRecord,
  baseUrl: string,
  customerSessionToken: string | null,
): CheckoutPublicConfirmedView {
  if (record.status !== 'confirmed') throw new Error(`Checkout ${record.id} is ${record.status}, not confirmed`);
  return { ...toCheckoutPublic(record, baseUrl), status: record.status, customer_session_token: customerSessionToken };
}
