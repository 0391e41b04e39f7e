/** Owns the light-DOM container of one element's Stripe Payment Element, and the Stripe objects behind it. */
import type {
  Stripe,
  StripeElements,
  StripeElementsOptionsMode,
  StripeElementsUpdateOptions,
  StripeError,
  StripePaymentElement,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import type { BillingDetails } from './billing-details.js';
import { PAYMENT_SLOT, type NextActionResult, type TokenResult } from './payment-port.js';

export interface PaymentFormState {
  complete: boolean;
  empty: boolean;
  /** The payment method type the buyer has selected, e.g. 'card'. */
  type: string;
}

export interface PaymentFormCallbacks {
  onChange?(state: PaymentFormState): void;
  onReady?(): void;
  onLoadError?(message: string): void;
}

/** Stripe cannot mount where the host element is: inside a shadow root, or not in the document at all. */
export class ShadowRootMountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShadowRootMountError';
  }
}

const fallbackLoadError = 'The payment form could not be loaded.';
const fallbackStripeError = 'The payment could not be processed. Please try again.';

/**
 * Stripe refuses to mount in a shadow root (stripe/stripe-js#662), so the form lives in a light-DOM child
 * `<div slot="payment">` of the host, which the host's shadow root shows through `<slot name="payment">`.
 */
export class PaymentForm {
  readonly #host: HTMLElement;
  readonly #callbacks: PaymentFormCallbacks;
  #container: HTMLDivElement | null = null;
  #stripe: Stripe | null = null;
  #elements: StripeElements | null = null;
  #paymentElement: StripePaymentElement | null = null;
  #observer: MutationObserver | null = null;

  constructor(host: HTMLElement, callbacks: PaymentFormCallbacks = {}) {
    this.#host = host;
    this.#callbacks = callbacks;
  }

  /** Whether a Payment Element is mounted (or mounting) in the host's light DOM. */
  get mounted(): boolean {
    return this.#paymentElement !== null;
  }

  /** Creates the Elements group and Payment Element and mounts it; a previous form of this instance is replaced. */
  mount(stripe: Stripe, options: StripeElementsOptionsMode, elementOptions: StripePaymentElementOptions): void {
    this.#assertMountable();
    this.destroy();

    const container = this.#ensureContainer();
    try {
      const elements = stripe.elements(options);
      const paymentElement = elements.create('payment', elementOptions);
      paymentElement.on('change', (event) => {
        this.#callbacks.onChange?.({ complete: event.complete, empty: event.empty, type: event.value.type });
      });
      paymentElement.on('ready', () => this.#callbacks.onReady?.());
      paymentElement.on('loaderror', (event) => {
        this.#callbacks.onLoadError?.(event.error?.message || fallbackLoadError);
      });
      paymentElement.mount(container);
      this.#stripe = stripe;
      this.#elements = elements;
      this.#paymentElement = paymentElement;
    } catch (error) {
      container.remove();
      this.#container = null;
      throw error;
    }

    this.#observer = new MutationObserver(() => this.#reattach());
    this.#observer.observe(this.#host, { childList: true });
  }

  /** Passes new amount/mode/appearance to Stripe; does nothing before `mount`. */
  async update(options: StripeElementsUpdateOptions): Promise<void> {
    if (!this.#elements) return;
    await this.#elements.update(options);
  }

  /** Validates the form (`elements.submit()`), then creates a ConfirmationToken with the buyer's billing details. */
  async tokenize(billing: BillingDetails): Promise<TokenResult> {
    const stripe = this.#stripe;
    const elements = this.#elements;
    if (!stripe || !elements) {
      return { ok: false, kind: 'stripe', code: 'not_mounted', message: 'The payment form is not ready yet.' };
    }
    this.#reattach();
    try {
      const submitted = await elements.submit();
      if (submitted.error) return tokenFailure(submitted.error);
      const created = await stripe.createConfirmationToken({
        elements,
        params: { payment_method_data: { billing_details: billing } },
      });
      if (created.error) return tokenFailure(created.error);
      return { ok: true, tokenId: created.confirmationToken.id };
    } catch (error) {
      // Stripe throws IntegrationErrors (misuse) instead of resolving with an error.
      return { ok: false, kind: 'stripe', code: 'integration_error', message: messageOf(error) };
    }
  }

  /** Runs Stripe's next action (3-D Secure) for the intent the server created on confirm. */
  async handleNextAction(intentClientSecret: string): Promise<NextActionResult> {
    const stripe = this.#stripe;
    if (!stripe) return { ok: false, code: 'not_mounted', message: 'The payment form is not ready yet.' };
    return runNextAction(stripe, intentClientSecret);
  }

  /** Unmounts the Payment Element and removes the light-DOM container. Safe to call more than once. */
  destroy(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    const paymentElement = this.#paymentElement;
    this.#paymentElement = null;
    this.#elements = null;
    this.#stripe = null;
    try {
      paymentElement?.destroy();
    } finally {
      this.#container?.remove();
      this.#container = null;
    }
  }

  #assertMountable(): void {
    const root = this.#host.getRootNode();
    if (root === document) return;
    const tag = this.#host.localName;
    if (root instanceof ShadowRoot) {
      const outer = root.host.localName;
      throw new ShadowRootMountError(
        `<${tag}> is inside the shadow root of <${outer}>, and Stripe cannot mount its payment form in a shadow root. ` +
          `Place <${tag}> in the page's light DOM, or slot it into <${outer}> from the light DOM.`,
      );
    }
    throw new ShadowRootMountError(
      `<${tag}> is not attached to the document, and Stripe can only mount its payment form in the document. ` +
        `Mount the payment form after the element is connected.`,
    );
  }

  #ensureContainer(): HTMLDivElement {
    if (!this.#container) {
      const container = this.#host.ownerDocument.createElement('div');
      container.slot = PAYMENT_SLOT;
      container.setAttribute('data-polar-payment', '');
      this.#container = container;
    }
    if (this.#container.parentNode !== this.#host) this.#host.append(this.#container);
    return this.#container;
  }

  // A framework that re-renders the host's children may drop the container; put it back and remount into it.
  #reattach(): void {
    const container = this.#container;
    const paymentElement = this.#paymentElement;
    if (!container || !paymentElement || container.parentNode === this.#host) return;
    if (this.#host.getRootNode() !== document) return;
    this.#host.append(container);
    paymentElement.unmount();
    paymentElement.mount(container);
  }
}

function tokenFailure(error: StripeError): TokenResult {
  return {
    ok: false,
    kind: error.type === 'validation_error' ? 'validation' : 'stripe',
    message: error.message || fallbackStripeError,
    ...(error.code ? { code: error.code } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : fallbackStripeError;
}

/** Stripe's next action (3-D Secure) for an intent; needs a Stripe instance, not a mounted form. */
export async function runNextAction(stripe: Stripe, intentClientSecret: string): Promise<NextActionResult> {
  try {
    const result = await stripe.handleNextAction({ clientSecret: intentClientSecret });
    if (result.error) {
      const { message, code } = result.error;
      return { ok: false, message: message || fallbackStripeError, ...(code ? { code } : {}) };
    }
    const intent = result.paymentIntent ?? result.setupIntent;
    return { ok: true, status: intent?.status ?? 'unknown' };
  } catch (error) {
    return { ok: false, code: 'integration_error', message: messageOf(error) };
  }
}
