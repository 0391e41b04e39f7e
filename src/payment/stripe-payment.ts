/**
 * The card form of one session: gets Stripe (the page's instance, or Stripe.js with the session's key), mounts the
 * Payment Element, keeps its amount in step, tokenizes and runs 3-D Secure. The session core talks to it through
 * `PaymentPort`, so it can be tested with a fake.
 */
import type { Stripe } from '@stripe/stripe-js';
import type { CheckoutPublic } from '../api/types.js';
import { billingDetailsFor, type BuyerDetails } from './billing-details.js';
import {
  appearanceFor,
  elementsOptionsFor,
  elementsUpdateFor,
  paymentElementOptionsFor,
  stripeLocale,
  type AppearanceTokens,
} from './elements-options.js';
import { PaymentForm, runNextAction, ShadowRootMountError } from './payment-form.js';
import {
  PaymentLoadError,
  type NextActionResult,
  type PaymentCallbacks,
  type PaymentLoadFailure,
  type PaymentPort,
  type TokenResult,
} from './payment-port.js';
import { loadStripeFor, StripeUnavailableError } from './stripe-loader.js';
import { prefetchStripeJs } from './stripe-prefetch.js';

export interface StripePaymentOptions {
  host: HTMLElement;
  callbacks: PaymentCallbacks;
  locale(): string;
  /** The element's resolved theme and design tokens, which the Stripe form takes on. */
  appearance(): { theme: 'light' | 'dark'; tokens: AppearanceTokens };
  /** A Stripe instance the page gave, used instead of loading Stripe.js. */
  stripeOverride(): Stripe | Promise<Stripe | null> | null | undefined;
}

function loadFailure(error: unknown): PaymentLoadFailure {
  if (error instanceof PaymentLoadError) return error.failure;
  if (error instanceof ShadowRootMountError) return 'shadow_root';
  if (error instanceof StripeUnavailableError && error.reason === 'timeout') return 'timeout';
  return 'unavailable';
}

export class StripePayment implements PaymentPort {
  private form: PaymentForm | null = null;

  constructor(private readonly options: StripePaymentOptions) {}

  get mounted(): boolean {
    return this.form?.mounted ?? false;
  }

  prepare(): void {
    if (!this.options.stripeOverride()) prefetchStripeJs();
  }

  async mount(checkout: CheckoutPublic): Promise<void> {
    try {
      await this.mountWith(checkout);
    } catch (error) {
      throw error instanceof PaymentLoadError ? error : new PaymentLoadError(loadFailure(error), error);
    }
  }

  private async mountWith(checkout: CheckoutPublic): Promise<void> {
    const stripe = await this.stripeFor(checkout);
    this.destroy();
    const { callbacks } = this.options;
    const form = new PaymentForm(this.options.host, {
      onChange: ({ complete }) => callbacks.onComplete(complete),
      onReady: () => callbacks.onReady(),
      onLoadError: () => callbacks.onLoadError('unavailable'),
    });
    form.mount(
      stripe,
      elementsOptionsFor(checkout, { locale: this.options.locale(), appearance: this.appearance() }),
      paymentElementOptionsFor(checkout),
    );
    this.form = form;
  }

  sync(checkout: CheckoutPublic): void {
    void this.form?.update(elementsUpdateFor(checkout)).catch(() => undefined);
  }

  restyle(): void {
    const update = { appearance: this.appearance(), locale: stripeLocale(this.options.locale()) };
    void this.form?.update(update).catch(() => undefined);
  }

  tokenize(buyer: BuyerDetails): Promise<TokenResult> {
    if (!this.form) return Promise.resolve({ ok: false, kind: 'stripe', message: 'The payment form is not ready.' });
    return this.form.tokenize(billingDetailsFor(buyer));
  }

  async handleNextAction(intentClientSecret: string, checkout: CheckoutPublic): Promise<NextActionResult> {
    if (this.form?.mounted) return this.form.handleNextAction(intentClientSecret);
    try {
      return await runNextAction(await this.stripeFor(checkout), intentClientSecret);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  destroy(): void {
    this.form?.destroy();
    this.form = null;
  }

  private appearance() {
    const { theme, tokens } = this.options.appearance();
    return appearanceFor(theme, tokens);
  }

  /** Stripe.js itself keeps one instance per key (stripe-loader.ts); nothing is cached here. */
  private async stripeFor(checkout: CheckoutPublic): Promise<Stripe> {
    const injected = this.options.stripeOverride();
    if (injected) {
      const stripe = await injected;
      if (!stripe) throw new PaymentLoadError('unavailable');
      return stripe;
    }
    const key = (checkout.payment_processor_metadata as Record<string, unknown>).publishable_key;
    if (typeof key !== 'string' || !key) throw new PaymentLoadError('unavailable');
    return loadStripeFor(key, { locale: this.options.locale() });
  }
}
