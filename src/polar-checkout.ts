import { html, LitElement, type PropertyValues } from 'lit';
import type { Stripe } from '@stripe/stripe-js';
import { CheckoutClient } from './api/checkout-client.js';
import { resolveConnection } from './api/configuration.js';
import { initialCheckoutFrom } from './api/initial-checkout.js';
import { pageSession, whenJsonChildParsed } from './page-session.js';
import type { CheckoutPublic } from './api/types.js';
import { say } from './checkout/messages.js';
import { SessionController } from './checkout/session-controller.js';
import { dispatchPolarEvent } from './events.js';
import { isLocaleLoaded, loadLocale, translator, type Translate } from './i18n/localize.js';
import { checkoutLocale } from './model/locale.js';
import type { AppearanceTokens } from './payment/elements-options.js';
import { LazyPayment, waitForOrder } from './payment/lazy-payment.js';
import { safeNavigationUrl } from './model/navigation.js';
import { checkoutStyles } from './styles/checkout.styles.js';
import { loadFormModule, type FormModule } from './views/form-module.js';
import { loadingView, unavailableView } from './views/status-views.js';

export type CheckoutTheme = 'light' | 'dark' | 'auto';

/**
 * A complete Polar checkout, inline: give it a checkout session's client secret.
 *
 * @tagname polar-checkout
 * @fires {CustomEvent<PolarCheckoutDetail>} polar-ready - The session is loaded and shown. `detail: { checkout }`
 * @fires {CustomEvent<PolarCheckoutDetail>} polar-change - A buyer edit was saved. `detail: { checkout }`
 * @fires {CustomEvent<PolarCheckoutDetail>} polar-confirmed - Payment confirmed; waiting for the order. `detail: { checkout }`
 * @fires {CustomEvent<PolarSuccessDetail>} polar-success - The order is done. Cancelable: unless prevented, the page goes to `successUrl`. `detail: { checkout, successUrl }`
 * @fires {CustomEvent<PolarErrorDetail>} polar-error - An error was shown to the buyer. `detail: { code, message, status? }`
 * @slot header - Above the checkout.
 * @slot footer - Below the checkout.
 * @csspart form - The buyer's form.
 * @csspart summary - Products, prices and totals.
 * @csspart product - One product.
 * @csspart price - A product's price.
 * @csspart total - The total row.
 * @csspart discount - The discount code control and the discount row.
 * @csspart field - One form field (label, input, error).
 * @csspart label - A field label.
 * @csspart input - A text input or select.
 * @csspart error - An error message.
 * @csspart submit - The pay button.
 * @csspart success - The thank-you message.
 * @cssprop --polar-checkout-color-primary - Buttons, focus rings, selection.
 * @cssprop --polar-checkout-color-background - Background.
 * @cssprop --polar-checkout-color-text - Text.
 * @cssprop --polar-checkout-color-muted - Secondary text.
 * @cssprop --polar-checkout-color-danger - Errors.
 * @cssprop --polar-checkout-color-border - Borders.
 * @cssprop --polar-checkout-font-family - Font.
 * @cssprop --polar-checkout-font-size - Base font size.
 * @cssprop --polar-checkout-border-radius - Corner radius.
 * @cssprop --polar-checkout-spacing - Base spacing.
 * @cssprop --polar-checkout-color-surface - The summary's panel and other raised areas.
 * @cssprop --polar-checkout-color-on-primary - Text on the primary color (the pay button).
 * @cssprop --polar-checkout-color-success - The thank-you state.
 */
export class PolarCheckout extends LitElement {
  static override styles = checkoutStyles;

  static override properties = {
    clientSecret: { type: String, attribute: 'client-secret' },
    server: { type: String },
    serverUrl: { type: String, attribute: 'server-url' },
    theme: { type: String, reflect: true },
    locale: { type: String },
    stripe: { attribute: false },
    initialCheckout: { attribute: false },
    discountOpen: { state: true, attribute: false },
  };

  /** The checkout session's client secret. Changing it loads that session. */
  declare clientSecret: string;
  /** `production` (default) or `sandbox`. */
  declare server: 'production' | 'sandbox';
  /** Base URL overriding `server`, without `/v1`. */
  declare serverUrl: string | undefined;
  /** `light` (default), `dark` or `auto` (follows the system). */
  declare theme: CheckoutTheme;
  /** BCP 47 language tag for the texts and number formats; sent to Polar. */
  declare locale: string | undefined;
  /** A Stripe instance to use instead of loading Stripe.js with the session's key. */
  declare stripe: Stripe | Promise<Stripe | null> | undefined;
  /**
   * The session as the page already has it (the `Checkout` your server got from Create, or a `CheckoutPublic`): shown
   * at once, then refreshed from Polar in the background. A `<script type="application/json">` child does the same
   * for server-rendered HTML. Ignored unless its `client_secret` is the element's (it supplies one if none is set).
   */
  declare initialCheckout: object | undefined;
  /** The page's session has been shown once; later loads (a move in the page, a reload) read the server. */
  private pageSessionShown = false;
  declare private discountOpen: boolean;
  private textLocale = 'en';
  /** The form's rules and views; here before any session is shown. */
  private form: FormModule | null = null;

  private readonly controller: SessionController;

  constructor() {
    super();
    this.clientSecret = '';
    this.server = 'production';
    this.theme = 'light';
    this.discountOpen = false;
    this.controller = new SessionController(this, {
      locale: () => this.resolvedLocale,
      payment: (callbacks) =>
        new LazyPayment({
          host: this,
          callbacks,
          locale: () => this.resolvedLocale,
          appearance: () => this.stripeAppearance(),
          stripeOverride: () => this.stripe,
        }),
      waitForOrder,
      formRules: () => this.loadForm(),
      navigate: (url) => window.location.assign(url),
      safeUrl: (url) => safeNavigationUrl(url),
      beforeShow: (checkout) => loadLocale(this.localeFor(checkout.locale)),
      events: {
        ready: (checkout) => dispatchPolarEvent(this, 'polar-ready', { checkout }),
        change: (checkout) => dispatchPolarEvent(this, 'polar-change', { checkout }),
        confirmed: (checkout) => dispatchPolarEvent(this, 'polar-confirmed', { checkout }),
        success: (checkout, successUrl) => dispatchPolarEvent(this, 'polar-success', { checkout, successUrl }, true),
        // Worded in the language in force when it happens; state keeps the code.
        error: (error) =>
          dispatchPolarEvent(this, 'polar-error', {
            code: error.code,
            message: say(error.message, this.t),
            status: error.status,
          }),
      },
    });
  }

  /** The latest session as the server returned it. */
  get checkout(): CheckoutPublic | null {
    return this.controller.state.checkout;
  }

  /** Same as pressing the pay button. */
  submit(): Promise<void> {
    return this.controller.submit();
  }

  /** Fetches the session again (what the buyer typed is kept). */
  reload(): Promise<void> {
    return this.controller.reload();
  }

  private get resolvedLocale(): string {
    return this.localeFor(this.controller.state.checkout?.locale ?? null);
  }

  private localeFor(sessionLocale: string | null | undefined): string {
    return checkoutLocale({
      attribute: this.locale,
      checkoutLocale: sessionLocale ?? null,
      navigatorLanguages: typeof navigator === 'undefined' ? [] : navigator.languages,
    });
  }

  /** Texts stay in the last language whose table is here until the new one arrives (no flash of English). */
  private get t(): Translate {
    const locale = this.resolvedLocale;
    return translator(isLocaleLoaded(locale) ? locale : this.textLocale);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved within the page (or re-attached by a framework): pick the session up again.
    if (this.hasUpdated) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('initialCheckout')) this.pageSessionShown = false;
    if (
      ['clientSecret', 'server', 'serverUrl', 'initialCheckout'].some((name) =>
        changed.has(name as keyof PolarCheckout),
      )
    )
      void this.load();
    const locale = this.resolvedLocale;
    if (isLocaleLoaded(locale)) this.textLocale = locale;
    else
      void loadLocale(locale).then(() => {
        if (!isLocaleLoaded(locale)) return; // stays in the current language; a later change tries again
        this.textLocale = locale;
        this.requestUpdate();
      });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.hasUpdated && (changed.has('theme') || changed.has('locale'))) this.controller.restylePaymentForm();
  }

  private load(): Promise<void> {
    this.discountOpen = false;
    const given = this.pageSessionShown ? undefined : pageSession(this, this.initialCheckout);
    if (given === undefined && !this.pageSessionShown) this.lookAgainOnceParsed();
    const givenSecret =
      typeof given === 'object' && given ? (given as Record<string, unknown>).client_secret : undefined;
    const resolved = resolveConnection({
      clientSecret: this.clientSecret || (typeof givenSecret === 'string' ? givenSecret : ''),
      server: this.server,
      serverUrl: this.serverUrl,
    });
    if (!resolved.ok) return this.controller.load(resolved);
    const api = new CheckoutClient(resolved.clientSecret, { baseUrl: resolved.baseUrl });
    const initial = given === undefined ? undefined : initialCheckoutFrom(given, resolved.clientSecret);
    if (initial && !initial.ok && initial.problem === 'not_a_session') {
      console.warn(
        `<polar-checkout>: initialCheckout is not a checkout session (${initial.detail ?? 'not an object'}); loading it from Polar.`,
      );
    }
    if (initial?.ok) this.pageSessionShown = true;
    return this.controller.load({ ok: true, api }, initial?.ok ? initial.checkout : undefined);
  }

  /** The form's module, for the controller (its rules) and for render (its views). */
  private async loadForm(): Promise<FormModule> {
    const form = await loadFormModule();
    if (!this.form) {
      this.form = form;
      // Arrived while the session is read: build what its first render needs (the ~250 localized country names,
      // number formats) before the answer comes.
      setTimeout(() => form.warmUp(this.resolvedLocale), 0);
    }
    return form;
  }

  /** Its JSON child may still be on its way (the script in the page's head): show it if Polar has not answered first. */
  private lookAgainOnceParsed(): void {
    const secret = this.clientSecret;
    const stillWaiting = () => {
      const { phase } = this.controller.state;
      return !this.pageSessionShown && this.clientSecret === secret && (phase === 'loading' || phase === 'idle');
    };
    whenJsonChildParsed(this, stillWaiting, () => void this.load());
  }

  private stripeAppearance(): { theme: 'light' | 'dark'; tokens: AppearanceTokens } {
    const style = getComputedStyle(this);
    const token = (name: string) => style.getPropertyValue(name).trim() || undefined;
    const dark =
      this.theme === 'dark' || (this.theme === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    return {
      theme: dark ? 'dark' : 'light',
      tokens: {
        colorPrimary: token('--_primary'),
        colorBackground: token('--_background'),
        colorText: token('--_text'),
        colorDanger: token('--_danger'),
        fontFamily: token('--_font'),
        borderRadius: token('--_radius'),
        spacingUnit: token('--_space') ? `${parseFloat(token('--_space')!) / 4}px` : undefined,
      },
    };
  }

  protected override render() {
    const { state } = this.controller;
    const t = this.t;
    const locale = this.resolvedLocale;
    let body;
    if (state.phase === 'unavailable' || state.phase === 'misconfigured') {
      body = unavailableView(state.formError, t, () => void this.reload());
    } else if (!state.checkout || !this.form || state.phase === 'idle' || state.phase === 'loading') {
      body = loadingView(t);
    } else if (state.phase === 'succeeded') {
      body = this.form.successView(state.checkout, t, locale);
    } else {
      const { controller } = this;
      body = this.form.checkoutView({
        state,
        checkout: state.checkout,
        t,
        locale,
        discount: {
          open: this.discountOpen,
          toggle: () => (this.discountOpen = !this.discountOpen),
          close: () => (this.discountOpen = false),
        },
        remedies: {
          'retry-save': () => controller.retrySave(),
          'retry-payment-form': () => controller.retryPaymentForm(),
          reload: () => void this.reload(),
          recheck: () => void controller.recheck(),
        },
        edit: (path, value, trigger) => controller.edit(path, value, trigger),
        chooseProduct: (key, patch) => controller.chooseProduct(key, patch),
        setSeats: (seats) => controller.setSeats(seats),
        submit: this.onSubmit,
      });
    }
    return html`<div lang=${locale}>
      <slot name="header"></slot>
      ${body}
      <slot name="footer"></slot>
    </div>`;
  }

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    await this.controller.submit();
    await this.focusOutcome();
  };

  /**
   * After a press of Pay, keep the buyer's place: the first field that needs them, else the message by the button,
   * else the thank-you heading (screen-reader users would otherwise be left on <body>).
   */
  private async focusOutcome(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    const { phase, fieldErrors, formError } = this.controller.state;
    const target =
      phase === 'succeeded'
        ? root.querySelector<HTMLElement>('[part~="success"] h2')
        : Object.keys(fieldErrors).length > 0
          ? root.querySelector<HTMLElement>('[aria-invalid="true"]')
          : formError
            ? root.querySelector<HTMLElement>('.form-error, [part~="error"][role="alert"]')
            : null;
    target?.focus();
  }
}
