import type { SandboxContext } from '../context.js';
import type { CheckoutRecord } from '../store/checkout-record.js';
import { selectedProduct } from './derived.js';
import { publishUpdated } from './events.js';

/**
 * Polar's `handle_success`: subscription then order, then `succeeded` with the intent marked
 * succeeded. Does nothing unless the checkout is still `confirmed`.
 */
export function succeed(context: SandboxContext, clientSecret: string): CheckoutRecord | null {
  const record = context.store.byClientSecret(clientSecret);
  if (!record || record.status !== 'confirmed') return null;
  if (selectedProduct(record).product.is_recurring) {
    context.bus.publish(clientSecret, 'checkout.subscription_created');
  }
  context.bus.publish(clientSecret, 'checkout.order_created');
  record.status = 'succeeded';
  record.modifiedAt = new Date().toISOString();
  record.paymentProcessorMetadata = { ...record.paymentProcessorMetadata, intent_status: 'succeeded' };
  context.store.save(record);
  context.log(`checkout ${record.id} succeeded`);
  publishUpdated(context, record);
  return record;
}

/** Stands in for the Stripe webhook (or Polar's free-checkout job) arriving a little after confirm. */
export function scheduleSuccess(context: SandboxContext, clientSecret: string): void {
  context.timers.schedule(context.timing.successDelayMs, () => succeed(context, clientSecret));
}

/** Polar's `handle_failure`: back to `open` without the intent, so the buyer can try another card. */
export function fail(context: SandboxContext, clientSecret: string): CheckoutRecord | null {
  const record = context.store.byClientSecret(clientSecret);
  if (!record || ['expired', 'succeeded', 'failed'].includes(record.status)) return null;
  record.status = 'open';
  record.modifiedAt = new Date().toISOString();
  const { intent_status: _status, intent_client_secret: _secret, ...rest } = record.paymentProcessorMetadata;
  record.paymentProcessorMetadata = rest;
  context.store.save(record);
  context.log(`checkout ${record.id} payment failed, open again`);
  publishUpdated(context, record);
  return record;
}
