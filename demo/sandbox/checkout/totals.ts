import { calculateTax } from '../pricing/tax.js';
import type { CheckoutRecord } from '../store/checkout-record.js';
import { activeTrial, discountAmount, isPaymentFormRequired, selectedPrice, selectedProduct } from './derived.js';

/** The organization's default, used when a price does not set its own tax behavior. */
const DEFAULT_TAX_BEHAVIOR = 'location' as const;

const DAY_MS = 86_400_000;

/**
 * Polar's `_update_checkout_tax`: net amount after the discount; no tax without a payment form;
 * otherwise tax once an address is known, carved out of the net amount when inclusive.
 */
export function updateTax(record: CheckoutRecord): void {
  record.netAmount = record.amount - discountAmount(record);
  const entry = selectedProduct(record);
  if (!(isPaymentFormRequired(record) && entry.isTaxApplicable)) {
    record.taxAmount = 0;
    return;
  }
  const address = record.customerBillingAddress;
  if (address === null) return;
  const option = selectedPrice(record).tax_behavior ?? DEFAULT_TAX_BEHAVIOR;
  const tax = calculateTax(record.netAmount, option, address, record.isBusinessCustomer ? record.customerTaxId : null);
  record.taxAmount = tax.amount;
  record.taxBehavior = tax.behavior;
  if (tax.behavior === 'inclusive') record.netAmount -= tax.amount;
}

function addInterval(start: Date, interval: NonNullable<CheckoutRecord['trialInterval']>, count: number): Date {
  const end = new Date(start);
  switch (interval) {
    case 'day':
      return new Date(start.getTime() + count * DAY_MS);
    case 'week':
      return new Date(start.getTime() + count * 7 * DAY_MS);
    case 'month':
      end.setUTCMonth(end.getUTCMonth() + count);
      return end;
    case 'year':
      end.setUTCFullYear(end.getUTCFullYear() + count);
      return end;
  }
}

/** Polar's `_update_trial_end`: a trial only runs on recurring products with both interval and count. */
export function updateTrialEnd(record: CheckoutRecord, now: Date): void {
  const trial = activeTrial(record);
  record.trialEnd = trial.interval && trial.count ? addInterval(now, trial.interval, trial.count).toISOString() : null;
}

/** When a discount makes the form disappear, the fields that only the form could edit are cleared. */
export function resetPaymentFormFields(record: CheckoutRecord): void {
  if (isPaymentFormRequired(record)) return;
  record.paymentMethodType = null;
  if (!record.requireBillingAddress) {
    record.isBusinessCustomer = false;
    record.customerTaxId = null;
    record.customerBillingName = null;
  }
}
