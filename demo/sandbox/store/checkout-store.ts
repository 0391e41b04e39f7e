import type { CheckoutRecord } from './checkout-record.js';

/** In-memory checkout sessions, by id and by client secret. */
export class CheckoutStore {
  private readonly byId = new Map<string, CheckoutRecord>();
  private readonly idBySecret = new Map<string, string>();
  private sequence = 0;

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  save(record: CheckoutRecord): CheckoutRecord {
    this.byId.set(record.id, record);
    this.idBySecret.set(record.clientSecret, record.id);
    return record;
  }

  byClientSecret(clientSecret: string): CheckoutRecord | undefined {
    const id = this.idBySecret.get(clientSecret);
    return id === undefined ? undefined : this.byId.get(id);
  }

  get(id: string): CheckoutRecord | undefined {
    return this.byId.get(id);
  }

  all(): CheckoutRecord[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
    this.idBySecret.clear();
  }
}
