/**
 * The checkout's state machine: load the session, save edits, pay, authenticate, wait for the order.
 * It knows nothing of templates; the element renders `state` and forwards the buyer's actions here.
 */
import type { Stripe } from '@stripe/stripe-js';
import { CheckoutClient, isAbortError } from '../api/checkout-client.js';
import type { CheckoutPublic, CheckoutUpdatePublic } from '../api/types.js';
import { CheckoutApiError } from '../api/errors.js';
import type { Translate } from '../i18n/localize.js';
import { addressFieldModes } from '../model/address.js';
import { parseMoneyInput } from '../model/money.js';
import { customAmountError } from '../model/prices.js';
import { seatBounds, seatCountError } from '../model/seats.js';
import { loadStripeFor, StripeUnavailableError } from '../payment/stripe-loader.js';
import {
  elementsOptionsFor,
  elementsUpdateFor,
  paymentElementOptionsFor,
  stripeLocale,
} from '../payment/elements-options.js';
import { billingDetailsFor } from '../payment/billing-details.js';
import { PaymentForm, ShadowRootMountError } from '../payment/payment-form.js';
import type { Appearance } from '@stripe/stripe-js';
import {
  confirmBody,
  draftFromCheckout,
  patchForField,
  withField,
  type BuyerDraft,
  type DraftField,
} from './buyer-draft.js';
import { describeApiError, unplacedMessages, type BuyerError, type PolarErrorCode } from './error-messages.js';
import { FulfillmentTimeout, PaymentReverted, waitForFulfillment } from './fulfillment.js';
import { validateForPayment } from './form-rules.js';
import { UpdateQueue } from './update-queue.js';

export type Phase = 'idle' | 'loading' | 'unavailable' | 'open' | 'paying' | 'awaiting' | 'succeeded';
export type PayStep = 'validating' | 'tokenizing' | 'confirming' | 'authenticating' | 'waiting';

export interface CheckoutState {
  phase: Phase;
  payStep: PayStep | null;
  checkout: CheckoutPublic | null;
  draft: BuyerDraft;
  /** Messages under named fields, keyed by form path (`customer_email`, `customer_billing_address.city`, ...). */
  fieldErrors: Record<string, string>;
  /** The message by the pay button (or instead of the form when `phase` is `unavailable`). */
  formError: BuyerError | null;
  /** Edits are waiting or in flight. */
  saving: boolean;
  /** A save failed for a reason worth retrying; the edits are kept. */
  saveFailed: boolean;
  payment: { status: 'none' | 'loading' | 'ready' | 'failed'; complete: boolean };
}

export interface CheckoutEvents {
  ready(checkout: CheckoutPublic): void;
  change(checkout: CheckoutPublic): void;
  confirmed(checkout: CheckoutPublic): void;
  /** Returns false when the page called preventDefault(). */
  success(checkout: CheckoutPublic, successUrl: string): boolean;
  error(error: { code: PolarErrorCode; message: string; status?: number }): void;
}

export interface CheckoutControllerOptions {
  paymentHost: HTMLElement;
  events: CheckoutEvents;
  onStateChange(): void;
  translate(): Translate;
  locale(): string;
  stripeOverride(): Stripe | Promise<Stripe | null> | null | undefined;
  appearance(): Appearance;
  navigate(url: string): void;
  /** Work to finish before a loaded session is shown (e.g. fetching its language's texts). Must not reject. */
  beforeShow?(checkout: CheckoutPublic): Promise<void>;
  timing?: { debounceMs?: number; fulfillmentMaxWaitMs?: number; pollDelaysMs?: number[] };
}

const emptyDraft: BuyerDraft = draftFromCheckoutless();

function draftFromCheckoutless(): BuyerDraft {
  return {
    email: '',
    name: '',
    isBusiness: false,
    businessName: '',
    taxId: '',
    address: { country: '', line1: '', line2: '', postal_code: '', city: '', state: '' },
    discountCode: '',
    amountText: '',
    customFields: {},
  };
}

export class CheckoutController {
  state: CheckoutState = {
    phase: 'idle',
    payStep: null,
    checkout: null,
    draft: emptyDraft,
    fieldErrors: {},
    formError: null,
    saving: false,
    saveFailed: false,
    payment: { status: 'none', complete: false },
  };

  private client: CheckoutClient | null = null;
  private clientSecret = '';
  private session = new AbortController();
  private queue: UpdateQueue<CheckoutPublic>;
  private paymentForm: PaymentForm | null = null;
  private stripe: Promise<Stripe> | null = null;
  /** Set synchronously on the first press so a double click cannot start a second confirm. */
  private paying = false;
  private localeSent = false;

  constructor(private readonly options: CheckoutControllerOptions) {
    this.queue = this.createQueue();
  }

  private get t(): Translate {
    return this.options.translate();
  }

  private set(patch: Partial<CheckoutState>): void {
    this.state = { ...this.state, ...patch };
    this.options.onStateChange();
  }

  // ---- loading ----------------------------------------------------------------------------------------------

  /** Loads a session; a new secret or server drops everything of the old one. */
  async load(clientSecret: string, baseUrl: string): Promise<void> {
    this.session.abort();
    this.session = new AbortController();
    this.queue.reset();
    this.destroyPayment();
    this.paying = false;
    this.localeSent = false;
    this.clientSecret = clientSecret;
    this.client = new CheckoutClient({ baseUrl });
    if (!clientSecret) {
      this.set({ phase: 'idle', checkout: null });
      return;
    }
    this.set({
      phase: 'loading',
      payStep: null,
      checkout: null,
      fieldErrors: {},
      formError: null,
      saving: false,
      saveFailed: false,
      payment: { status: 'none', complete: false },
    });
    await this.fetchSession(true);
  }

  /** Fetches the session again, keeping what the buyer typed. */
  async reload(): Promise<void> {
    if (!this.client || !this.clientSecret) return;
    if (this.state.phase === 'unavailable' || this.state.phase === 'idle') this.set({ phase: 'loading', formError: null });
    await this.fetchSession(this.state.checkout === null);
  }

  private async fetchSession(firstLoad: boolean): Promise<void> {
    const { signal } = this.session;
    try {
      const checkout = await this.client!.get(this.clientSecret, signal);
      await this.options.beforeShow?.(checkout);
      if (signal.aborted) return;
      this.receiveSession(checkout, firstLoad);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const described = describeApiError(error, this.t);
      this.reportError(described);
      this.set({ phase: 'unavailable', formError: described });
    }
  }

  private receiveSession(checkout: CheckoutPublic, firstLoad: boolean): void {
    const draft = firstLoad || !this.state.checkout ? draftFromCheckout(checkout) : this.state.draft;
    if (checkout.status === 'succeeded') {
      const wasWaiting = this.state.phase === 'awaiting';
      this.set({ checkout, draft, phase: 'succeeded', payStep: null, formError: null });
      if (wasWaiting) return this.announceSuccess(checkout);
      this.options.events.ready(checkout);
      return;
    }
    if (checkout.status === 'expired') {
      const described: BuyerError = { code: 'expired', message: this.t('error.expired.body'), status: 410 };
      this.reportError(described);
      this.set({ checkout, phase: 'unavailable', formError: described });
      return;
    }
    if (checkout.status === 'confirmed') {
      // Paid in an earlier visit (or another tab): just wait for the order.
      this.set({ checkout, draft, phase: 'awaiting', payStep: 'waiting', formError: null });
      this.options.events.ready(checkout);
      void this.awaitFulfillment(checkout);
      return;
    }
    this.set({ checkout, draft, phase: 'open', formError: null });
    this.syncPaymentForm();
    this.options.events.ready(checkout);
  }

  // ---- edits ------------------------------------------------------------------------------------------------

  private createQueue(): UpdateQueue<CheckoutPublic> {
    return new UpdateQueue<CheckoutPublic>({
      debounceMs: this.options.timing?.debounceMs,
      send: (patch, signal) => this.client!.update(this.clientSecret, patch, signal),
      onResult: (checkout, sent) => {
        const fieldErrors = { ...this.state.fieldErrors };
        for (const path of pathsOf(sent)) delete fieldErrors[path];
        const formError = this.state.formError?.code === 'validation' || this.state.saveFailed ? null : this.state.formError;
        let draft = this.state.draft;
        // The server decides whether a code applies; mirror a removed discount in the field.
        if ('discount_code' in sent && !checkout.discount) draft = { ...draft, discountCode: sent.discount_code ? draft.discountCode : '' };
        this.set({ checkout, fieldErrors, formError, draft, saveFailed: false });
        this.syncPaymentForm();
        this.options.events.change(checkout);
      },
      onError: (error) => {
        const described = describeApiError(error, this.t);
        this.reportError(described);
        if (described.code === 'expired' || described.code === 'not_found') {
          this.set({ phase: 'unavailable', formError: described });
          return false;
        }
        if (described.fields) {
          const unplaced = unplacedMessages(described);
          const formError = unplaced.length > 0 ? { ...described, message: unplaced.join(' ') } : this.state.formError;
          this.set({ fieldErrors: { ...this.state.fieldErrors, ...described.fields }, formError });
          if (described.code === 'validation') return false;
        }
        if (described.code === 'forbidden') {
          this.set({ formError: described });
          return false;
        }
        this.set({ formError: described, saveFailed: true });
        return error instanceof CheckoutApiError && error.retryable;
      },
      onBusyChange: (saving) => {
        if (saving !== this.state.saving) this.set({ saving });
      },
    });
  }

  /**
   * The buyer changed a field. `when`: `typing` saves after a pause, `commit` (blur, select, checkbox, Apply) saves
   * now, `local` only keeps it (e.g. a discount code before Apply).
   */
  edit(field: DraftField, value: string | boolean | number | null, when: 'typing' | 'commit' | 'local'): void {
    if (!this.state.checkout) return;
    const draft = withField(this.state.draft, field, value);
    const fieldErrors = { ...this.state.fieldErrors };
    delete fieldErrors[formPathOf(field)];
    this.set({ draft, fieldErrors });
    if (when === 'local' || this.state.phase !== 'open') return;
    this.save(field, when === 'commit');
  }

  private save(field: DraftField, immediate: boolean): void {
    const checkout = this.state.checkout!;
    let amount: number | null | undefined;
    if (field === 'amountText') {
      amount = parseMoneyInput(this.state.draft.amountText, checkout.currency, this.options.locale());
      const price = checkout.product_price;
      const problem = price?.amount_type === 'custom' ? customAmountError(amount, price, this.options.locale()) : null;
      if (problem) {
        if (immediate) this.set({ fieldErrors: { ...this.state.fieldErrors, amount: this.t(problem.key, problem.params) } });
        return;
      }
      if (amount === null || amount === checkout.amount) return;
    }
    const patch: CheckoutUpdatePublic | null = patchForField(this.state.draft, field, amount);
    if (!patch) return;
    if (!this.localeSent) {
      patch.locale = this.options.locale();
      this.localeSent = true;
    }
    this.queue.edit(patch, immediate);
  }

  /** Sends a change that is not a typed field (product, seats). */
  change(patch: CheckoutUpdatePublic): void {
    if (this.state.phase !== 'open') return;
    this.queue.edit(patch, true);
  }

  /** A seat count from the stepper or typed; out-of-range counts are explained, not sent. */
  setSeats(seats: number | null): void {
    const checkout = this.state.checkout;
    const price = checkout?.product_price;
    if (!checkout || price?.amount_type !== 'seat_based' || this.state.phase !== 'open') return;
    const problem = seatCountError(seats, seatBounds(checkout, price));
    const fieldErrors = { ...this.state.fieldErrors };
    delete fieldErrors.seats;
    if (problem) fieldErrors.seats = this.t(problem.key, problem.params);
    this.set({ fieldErrors });
    if (!problem && seats !== checkout.seats) this.queue.edit({ seats: seats! }, true);
  }

  retrySave(): void {
    this.set({ formError: null, saveFailed: false });
    void this.queue.flush();
  }

  // ---- payment form ----------------------------------------------------------------------------------------

  private syncPaymentForm(): void {
    const checkout = this.state.checkout;
    if (!checkout || this.state.phase === 'unavailable') return;
    if (!checkout.is_payment_form_required) {
      // A 100% discount or a free product: no card, and no Stripe at all.
      if (this.paymentForm) this.destroyPayment();
      if (this.state.payment.status !== 'none') this.set({ payment: { status: 'none', complete: false } });
      return;
    }
    if (this.paymentForm?.mounted) {
      void this.paymentForm.update(elementsUpdateFor(checkout)).catch(() => undefined);
      return;
    }
    // Loading, or failed: only the buyer's "Try again" (retryPaymentForm) starts another attempt.
    if (this.state.payment.status === 'loading' || this.state.payment.status === 'failed') return;
    void this.mountPaymentForm(checkout);
  }

  private async mountPaymentForm(checkout: CheckoutPublic): Promise<void> {
    this.set({ payment: { status: 'loading', complete: false } });
    const { signal } = this.session;
    try {
      const stripe = await this.loadStripe(checkout);
      if (signal.aborted || this.paymentForm) return;
      const latest = this.state.checkout ?? checkout;
      this.paymentForm = new PaymentForm(this.options.paymentHost, {
        onChange: ({ complete }) => this.set({ payment: { ...this.state.payment, complete } }),
        onReady: () => this.set({ payment: { ...this.state.payment, status: 'ready' } }),
        onLoadError: (message) => this.paymentFailedToLoad(new StripeUnavailableError(message)),
      });
      const appearance = this.options.appearance();
      this.paymentForm.mount(
        stripe,
        elementsOptionsFor(latest, { locale: this.options.locale(), appearance }),
        paymentElementOptionsFor(latest),
      );
      if (this.state.payment.status === 'loading') this.set({ payment: { ...this.state.payment, status: 'ready' } });
    } catch (error) {
      if (signal.aborted) return;
      this.paymentFailedToLoad(error);
    }
  }

  private paymentFailedToLoad(error: unknown): void {
    this.stripe = null;
    const message =
      error instanceof ShadowRootMountError
        ? this.t('error.shadowRoot')
        : error instanceof StripeUnavailableError && error.reason === 'timeout'
          ? this.t('error.stripeTimeout')
          : this.t('error.stripeUnavailable');
    const described: BuyerError = { code: 'stripe_unavailable', message };
    this.reportError(described);
    this.set({ payment: { status: 'failed', complete: false }, formError: described });
  }

  /** The page changed the theme or language: restyle and relabel the card form too. */
  refreshPaymentAppearance(): void {
    if (!this.paymentForm?.mounted) return;
    const locale = stripeLocale(this.options.locale());
    void this.paymentForm.update({ appearance: this.options.appearance(), locale }).catch(() => undefined);
  }

  /** After "Stripe could not load": try again. */
  retryPaymentForm(): void {
    this.destroyPayment();
    this.set({ formError: null, payment: { status: 'none', complete: false } });
    this.syncPaymentForm();
  }

  private loadStripe(checkout: CheckoutPublic): Promise<Stripe> {
    const injected = this.options.stripeOverride();
    if (injected) {
      this.stripe ??= Promise.resolve(injected).then((stripe) => {
        if (!stripe) throw new StripeUnavailableError('The provided Stripe instance is null');
        return stripe;
      });
      return this.stripe;
    }
    const key = (checkout.payment_processor_metadata as Record<string, unknown>).publishable_key;
    if (typeof key !== 'string' || !key) {
      return Promise.reject(new StripeUnavailableError('The checkout has no Stripe publishable key'));
    }
    this.stripe ??= loadStripeFor(key, { locale: this.options.locale() });
    return this.stripe;
  }

  private destroyPayment(): void {
    this.paymentForm?.destroy();
    this.paymentForm = null;
  }

  // ---- paying -----------------------------------------------------------------------------------------------

  /** The pay button. Safe to call any number of times: only one payment runs. */
  async submit(): Promise<void> {
    if (this.paying || this.state.phase !== 'open' || !this.state.checkout) return;
    this.paying = true;
    try {
      await this.pay();
    } finally {
      this.paying = false;
    }
  }

  private async pay(): Promise<void> {
    const { signal } = this.session;
    this.set({ phase: 'paying', payStep: 'validating', formError: null });
    // Edits still waiting (a seat count, a product) are sent first; Polar locks the row, so confirm must follow them.
    await this.queue.flush();
    if (signal.aborted) return;
    const checkout = this.state.checkout!;
    const locale = this.options.locale();
    const modes = addressFieldModes(checkout);
    const addressShown = checkout.is_payment_form_required || checkout.require_billing_address;
    const localErrors = validateForPayment(this.state.draft, checkout, modes, addressShown, this.t);
    const amount = this.typedAmount(checkout);
    if (amount.error) localErrors.amount = amount.error;
    if (Object.keys(localErrors).length > 0) {
      return this.backToForm({ code: 'validation', message: this.t('error.validation'), fields: localErrors });
    }

    let confirmationTokenId: string | undefined;
    if (checkout.is_payment_form_required) {
      if (!this.paymentForm?.mounted) {
        return this.backToForm(this.state.formError ?? { code: 'stripe_unavailable', message: this.t('error.stripeUnavailable') });
      }
      this.set({ payStep: 'tokenizing' });
      const billing = billingDetailsFor({
        email: this.state.draft.email || checkout.customer_email,
        name: this.state.draft.name || null,
        address: addressShown ? { ...this.state.draft.address, country: this.state.draft.address.country || null } : null,
      });
      const token = await this.paymentForm.tokenize(billing);
      if (signal.aborted) return;
      if (!token.ok) {
        const code: PolarErrorCode = token.kind === 'validation' ? 'validation' : 'payment_failed';
        return this.backToForm({ code, message: token.message });
      }
      confirmationTokenId = token.tokenId;
    }

    this.set({ payStep: 'confirming' });
    let confirmed: CheckoutPublic;
    try {
      confirmed = await this.client!.confirm(
        this.clientSecret,
        confirmBody(this.state.draft, { checkout, addressShown, locale, confirmationTokenId, amount: amount.value }),
        signal,
      );
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      if (error instanceof CheckoutApiError && error.type === 'TrialAlreadyRedeemed') {
        // As Polar's checkout does: drop the trial, show the new price, and let the buyer decide to pay again.
        this.queue.edit({ allow_trial: false }, true);
        return this.backToForm({ code: 'forbidden', message: this.t('trial.unavailable'), status: 403 });
      }
      const described = describeApiError(error, this.t);
      if (described.code === 'expired' || described.code === 'not_found') {
        this.reportError(described);
        this.set({ phase: 'unavailable', formError: described, payStep: null });
        return;
      }
      return this.backToForm(described);
    }
    this.set({ checkout: confirmed });
    this.options.events.confirmed(confirmed);

    const metadata = confirmed.payment_processor_metadata as Record<string, unknown>;
    if (metadata.intent_status === 'requires_action' && typeof metadata.intent_client_secret === 'string') {
      this.set({ payStep: 'authenticating' });
      const action = await this.paymentForm!.handleNextAction(metadata.intent_client_secret);
      if (signal.aborted) return;
      if (!action.ok) {
        await this.reopenAfterFailedPayment();
        return this.backToForm({ code: 'authentication_failed', message: this.t('error.authentication') });
      }
    }
    this.set({ phase: 'awaiting', payStep: 'waiting' });
    await this.awaitFulfillment(confirmed);
  }

  /** The pay-what-you-want amount the buyer typed (if any), checked against the price's bounds. */
  private typedAmount(checkout: CheckoutPublic): { value?: number | null; error?: string } {
    const price = checkout.product_price;
    if (price?.amount_type !== 'custom' || !this.state.draft.amountText.trim()) return {};
    const value = parseMoneyInput(this.state.draft.amountText, checkout.currency, this.options.locale());
    const problem = customAmountError(value, price, this.options.locale());
    return problem ? { error: this.t(problem.key, problem.params) } : { value };
  }

  private backToForm(error: BuyerError): void {
    this.reportError(error);
    const unplaced = unplacedMessages(error);
    this.set({
      phase: 'open',
      payStep: null,
      formError: unplaced.length > 0 ? { ...error, message: [error.message, ...unplaced].join(' ') } : error,
      fieldErrors: { ...this.state.fieldErrors, ...(error.fields ?? {}) },
    });
  }

  /** A failed 3-D Secure puts Polar's session back to `open` (via Stripe's webhook); wait for that before a retry. */
  private async reopenAfterFailedPayment(): Promise<void> {
    const { signal } = this.session;
    for (const delay of [0, 300, 700, 1500, 3000]) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (signal.aborted) return;
      try {
        const checkout = await this.client!.get(this.clientSecret, signal);
        this.set({ checkout });
        if (checkout.status === 'open') return;
      } catch {
        // keep trying; the buyer's retry will report a real problem
      }
    }
  }

  private async awaitFulfillment(confirmed: CheckoutPublic): Promise<void> {
    const { signal } = this.session;
    try {
      const succeeded = await waitForFulfillment({
        read: (readSignal) => this.client!.get(this.clientSecret, readSignal),
        streamUrl: this.client!.streamUrl(this.clientSecret),
        signal,
        maxWaitMs: this.options.timing?.fulfillmentMaxWaitMs,
        pollDelaysMs: this.options.timing?.pollDelaysMs,
      });
      this.set({ checkout: succeeded, phase: 'succeeded', payStep: null, formError: null });
      this.announceSuccess(succeeded);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      if (error instanceof PaymentReverted) {
        this.set({ checkout: error.checkout });
        if (error.checkout.status === 'open') {
          this.syncPaymentForm();
          const message = `${this.t('error.paymentFailed')} ${this.t('error.paymentDeclinedHint')}`;
          return this.backToForm({ code: 'payment_failed', message });
        }
        const described: BuyerError = { code: 'expired', message: this.t('error.expired.body') };
        this.reportError(described);
        this.set({ phase: 'unavailable', formError: described, payStep: null });
        return;
      }
      const described: BuyerError = {
        code: error instanceof FulfillmentTimeout ? 'still_processing' : 'unknown',
        message: this.t('error.stillProcessing'),
      };
      this.reportError(described);
      this.set({ formError: described, checkout: this.state.checkout ?? confirmed });
    }
  }

  /** polar-success, then the success URL unless the page prevented it. */
  private announceSuccess(checkout: CheckoutPublic): void {
    const successUrl = checkout.success_url;
    if (this.options.events.success(checkout, successUrl) && successUrl) this.options.navigate(successUrl);
  }

  private reportError(error: BuyerError): void {
    this.options.events.error({ code: error.code, message: error.message, status: error.status });
  }

  disconnect(): void {
    this.session.abort();
    this.queue.reset();
    this.destroyPayment();
  }
}

function pathsOf(patch: CheckoutUpdatePublic): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    paths.push(key);
    if (value && typeof value === 'object') for (const sub of Object.keys(value)) paths.push(`${key}.${sub}`);
  }
  return paths;
}

/** The form path (as in 422 `loc`) of a draft field. */
export function formPathOf(field: DraftField): string {
  if (field.startsWith('address.')) return `customer_billing_address.${field.slice('address.'.length)}`;
  if (field.startsWith('custom.')) return `custom_field_data.${field.slice('custom.'.length)}`;
  const paths: Record<string, string> = {
    email: 'customer_email',
    name: 'customer_name',
    isBusiness: 'is_business_customer',
    businessName: 'customer_billing_name',
    taxId: 'customer_tax_id',
    discountCode: 'discount_code',
    amountText: 'amount',
  };
  return paths[field] ?? field;
}
