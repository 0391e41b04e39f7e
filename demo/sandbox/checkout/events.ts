import type { SandboxContext } from '../context.js';
import type { CheckoutRecord } from '../store/checkout-record.js';

/**
 * Polar's `_after_checkout_updated`: `checkout.updated` with the status, then, because the
 * sandbox organization has no webhook endpoints, `checkout.webhook_event_delivered` right away.
 */
export function publishUpdated(context: SandboxContext, record: CheckoutRecord): void {
  context.bus.publish(record.clientSecret, 'checkout.updated', { status: record.status });
  context.bus.publish(record.clientSecret, 'checkout.webhook_event_delivered', { status: record.status });
}

/** Polar's `send_expiration_events`: only `checkout.updated`. */
export function publishExpired(context: SandboxContext, record: CheckoutRecord): void {
  context.bus.publish(record.clientSecret, 'checkout.updated', { status: record.status });
}
