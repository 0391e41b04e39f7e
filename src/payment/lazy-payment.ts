/**
 * The card form's code (Stripe's loader, the Payment Element, tokens, 3-D Secure) arrives when a session may need
 * it, alongside the session's read and Stripe.js itself: a free session or a page still loading never waits for it.
 * The wait for the order comes in the same module; a free session fetches it when it has been confirmed.
 */
import type { CheckoutPublic } from '../api/types.js';
import type { FulfillmentOptions } from '../checkout/fulfillment.js';
import type { BuyerDetails } from './billing-details.js';
import { loadPaymentModule } from './payment-module.js';
import { PaymentLoadError, type NextActionResult, type PaymentPort, type TokenResult } from './payment-port.js';
import type { StripePayment, StripePaymentOptions } from './stripe-payment.js';
import { prefetchStripeJs } from './stripe-prefetch.js';

/** `waitForFulfillment` from the card form's module (loaded now if no card form asked for it). */
export async function waitForOrder(options: FulfillmentOptions): Promise<CheckoutPublic> {
  const { waitForFulfillment } = await loadPaymentModule();
  return waitForFulfillment(options);
}

export class LazyPayment implements PaymentPort {
  private loading: Promise<StripePayment> | null = null;
  private loaded: StripePayment | null = null;

  constructor(private readonly options: StripePaymentOptions) {}

  get mounted(): boolean {
    return this.loaded?.mounted ?? false;
  }

  prepare(): void {
    if (!this.options.stripeOverride()) prefetchStripeJs();
    void this.payment().catch(() => undefined);
  }

  async mount(checkout: CheckoutPublic): Promise<void> {
    let payment: StripePayment;
    try {
      payment = await this.payment();
    } catch (error) {
      throw new PaymentLoadError('unavailable', error);
    }
    await payment.mount(checkout);
  }

  sync(checkout: CheckoutPublic): void {
    this.loaded?.sync(checkout);
  }

  restyle(): void {
    this.loaded?.restyle();
  }

  tokenize(buyer: BuyerDetails): Promise<TokenResult> {
    if (!this.loaded) return Promise.resolve({ ok: false, kind: 'stripe', message: 'The payment form is not ready.' });
    return this.loaded.tokenize(buyer);
  }

  async handleNextAction(intentClientSecret: string, checkout: CheckoutPublic): Promise<NextActionResult> {
    try {
      return await (await this.payment()).handleNextAction(intentClientSecret, checkout);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  destroy(): void {
    this.loaded?.destroy();
  }

  /** One load; a failed one (the network) is tried again on the next need. */
  private payment(): Promise<StripePayment> {
    this.loading ??= loadPaymentModule().then(
      ({ StripePayment }) => (this.loaded = new StripePayment(this.options)),
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }
}
