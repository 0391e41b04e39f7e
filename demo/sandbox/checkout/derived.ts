import { findDiscountById, findProduct } from '../catalogue/index.js';
import type { CatalogueDiscount, CatalogueProduct, ProductPrice } from '../catalogue/index.js';
import { billingAddressFields, hasStreetAddress } from '../pricing/address.js';
import type { BillingAddressFields } from '../pricing/address.js';
import { discountAmount as discountAmountFor, isFreeForever } from '../pricing/discounts.js';
import { isDiscountApplicablePrice, isFreePrice, isMeteredPrice } from '../pricing/prices.js';
import type { CheckoutRecord } from '../store/checkout-record.js';

/** Payment methods for which Polar asks for a full billing address. */
const FULL_BILLING_ADDRESS_PAYMENT_METHODS = new Set(['upi']);

export function productEntry(productId: string): CatalogueProduct {
  const entry = findProduct(productId);
  if (!entry) throw new Error(`Product ${productId} is not in the catalogue`);
  return entry;
}

export function pricesOf(record: CheckoutRecord, productId: string): ProductPrice[] {
  return record.adHocPrices[productId] ?? productEntry(productId).prices;
}

export function selectedProduct(record: CheckoutRecord): CatalogueProduct {
  return productEntry(record.productId);
}

export function selectedPrice(record: CheckoutRecord): ProductPrice {
  const price = pricesOf(record, record.productId).find((candidate) => candidate.id === record.productPriceId);
  if (!price) throw new Error(`Price ${record.productPriceId} is not offered by checkout ${record.id}`);
  return price;
}

export function discountOf(record: CheckoutRecord): CatalogueDiscount | null {
  return record.discountId === null ? null : (findDiscountById(record.discountId) ?? null);
}

export function discountAmount(record: CheckoutRecord): number {
  const discount = discountOf(record);
  return discount ? discountAmountFor(discount, record.amount, record.currency) : 0;
}

export function totalAmount(record: CheckoutRecord): number {
  return record.netAmount + (record.taxAmount ?? 0);
}

export function isFreeProductPrice(record: CheckoutRecord): boolean {
  return pricesOf(record, record.productId).every(isFreePrice);
}

export function isDiscountApplicable(record: CheckoutRecord): boolean {
  return pricesOf(record, record.productId).some(isDiscountApplicablePrice);
}

export function isPaymentRequired(record: CheckoutRecord): boolean {
  return totalAmount(record) > 0 && record.trialEnd === null;
}

export function isPaymentSetupRequired(record: CheckoutRecord): boolean {
  if (isFreeProductPrice(record)) return false;
  const hasMetered = pricesOf(record, record.productId).some(isMeteredPrice);
  if (record.amount === 0 && !hasMetered) return false;
  const discount = discountOf(record);
  if (discount && isFreeForever(discount)) return false;
  return selectedProduct(record).product.is_recurring;
}

export function isPaymentFormRequired(record: CheckoutRecord): boolean {
  return isPaymentRequired(record) || isPaymentSetupRequired(record);
}

export function isBillingAddressRequired(record: CheckoutRecord): boolean {
  return (
    record.requireBillingAddress ||
    record.isBusinessCustomer ||
    (record.paymentMethodType !== null && FULL_BILLING_ADDRESS_PAYMENT_METHODS.has(record.paymentMethodType))
  );
}

export function addressFields(record: CheckoutRecord): BillingAddressFields {
  return billingAddressFields(record.customerBillingAddress, isBillingAddressRequired(record));
}

export function hasFullAddress(record: CheckoutRecord): boolean {
  return hasStreetAddress(record.customerBillingAddress);
}

export function activeTrial(record: CheckoutRecord): {
  interval: CheckoutRecord['trialInterval'];
  count: number | null;
} {
  const product = selectedProduct(record).product;
  if (!record.allowTrial || !product.is_recurring) return { interval: null, count: null };
  return {
    interval: record.trialInterval ?? product.trial_interval,
    count: record.trialIntervalCount ?? product.trial_interval_count,
  };
}

/** `{CHECKOUT_ID}` in a success URL is replaced by the checkout's id, as Polar does. */
export function successUrl(record: CheckoutRecord, baseUrl: string): string {
  if (record.successUrl === null) return `${baseUrl}/checkout/${record.clientSecret}/confirmation`;
  return record.successUrl.replaceAll('{CHECKOUT_ID}', record.id);
}
