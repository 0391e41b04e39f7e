import { expect, waitUntil } from '@open-wc/testing';
import type { Stripe, StripeElementsOptionsMode, StripePaymentElementOptions } from '@stripe/stripe-js';
import { installStripeDouble, stripeDoubleCalls } from '../../demo/stripe-double/install.js';
import { billingDetailsFor } from '../../src/payment/billing-details.js';
import { PaymentForm, ShadowRootMountError, type PaymentFormState } from '../../src/payment/payment-form.js';
import { PAYMENT_SLOT } from '../../src/payment/payment-port.js';

const paymentOptions: StripeElementsOptionsMode = {
  mode: 'payment',
  amount: 4900,
  currency: 'usd',
  paymentMethodCreation: 'manual',
};
const elementOptions: StripePaymentElementOptions = {
  layout: 'tabs',
  fields: { billingDetails: { name: 'never', email: 'never', phone: 'never', address: 'never' } },
};
const billing = billingDetailsFor({
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  address: { country: 'US', state: 'US-NY', line1: '1 Main St', city: 'New York', postal_code: '10001' },
});
const futureExpiry = `12${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

/** A stand-in for <polar-checkout>: its UI in a shadow root, with the slot the payment form is shown through. */
class PaymentHost extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<h2>Payment</h2><slot name="${PAYMENT_SLOT}"></slot>`;
  }
}
customElements.define('payment-host', PaymentHost);

let stripe: Stripe;
const cleanup: (() => void)[] = [];

before(async () => {
  stripe = (await installStripeDouble())('pk_test_form');
});

afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
  delete window.__STRIPE_DOUBLE_CONFIG__;
});

interface Harness {
  host: PaymentHost;
  form: PaymentForm;
  changes: PaymentFormState[];
  loadErrors: string[];
  ready: Promise<void>;
}

function harness(parent: Node = document.body): Harness {
  const host = document.createElement('payment-host') as PaymentHost;
  parent.appendChild(host);
  const changes: PaymentFormState[] = [];
  const loadErrors: string[] = [];
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const form = new PaymentForm(host, {
    onChange: (state) => changes.push(state),
    onReady: () => markReady(),
    onLoadError: (message) => loadErrors.push(message),
  });
  cleanup.push(() => {
    form.destroy();
    host.remove();
  });
  return { host, form, changes, loadErrors, ready };
}

async function mounted(): Promise<Harness> {
  const h = harness();
  h.form.mount(stripe, paymentOptions, elementOptions);
  await h.ready;
  return h;
}

function container(host: HTMLElement): HTMLElement | null {
  return host.querySelector(':scope > [data-polar-payment]');
}

function cardField(host: HTMLElement, label: string): HTMLInputElement {
  const doc = host.querySelector('iframe')!.contentDocument!;
  const labelElement = [...doc.querySelectorAll('label')].find((l) => l.textContent === label)!;
  return doc.getElementById(labelElement.htmlFor) as HTMLInputElement;
}

function type(host: HTMLElement, label: string, text: string): void {
  const input = cardField(host, label);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function fillCard(host: HTMLElement, number: string): void {
  type(host, 'Card number', number);
  type(host, 'Expiration date', futureExpiry);
  type(host, 'Security code', '123');
}

async function nextMutation(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('PaymentForm.mount', () => {
  it("mounts Stripe into a light-DOM child shown through the host's payment slot", async () => {
    const { host, form } = await mounted();
    expect(PAYMENT_SLOT).to.equal('payment');
    expect(form.mounted).to.equal(true);
    const child = container(host)!;
    expect(child.localName).to.equal('div');
    expect(child.slot).to.equal('payment');
    expect(child.getRootNode()).to.equal(document);
    const slot = host.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()).to.deep.equal([child]);
    const iframe = child.querySelector('iframe')!;
    expect(iframe.title).to.equal('Secure payment input frame');
    expect(iframe.getBoundingClientRect().height).to.be.greaterThan(60);
    expect(stripeDoubleCalls('elements').at(-1)!.args[0]).to.deep.equal(paymentOptions);
  });

  it('reports changes as the buyer types', async () => {
    const { host, changes } = await mounted();
    type(host, 'Card number', '4242');
    expect(changes.at(-1)).to.deep.equal({ complete: false, empty: false, type: 'card' });
    fillCard(host, '4242424242424242');
    expect(changes.at(-1)).to.deep.equal({ complete: true, empty: false, type: 'card' });
  });

  it("refuses a host inside another component's shadow root, naming both, and leaves nothing behind", () => {
    const outer = document.createElement('div');
    outer.attachShadow({ mode: 'open' });
    document.body.append(outer);
    cleanup.push(() => outer.remove());
    const { host, form } = harness(outer.shadowRoot!);
    let error: unknown;
    try {
      form.mount(stripe, paymentOptions, elementOptions);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ShadowRootMountError);
    expect((error as Error).message).to.contain('<payment-host> is inside the shadow root of <div>');
    expect((error as Error).message).to.contain('light DOM');
    expect(form.mounted).to.equal(false);
    expect(container(host)).to.equal(null);
  });

  it('refuses a host that is not in the document', () => {
    const host = document.createElement('payment-host');
    const form = new PaymentForm(host, {});
    expect(() => form.mount(stripe, paymentOptions, elementOptions)).to.throw(ShadowRootMountError, /not attached/);
    expect(container(host)).to.equal(null);
  });

  it("lets Stripe's own errors through and leaves no container behind", () => {
    const { host, form } = harness();
    const invalid = { mode: 'payment', currency: 'usd' } as StripeElementsOptionsMode;
    expect(() => form.mount(stripe, invalid, elementOptions)).to.throw(/amount/);
    expect(form.mounted).to.equal(false);
    expect(container(host)).to.equal(null);
  });

  it('puts the payment form back when a framework removes it from the host', async () => {
    const { host, form } = await mounted();
    host.replaceChildren();
    await nextMutation();
    const child = container(host);
    expect(child).to.not.equal(null);
    expect(child!.querySelector('iframe')).to.not.equal(null);
    // The re-inserted frame reloads (the double's about:blank frame at once, Stripe's a moment later).
    await waitUntil(() => child!.querySelector('iframe')!.contentDocument?.getElementById('cardnumber'));
    fillCard(host, '4242424242424242');
    const token = await form.tokenize(billing);
    expect(token.ok).to.equal(true);
  });

  it('reports a Payment Element that fails to load', async () => {
    window.__STRIPE_DOUBLE_CONFIG__ = { loadError: 'Your account cannot currently make live charges.' };
    const { form, loadErrors } = harness();
    form.mount(stripe, paymentOptions, elementOptions);
    for (let i = 0; i < 50 && !loadErrors.length; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loadErrors).to.deep.equal(['Your account cannot currently make live charges.']);
  });

  it('replaces the previous form when mounted again', async () => {
    const { host, form } = await mounted();
    form.mount(stripe, { mode: 'setup', currency: 'usd', setupFutureUsage: 'off_session' }, elementOptions);
    expect(host.querySelectorAll('[data-polar-payment]')).to.have.length(1);
    expect(host.querySelectorAll('iframe')).to.have.length(1);
  });
});

describe('PaymentForm.update', () => {
  it('passes new amounts and modes to Stripe', async () => {
    const { form } = await mounted();
    await form.update({ amount: 9800 });
    await form.update({ mode: 'setup', currency: 'usd', setupFutureUsage: 'off_session' });
    expect(
      stripeDoubleCalls('elements.update')
        .slice(-2)
        .map((call) => call.args[0]),
    ).to.deep.equal([{ amount: 9800 }, { mode: 'setup', currency: 'usd', setupFutureUsage: 'off_session' }]);
  });

  it('does nothing before mount', async () => {
    const { form } = harness();
    const before = stripeDoubleCalls('elements.update').length;
    await form.update({ amount: 100 });
    expect(stripeDoubleCalls('elements.update')).to.have.length(before);
  });
});

describe('PaymentForm.tokenize', () => {
  it('reports an incomplete card as a validation error, shown inside the form too', async () => {
    const { host, form } = await mounted();
    const tokensBefore = stripeDoubleCalls('createConfirmationToken').length;
    const result = await form.tokenize(billing);
    expect(result).to.deep.equal({
      ok: false,
      kind: 'validation',
      code: 'incomplete_number',
      message: 'Your card number is incomplete.',
    });
    const doc = host.querySelector('iframe')!.contentDocument!;
    expect(doc.body.textContent).to.contain('Your card number is incomplete.');
    expect(stripeDoubleCalls('createConfirmationToken')).to.have.length(tokensBefore);
  });

  it('creates a ConfirmationToken carrying all billing details', async () => {
    const { host, form } = await mounted();
    fillCard(host, '4242424242424242');
    const result = await form.tokenize(billing);
    expect(result.ok).to.equal(true);
    expect(result.ok && result.tokenId).to.match(/^ctoken_success_/);
    const call = stripeDoubleCalls('createConfirmationToken').at(-1)!;
    expect(call.args[0]).to.deep.equal({
      elements: '[StripeElements]',
      params: { payment_method_data: { billing_details: billing } },
    });
    expect(billing.address.state).to.equal('NY');
  });

  it('gives a new token for each attempt, so a declined card can be retried', async () => {
    const { host, form } = await mounted();
    fillCard(host, '4000000000000002');
    const first = await form.tokenize(billing);
    expect(first.ok && first.tokenId).to.match(/^ctoken_decline_/);
    fillCard(host, '4242424242424242');
    const second = await form.tokenize(billing);
    expect(second.ok && second.tokenId).to.match(/^ctoken_success_/);
  });

  it('reports a Stripe failure as a stripe error', async () => {
    window.__STRIPE_DOUBLE_CONFIG__ = { tokenFailure: true };
    const { host, form } = await mounted();
    fillCard(host, '4242424242424242');
    const result = await form.tokenize(billing);
    expect(result.ok).to.equal(false);
    expect(result).to.include({ kind: 'stripe' });
    expect(!result.ok && result.message).to.contain('connection to Stripe');
  });

  it('reports a Stripe integration error instead of throwing', async () => {
    const { host, form } = await mounted();
    fillCard(host, '4242424242424242');
    const missingAddress = { ...billing, address: undefined } as unknown as typeof billing;
    const result = await form.tokenize(missingAddress);
    expect(result).to.include({ ok: false, kind: 'stripe', code: 'integration_error' });
    expect(!result.ok && result.message).to.contain('billing_details.address');
  });

  it('answers not_mounted before mount', async () => {
    const { form } = harness();
    expect(await form.tokenize(billing)).to.include({ ok: false, kind: 'stripe', code: 'not_mounted' });
  });
});

describe('PaymentForm.handleNextAction', () => {
  const api = 'http://polar-sandbox.invalid';
  const realFetch = window.fetch;
  let status: string;

  beforeEach(() => {
    status = 'requires_action';
    window.__STRIPE_DOUBLE_CONFIG__ = { api };
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const id = String(input).split('/intents/')[1]!.split('/')[0];
      if (init?.method === 'POST') {
        const { outcome } = JSON.parse(String(init.body)) as { outcome: string };
        return Response.json({ id, status: outcome === 'succeeded' ? 'succeeded' : 'requires_payment_method' });
      }
      return Response.json({ id, status });
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
  });

  async function answerChallenge(label: string): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const doc = document.querySelector<HTMLIFrameElement>('iframe[title="3D Secure challenge"]')?.contentDocument;
      const button = [...(doc?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
      if (button) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        button.click();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no 3D Secure challenge appeared');
  }

  it('turns an intent that needs no action (Stripe throws) into ok:false', async () => {
    status = 'succeeded';
    const { form } = await mounted();
    const result = await form.handleNextAction('pi_123_secret_456');
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.message).to.contain('requires_action');
  });

  it('resolves with the intent status once the buyer completes 3-D Secure', async () => {
    const { form } = await mounted();
    const pending = form.handleNextAction('pi_3ds_secret_456');
    await answerChallenge('Complete authentication');
    expect(await pending).to.deep.equal({ ok: true, status: 'succeeded' });
  });

  it("reports a failed authentication with Stripe's code and message", async () => {
    const { form } = await mounted();
    const pending = form.handleNextAction('pi_3ds_secret_789');
    await answerChallenge('Fail authentication');
    const result = await pending;
    expect(result).to.deep.equal({
      ok: false,
      code: 'payment_intent_authentication_failure',
      message:
        'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    });
  });

  it('answers not_mounted before mount', async () => {
    const { form } = harness();
    expect(await form.handleNextAction('pi_1_secret_2')).to.include({ ok: false, code: 'not_mounted' });
  });
});

describe('PaymentForm.destroy', () => {
  it('removes the form and its container, and can be called twice', async () => {
    const { host, form } = await mounted();
    form.destroy();
    expect(form.mounted).to.equal(false);
    expect(container(host)).to.equal(null);
    expect(host.querySelector('iframe')).to.equal(null);
    expect(() => form.destroy()).not.to.throw();
  });

  it('stops putting the container back after destroy', async () => {
    const { host, form } = await mounted();
    form.destroy();
    host.replaceChildren();
    await nextMutation();
    expect(container(host)).to.equal(null);
  });

  it('can mount again after destroy', async () => {
    const h = await mounted();
    h.form.destroy();
    h.form.mount(stripe, paymentOptions, elementOptions);
    expect(container(h.host)!.querySelector('iframe')).to.not.equal(null);
  });
});
