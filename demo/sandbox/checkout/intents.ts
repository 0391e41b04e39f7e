import { randomString } from '../store/tokens.js';

export type IntentStatus = 'requires_action' | 'processing' | 'succeeded' | 'requires_payment_method';

/** The sandbox's stand-in for Stripe's PaymentIntents, created by confirm and settled by 3-D Secure. */
export interface Intent {
  id: string;
  clientSecret: string;
  status: IntentStatus;
  checkoutClientSecret: string;
}

export class IntentStore {
  private readonly byId = new Map<string, Intent>();

  create(checkoutClientSecret: string, status: IntentStatus): Intent {
    const id = `pi_${randomString(24)}`;
    const intent: Intent = { id, clientSecret: `${id}_secret_${randomString(25)}`, status, checkoutClientSecret };
    this.byId.set(id, intent);
    return intent;
  }

  get(id: string): Intent | undefined {
    return this.byId.get(id);
  }

  clear(): void {
    this.byId.clear();
  }
}
