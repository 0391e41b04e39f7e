import type { SandboxContext } from '../context.js';
import { expired, notFound } from '../errors.js';
import type { CheckoutRecord } from '../store/checkout-record.js';
import { publishExpired } from './events.js';

export function isPastExpiry(record: CheckoutRecord, now = Date.now()): boolean {
  return Date.parse(record.expiresAt) < now;
}

/** What Polar's expiry cron does: an open session past its time becomes `expired`, once. */
export function applyExpiry(context: SandboxContext, record: CheckoutRecord, now = Date.now()): void {
  if (record.status === 'open' && isPastExpiry(record, now)) {
    record.status = 'expired';
    record.modifiedAt = new Date(now).toISOString();
    context.store.save(record);
    publishExpired(context, record);
  }
}

/** Ends a session now, as if its 24 hours were up. */
export function expireNow(context: SandboxContext, record: CheckoutRecord): void {
  const now = Date.now();
  if (!isPastExpiry(record, now)) record.expiresAt = new Date(now - 1000).toISOString();
  applyExpiry(context, record, now);
}

/** Polar's `get_by_client_secret`: 404 when unknown, 410 once past `expires_at` whatever the status. */
export function findByClientSecret(context: SandboxContext, clientSecret: string): CheckoutRecord {
  const record = context.store.byClientSecret(clientSecret);
  if (!record) throw notFound();
  applyExpiry(context, record);
  if (isPastExpiry(record)) throw expired();
  return record;
}

/** A merchant reads expired sessions too (status `expired`); only unknown ids are 404. */
export function findById(context: SandboxContext, id: string): CheckoutRecord {
  const record = context.store.get(id);
  if (!record) throw notFound();
  applyExpiry(context, record);
  return record;
}
