/**
 * The session core, as a Lit ReactiveController: loads the session, saves edits, pays, authenticates and waits for the
 * order. It holds the one `SessionState`; every server answer goes through the `SnapshotClock`, so a stale answer is
 * dropped. It knows nothing of templates or words: state holds codes and message keys, the element renders them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CheckoutApiError } from '../api/errors.js';
import type { CheckoutApi } from '../api/checkout-client.js';
import type { ConnectionProblem } from '../api/configuration.js';
import type { CheckoutPublic, CheckoutUpdatePublic } from '../api/types.js';
import { isAbortError, sleep, withTimeout } from '../lib/async.js';
import {
  paymentLoadFailure,
  type PaymentCallbacks,
  type PaymentLoadFailure,
  type PaymentPort,
} from '../payment/payment-port.js';
import type { DraftValue, FieldContext, FormRules } from './fields.js';
import type { FulfillmentOptions, PaymentReverted } from './fulfillment.js';
import { describeApiError, message, type BuyerError, type Message } from './messages.js';
import { initialState, SnapshotClock, type SessionState, type WriteTicket } from './session-state.js';
import { UpdateQueue } from './update-queue.js';

export interface SessionEvents {
  ready(checkout: CheckoutPublic): void;
  change(checkout: CheckoutPublic): void;
  confirmed(checkout: CheckoutPublic): void;
  /** Returns false when the page called preventDefault(). */
  success(checkout: CheckoutPublic, successUrl: string): boolean;
  error(error: BuyerError): void;
}

/** Where the session lives, or why it cannot be asked for. */
export type Connection = { ok: true; api: CheckoutApi } | { ok: false; problem: ConnectionProblem };

export interface SessionControllerOptions {
  events: SessionEvents;
  locale(): string;
  payment(callbacks: PaymentCallbacks): PaymentPort;
  /** Goes to the success URL (already checked by `safeUrl`). */
  navigate(url: string): void;
  /** The URL to go to, or null when it is not a web address (a `javascript:` success URL, say). */
  safeUrl(url: string): string | null;
  /**
   * Waits for the order after a confirm (`waitForFulfillment`, fulfillment.ts). The element loads it with the card
   * form's chunk; a rejection that is not fulfillment.ts's own (the chunk failed to load) leaves "Check again".
   */
  waitForOrder(options: FulfillmentOptions): Promise<CheckoutPublic>;
  /**
   * The form's rules (fields.ts). They come with the form's views, which the script-tag bundle fetches while the
   * session is read; a rejection (the network) leaves "Try again", which asks once more.
   */
  formRules(): Promise<FormRules>;
  /** Work to finish before a loaded session is shown (e.g. fetching its language's texts). Must not reject. */
  beforeShow?(checkout: CheckoutPublic): Promise<void>;
  timing?: {
    debounceMs?: number;
    fulfillmentMaxWaitMs?: number;
    pollDelaysMs?: number[];
    /** Re-reads after an answer that may or may not have been applied (a lost confirm); one entry per read. */
    rereadDelaysMs?: number[];
    /** How long the form's code may take before the buyer is told it could not be loaded (default 15 s). */
    formLoadMs?: number;
    /** How long a session waits for `beforeShow` (its language's texts) before it is shown anyway (default 5 s). */
    beforeShowMs?: number;
  };
}

/** The edit came from typing, leaving the field (or picking, ticking, Enter), or an explicit Apply. */
export type EditTrigger = 'input' | 'commit' | 'apply';

export class SessionController implements ReactiveController {
  state: SessionState = initialState;

  private api: CheckoutApi | null = null;
  private session = new AbortController();
  private readonly clock = new SnapshotClock();
  private readonly queue: UpdateQueue<{ checkout: CheckoutPublic; ticket: WriteTicket }>;
  private readonly payment: PaymentPort;
  private localeSent = false;
  /** A save failed without a usable answer: the server may or may not hold it, so read the session once saving rests. */
  private snapshotUnsure = false;
  /** Some answer of this load came from the server (a session the page gave is not yet known to be current). */
  private heardFromServer = false;
  private refresh: Promise<unknown> = Promise.resolve();
  private formRules: Promise<FormRules> | null = null;
  /** Here before any session is shown (see `readyToShow`). */
  private rules!: FormRules;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SessionControllerOptions,
  ) {
    host.addController(this);
    this.queue = this.createQueue();
    this.payment = options.payment({
      onComplete: (complete) => this.set({ payment: { ...this.state.payment, complete } }),
      onReady: () => this.set({ payment: { ...this.state.payment, status: 'ready' } }),
      onLoadError: (failure) => this.paymentFailedToLoad(failure),
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  private get signal(): AbortSignal {
    return this.session.signal;
  }

  private set(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    this.host.requestUpdate();
  }

  private context(): FieldContext {
    return { checkout: this.state.checkout!, draft: this.state.draft, locale: this.options.locale() };
  }

  // ---- loading ----------------------------------------------------------------------------------------------

  /**
   * Loads a session; anything of the previous one is dropped. With `initial` (the session as the page already has
   * it) the session is shown at once and read from the server in the background; nothing is charged before that
   * read has answered.
   */
  async load(connection: Connection, initial?: CheckoutPublic): Promise<void> {
    this.stop();
    this.session = new AbortController();
    this.clock.reset();
    this.localeSent = false;
    this.heardFromServer = false;
    this.api = connection.ok ? connection.api : null;
    const fresh = { ...initialState };
    if (!connection.ok) {
      if (connection.problem === 'none') return this.set(fresh);
      const error: BuyerError = {
        code: 'configuration',
        message: message(`error.configuration.${connection.problem}`),
      };
      this.set({ ...fresh, phase: 'misconfigured', formError: error });
      this.options.events.error(error);
      return;
    }
    this.set({ ...fresh, phase: 'loading' });
    // The form's code and Stripe.js download while the session is read; a session known to need no card fetches
    // nothing from Stripe.
    void this.loadFormRules().catch(() => undefined);
    if (!initial || initial.is_payment_form_required) this.payment.prepare();
    // The read starts now, alongside the page's session being made ready to show; its answer is applied after it.
    this.refresh = this.read(initial && this.showPageSession(initial));
    await this.refresh;
  }

  /** The session the page gave, shown once its form's code and texts are here (without them, the read tries again). */
  private async showPageSession(initial: CheckoutPublic): Promise<void> {
    const { signal } = this;
    const ready = await this.readyToShow(initial);
    if (!signal.aborted && ready) this.receive(initial);
  }

  /** Fetches the session again, keeping what the buyer typed. */
  async reload(): Promise<void> {
    if (!this.api || this.state.phase === 'misconfigured' || this.state.phase === 'idle') return;
    if (this.state.phase === 'unavailable') this.set({ phase: 'loading', formError: null });
    await this.read();
  }

  /**
   * One read of the session; its answer is applied only if nothing newer was (see SnapshotClock), and not before
   * `shownFirst` (the page's own copy of the session) has settled.
   */
  private async read(shownFirst?: Promise<void>): Promise<CheckoutPublic | null> {
    const { signal } = this;
    const ticket = this.clock.read();
    try {
      const answer = this.api!.get(signal);
      if (shownFirst) await Promise.allSettled([answer, shownFirst]);
      const checkout = await answer;
      const ready = this.state.checkout !== null || (await this.readyToShow(checkout));
      if (signal.aborted) return null;
      if (!ready) {
        this.unavailable({ code: 'network', message: message('error.network'), remedy: 'reload' });
        return null;
      }
      if (!this.clock.acceptRead(ticket)) return null;
      this.snapshotUnsure = false;
      this.heardFromServer = true;
      this.receive(checkout);
      return checkout;
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return null;
      const described = describeApiError(error);
      if (this.state.checkout === null || this.state.phase === 'loading' || isFinal(described)) {
        this.unavailable({ ...described, remedy: isFinal(described) ? undefined : 'reload' });
      }
      return null;
    }
  }

  /** One load of the form's rules for all sessions; a failed one is tried again at the next need. */
  private loadFormRules(): Promise<FormRules> {
    this.formRules ??= this.options.formRules().then(
      (rules) => (this.rules = rules),
      (error: unknown) => {
        this.formRules = null;
        throw error;
      },
    );
    return this.formRules;
  }

  /** What showing a first session needs is here: the form's rules, its language's texts. */
  private async readyToShow(checkout: CheckoutPublic): Promise<boolean> {
    const { beforeShow, timing } = this.options;
    // Texts that are slow to come are put in when they arrive (the element re-renders); the form cannot be done without.
    const texts = beforeShow && withTimeout(timing?.beforeShowMs ?? 5_000, undefined, () => beforeShow(checkout));
    try {
      await Promise.all([
        withTimeout(timing?.formLoadMs ?? 15_000, undefined, () => this.loadFormRules()),
        texts?.catch(() => undefined),
      ]);
      return true;
    } catch {
      return false;
    }
  }

  /** A snapshot was accepted: show it, and follow its status. */
  private receive(checkout: CheckoutPublic): void {
    const previous = this.state.checkout;
    const locale = this.options.locale();
    let draft = previous
      ? this.rules.draftForSnapshot(this.state.draft, previous, checkout, locale)
      : this.rules.draftFromCheckout(checkout, locale);
    if (typeof draft.product === 'string' && productKeyHeld(draft.product, checkout))
      draft = withoutPaths(draft, ['product']);
    const phase = this.state.phase;
    this.set({ checkout, draft });
    switch (checkout.status) {
      case 'succeeded':
        if (phase === 'succeeded') return;
        this.set({ phase: 'succeeded', payStep: null, formError: null });
        if (phase === 'loading' || previous === null) this.options.events.ready(checkout);
        else this.announceSuccess(checkout);
        return;
      case 'expired':
      case 'failed':
        this.unavailable(
          checkout.status === 'expired'
            ? expiredError()
            : { code: 'payment_failed', message: message('error.paymentFailed') },
        );
        return;
      case 'confirmed':
        // Paid in an earlier visit or another tab (perhaps still waiting for 3-D Secure): finish it, wait for the order.
        if (phase === 'awaiting' || phase === 'paying') return;
        this.set({ phase: 'awaiting', payStep: null, formError: null });
        if (previous === null) this.options.events.ready(checkout);
        void this.finishConfirmed(checkout);
        return;
      case 'open':
        if (phase === 'loading' || phase === 'unavailable') {
          this.set({ phase: 'open', formError: null });
          this.syncPaymentForm();
          this.options.events.ready(checkout);
          return;
        }
        this.syncPaymentForm();
    }
  }

  private unavailable(error: BuyerError): void {
    this.stopPayment();
    this.set({ phase: 'unavailable', payStep: null, formError: error });
    this.options.events.error(error);
  }

  // ---- edits ------------------------------------------------------------------------------------------------

  private createQueue(): UpdateQueue<{ checkout: CheckoutPublic; ticket: WriteTicket }> {
    return new UpdateQueue({
      debounceMs: this.options.timing?.debounceMs,
      send: async (patch, signal) => {
        const ticket = this.clock.write();
        try {
          return { checkout: await this.api!.update(patch, signal), ticket };
        } finally {
          this.clock.settled(ticket);
        }
      },
      onResult: ({ checkout, ticket }, sent) => {
        if (!this.clock.acceptWrite(ticket)) return;
        this.snapshotUnsure = false;
        this.heardFromServer = true;
        const fieldErrors = withoutPaths(this.state.fieldErrors, pathsOf(sent));
        const formError =
          this.state.formError?.code === 'validation' || this.state.formError?.remedy === 'retry-save'
            ? null
            : this.state.formError;
        this.set({ fieldErrors, formError });
        this.receive(checkout);
        this.options.events.change(checkout);
      },
      onError: (error, sent) => {
        const described = describeApiError(error);
        if (isFinal(described)) {
          this.unavailable(described);
          return { keep: null };
        }
        if (described.fields) {
          this.showErrors(described, this.state.formError);
          // Polar rejects the whole update: the edits it did not object to (a product chosen with a bad code) go again.
          return { keep: withoutFields(sent, Object.keys(described.fields)), now: true };
        }
        if (described.code === 'forbidden') {
          this.showErrors(described);
          return { keep: null };
        }
        this.showErrors({ ...described, remedy: 'retry-save' });
        if (isAmbiguous(error)) this.snapshotUnsure = true;
        return { keep: error instanceof CheckoutApiError && error.retryable ? sent : null };
      },
      onBusyChange: (saving) => {
        if (saving !== this.state.saving) this.set({ saving });
        if (!saving && this.snapshotUnsure && this.state.phase === 'open') void this.read();
      },
    });
  }

  /** The buyer changed a field: keep it, and save it when its field says so. */
  edit(path: string, value: DraftValue, trigger: EditTrigger): void {
    const checkout = this.state.checkout;
    if (!checkout || this.state.phase !== 'open') return;
    const locale = this.options.locale();
    const draft = this.rules.withValue(checkout, this.state.draft, locale, path, value);
    this.set({ draft, fieldErrors: withoutPaths(this.state.fieldErrors, [path]) });
    const field = this.rules.fieldAt(checkout, draft, locale, path);
    if (!field) return;
    const saveNow = trigger === 'apply' || (trigger === 'commit' && field.save !== 'apply');
    const saveLater = trigger === 'input' && field.save === 'typing';
    if (!saveNow && !saveLater) return;
    const context = this.context();
    if (saveNow && field.checkOnCommit) {
      const problem = field.validate(context);
      if (problem) return this.set({ fieldErrors: { ...this.state.fieldErrors, [path]: problem } });
    }
    const patch = field.patch(context, 'save');
    if (patch) this.save(patch, saveNow);
  }

  private save(patch: CheckoutUpdatePublic, immediate: boolean): void {
    if (!this.localeSent) {
      patch = { ...patch, locale: this.options.locale() };
      this.localeSent = true;
    }
    this.queue.edit(patch, immediate);
  }

  /**
   * Another product (or legacy price). The choice is kept in the draft under `product` (the option's key) until the
   * server holds it, so the switcher shows what the buyer chose even while the save waits or failed.
   */
  chooseProduct(key: string, patch: CheckoutUpdatePublic): void {
    if (this.state.phase !== 'open') return;
    this.set({ draft: { ...this.state.draft, product: key } });
    this.queue.edit(patch, true);
  }

  /** A seat count from the stepper. */
  setSeats(seats: number): void {
    this.edit('seats', String(seats), 'commit');
  }

  retrySave(): void {
    this.set({ formError: null });
    void this.queue.flush();
  }

  // ---- payment form ----------------------------------------------------------------------------------------

  private syncPaymentForm(): void {
    const checkout = this.state.checkout;
    if (!checkout) return;
    if (!checkout.is_payment_form_required) {
      // A 100% discount or a free product: no card, and no Stripe at all.
      this.stopPayment();
      return;
    }
    if (this.payment.mounted) return this.payment.sync(checkout);
    // Loading, or failed: only the buyer's "Try again" starts another attempt.
    if (this.state.payment.status !== 'none') return;
    void this.mountPaymentForm();
  }

  private async mountPaymentForm(): Promise<void> {
    const { signal } = this;
    this.set({ payment: { status: 'loading', complete: false } });
    try {
      await this.payment.mount(this.state.checkout!);
      // `ready` comes from the form itself (Stripe's ready event), once it has its height.
      if (signal.aborted) return this.payment.destroy();
    } catch (error) {
      if (!signal.aborted) this.paymentFailedToLoad(paymentLoadFailure(error));
    }
  }

  private paymentFailedToLoad(failure: PaymentLoadFailure): void {
    const key =
      failure === 'shadow_root'
        ? 'error.shadowRoot'
        : failure === 'timeout'
          ? 'error.stripeTimeout'
          : 'error.stripeUnavailable';
    const error: BuyerError = { code: 'stripe_unavailable', message: message(key), remedy: 'retry-payment-form' };
    this.payment.destroy();
    this.set({ payment: { status: 'failed', complete: false } });
    this.showErrors(error);
  }

  /** After "the payment form could not load": try again. */
  retryPaymentForm(): void {
    this.stopPayment();
    this.set({ formError: null });
    this.syncPaymentForm();
  }

  /** The page changed the theme or language: restyle and relabel the card form too. */
  restylePaymentForm(): void {
    if (this.payment.mounted) this.payment.restyle();
  }

  private stopPayment(): void {
    this.payment.destroy();
    if (this.state.payment.status !== 'none') this.set({ payment: { status: 'none', complete: false } });
  }

  // ---- paying -----------------------------------------------------------------------------------------------

  /** The pay button. Safe to call any number of times: only one payment runs. */
  async submit(): Promise<void> {
    if (this.state.phase === 'stalled') return this.recheck();
    if (this.state.phase !== 'open' || !this.state.checkout) return;
    // The phase changes before anything is awaited, so a second press finds it `paying`.
    this.set({ phase: 'paying', payStep: 'validating', formError: null });
    try {
      await this.pay();
    } catch (error) {
      if (!this.signal.aborted) this.backToForm(describeApiError(error));
    }
  }

  private async pay(): Promise<void> {
    const { signal } = this;
    const shownTotal = this.state.checkout!.total_amount;
    // Edits still waiting (a seat count, a product) are sent first; Polar locks the row, so confirm must follow them.
    await this.queue.flush();
    // A session the page gave is charged only once the server has said it is current (its answer may change the total).
    if (!this.heardFromServer) await this.refresh;
    if (!this.heardFromServer) await this.read();
    if (signal.aborted) return;
    if (!this.heardFromServer) {
      return this.backToForm(
        this.state.formError ?? { code: 'network', message: message('error.network'), remedy: 'reload' },
      );
    }
    // What confirm does not carry (product, seats, discount) must be on the server before anything is charged.
    const unsent = this.queue.unsent;
    const carried = new Set(['locale', ...Object.keys(this.rules.confirmUpdate(this.context()))]);
    if (unsent && Object.keys(unsent).some((key) => !carried.has(key))) {
      return this.backToForm(
        this.state.formError ?? { code: 'network', message: message('error.network'), remedy: 'retry-save' },
      );
    }
    // A pay charges what was shown: if the saves just made changed the total, show it and let the buyer press again.
    if (this.state.checkout!.total_amount !== shownTotal) {
      return this.backToForm({ code: 'validation', message: message('pay.totalChanged') });
    }
    const context = this.context();
    const problems = this.rules.validateForPayment(context);
    if (Object.keys(problems).length > 0) {
      return this.backToForm({ code: 'validation', message: message('error.validation'), fields: problems });
    }

    const checkout = context.checkout;
    let confirmationTokenId: string | undefined;
    if (checkout.is_payment_form_required) {
      if (!this.payment.mounted) {
        return this.backToForm(
          this.state.formError ?? {
            code: 'stripe_unavailable',
            message: message('error.stripeUnavailable'),
            remedy: 'retry-payment-form',
          },
        );
      }
      this.set({ payStep: 'tokenizing' });
      const token = await this.payment.tokenize(this.rules.billingFromDraft(context));
      if (signal.aborted) return;
      if (!token.ok) {
        return this.backToForm({
          code: token.kind === 'validation' ? 'validation' : 'payment_failed',
          message: { text: token.message },
        });
      }
      confirmationTokenId = token.tokenId;
    }

    this.set({ payStep: 'confirming' });
    const body = {
      ...this.rules.confirmUpdate(context),
      locale: this.options.locale(),
      ...(confirmationTokenId ? { confirmation_token_id: confirmationTokenId } : {}),
    };
    const ticket = this.clock.write();
    let confirmed: CheckoutPublic;
    try {
      confirmed = await this.api!.confirm(body, signal);
    } catch (error) {
      this.clock.settled(ticket);
      if (signal.aborted || isAbortError(error)) return;
      return this.confirmFailed(error);
    }
    this.clock.settled(ticket);
    if (this.clock.acceptWrite(ticket)) this.set({ checkout: confirmed });
    await this.afterConfirm(confirmed);
  }

  /** The session is confirmed: authenticate if the bank asks (3-D Secure), then wait for the order. */
  private async afterConfirm(confirmed: CheckoutPublic): Promise<void> {
    this.options.events.confirmed(confirmed);
    await this.finishConfirmed(confirmed);
  }

  private async finishConfirmed(confirmed: CheckoutPublic): Promise<void> {
    const { signal } = this;
    const metadata = confirmed.payment_processor_metadata as Record<string, unknown>;
    if (metadata.intent_status === 'requires_action' && typeof metadata.intent_client_secret === 'string') {
      this.set({ phase: 'paying', payStep: 'authenticating', formError: null });
      const action = await this.payment.handleNextAction(metadata.intent_client_secret, confirmed);
      if (signal.aborted) return;
      if (!action.ok) {
        await this.waitUntilOpenAgain();
        return this.backToForm({ code: 'authentication_failed', message: message('error.authentication') });
      }
    }
    this.set({ phase: 'awaiting', payStep: null, formError: null });
    await this.awaitOrder();
  }

  private async confirmFailed(error: unknown): Promise<void> {
    if (error instanceof CheckoutApiError && error.type === 'TrialAlreadyRedeemed') {
      // As Polar's checkout does: drop the trial, show the new price, and let the buyer decide to pay again.
      this.queue.edit({ allow_trial: false }, true);
      return this.backToForm({ code: 'forbidden', message: message('trial.unavailable'), status: 403 });
    }
    const described = describeApiError(error);
    if (isFinal(described)) return this.unavailable(described);
    if (isAmbiguous(error)) return this.followAfterAmbiguousConfirm(described);
    this.backToForm(described);
  }

  /**
   * The confirm may have charged the card although its answer never came (a dropped connection, a time-out, a 5xx, an
   * unreadable body) or came as "not open" (paid in another tab, or a retry of a confirm that went through). The
   * server knows: read the session and follow its status rather than telling a paying buyer it failed.
   */
  private async followAfterAmbiguousConfirm(described: BuyerError): Promise<void> {
    const { signal } = this;
    for (const delay of this.options.timing?.rereadDelaysMs ?? [0, 1000, 2000, 4000]) {
      try {
        await sleep(delay, signal);
      } catch {
        return;
      }
      const ticket = this.clock.read();
      let checkout: CheckoutPublic;
      try {
        checkout = await this.api!.get(signal);
      } catch (error) {
        if (signal.aborted || isAbortError(error)) return;
        if (isFinal(describeApiError(error))) return this.unavailable(describeApiError(error));
        continue;
      }
      if (signal.aborted) return;
      if (this.clock.acceptRead(ticket)) this.set({ checkout });
      if (checkout.status === 'open') return this.backToForm(described);
      if (checkout.status === 'confirmed') return this.afterConfirm(checkout);
      if (checkout.status === 'succeeded') {
        this.set({ phase: 'succeeded', payStep: null, formError: null });
        return this.announceSuccess(checkout);
      }
      return this.unavailable(checkout.status === 'expired' ? expiredError() : described);
    }
    // The server could not be asked: say so; pressing Pay again asks it once more (and is safe, see above).
    this.backToForm(described);
  }

  private backToForm(error: BuyerError): void {
    this.set({ phase: 'open', payStep: null });
    this.showErrors(error);
    // Edits that could not be sent while paying (the connection was down) go now, not at the next keystroke.
    if (this.queue.busy) void this.queue.flush();
  }

  /** Puts an error's field messages under their fields and the rest by the pay button; reports it to the page. */
  private showErrors(error: BuyerError, fallback: BuyerError | null = error): void {
    const places = this.state.checkout
      ? this.rules.placesFor(this.state.checkout, this.options.locale())
      : new Set<string>();
    const placed: Record<string, Message> = {};
    const unplaced: Message[] = [];
    for (const [path, said] of Object.entries(error.fields ?? {})) {
      if (places.has(path)) placed[path] = said;
      else unplaced.push(said);
    }
    const formError = unplaced.length > 0 ? { ...error, message: [error.message, ...unplaced] } : fallback;
    this.set({ formError, fieldErrors: { ...this.state.fieldErrors, ...placed } });
    this.options.events.error(unplaced.length > 0 ? formError! : error);
  }

  /** A failed 3-D Secure puts Polar's session back to `open` (via Stripe's webhook); wait for that before a retry. */
  private async waitUntilOpenAgain(): Promise<void> {
    for (const delay of [0, 300, 700, 1500, 3000]) {
      try {
        await sleep(delay, this.signal);
      } catch {
        return;
      }
      const checkout = await this.read();
      if (checkout?.status === 'open') return;
    }
  }

  /** After a confirm: wait until the order exists; past the limit, say so and let the buyer check again. */
  private async awaitOrder(): Promise<void> {
    const { signal } = this;
    try {
      const succeeded = await this.options.waitForOrder({
        read: (readSignal) => this.api!.get(readSignal),
        streamUrl: this.api!.streamUrl,
        signal,
        maxWaitMs: this.options.timing?.fulfillmentMaxWaitMs,
        pollDelaysMs: this.options.timing?.pollDelaysMs,
      });
      if (this.state.phase === 'succeeded') return;
      this.set({ checkout: succeeded, phase: 'succeeded', payStep: null, formError: null });
      this.announceSuccess(succeeded);
    } catch (error) {
      if (signal.aborted || isAbortError(error)) return;
      const reverted = revertedCheckout(error);
      if (reverted) {
        this.set({ checkout: reverted });
        if (reverted.status === 'open') {
          this.syncPaymentForm();
          return this.backToForm({
            code: 'payment_failed',
            message: [message('error.paymentFailed'), message('error.paymentDeclinedHint')],
          });
        }
        return this.unavailable(expiredError());
      }
      const stalled: BuyerError = {
        code: isNamed(error, 'FulfillmentTimeout') ? 'still_processing' : 'unknown',
        message: message('error.stillProcessing'),
        remedy: 'recheck',
      };
      this.set({ phase: 'stalled', payStep: null, formError: stalled });
      this.options.events.error(stalled);
    }
  }

  /** "Check again" after the wait for the order ran out. */
  async recheck(): Promise<void> {
    if (this.state.phase !== 'stalled') return;
    this.set({ phase: 'awaiting', formError: null });
    await this.awaitOrder();
  }

  /** polar-success, then the success URL unless the page prevented it or the URL is not a web address. */
  private announceSuccess(checkout: CheckoutPublic): void {
    this.stopPayment();
    const successUrl = checkout.success_url;
    if (!this.options.events.success(checkout, successUrl) || !successUrl) return;
    const target = this.options.safeUrl(successUrl);
    if (target) return this.options.navigate(target);
    // The buyer has paid: they stay on the thank-you state; the page hears why nothing happened.
    this.options.events.error({ code: 'configuration', message: message('error.configuration.success_url') });
  }

  /** Stops everything in flight (the element left the page, or another session is loaded). */
  stop(): void {
    this.session.abort();
    this.queue.reset();
    this.payment.destroy();
  }
}

/** The product option `key` (`product` or `product:price`) is what the session holds now. */
function productKeyHeld(key: string, checkout: CheckoutPublic): boolean {
  return key === checkout.product_id || key === `${checkout.product_id}:${checkout.product_price?.id}`;
}

const isFinal = (error: BuyerError) => error.code === 'expired' || error.code === 'not_found';

const expiredError = (): BuyerError => ({ code: 'expired', message: message('error.expired.body'), status: 410 });

// By name, not class: the wait for the order comes from the card form's chunk, which carries its own class copies.
const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

/** The session as it was when the payment was reverted (PaymentReverted), or null for any other failure. */
function revertedCheckout(error: unknown): CheckoutPublic | null {
  return isNamed(error, 'PaymentReverted') ? (error as PaymentReverted).checkout : null;
}

/** The request may have been carried out although no usable answer came back. */
function isAmbiguous(error: unknown): boolean {
  if (!(error instanceof CheckoutApiError)) return false;
  if (['network', 'timeout', 'server', 'malformed'].includes(error.code)) return true;
  return error.code === 'forbidden' && error.type === 'NotOpenCheckout';
}

function pathsOf(patch: CheckoutUpdatePublic): string[] {
  const paths: string[] = [];
  for (const [key, value] of Object.entries(patch)) {
    paths.push(key);
    if (value && typeof value === 'object') for (const sub of Object.keys(value)) paths.push(`${key}.${sub}`);
  }
  return paths;
}

/** An update without the parts a 422 named, or null when nothing else is left. */
function withoutFields(update: CheckoutUpdatePublic, paths: string[]): CheckoutUpdatePublic | null {
  const rest: Record<string, unknown> = { ...update };
  delete rest.locale;
  for (const path of paths) {
    const [key = '', sub] = path.split('.', 2);
    const value = rest[key];
    if (key === 'custom_field_data' && sub && value && typeof value === 'object') {
      const answers = { ...(value as Record<string, unknown>) };
      delete answers[sub];
      if (Object.keys(answers).length > 0) rest[key] = answers;
      else delete rest[key];
    } else {
      delete rest[key];
    }
  }
  return Object.keys(rest).length > 0 ? (rest as CheckoutUpdatePublic) : null;
}

function withoutPaths<T>(record: Readonly<Record<string, T>>, paths: string[]): Record<string, T> {
  if (!paths.some((path) => path in record)) return record;
  const copy = { ...record };
  for (const path of paths) delete copy[path];
  return copy;
}
