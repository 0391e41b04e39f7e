import { expect } from '@open-wc/testing';
import type {
  Stripe,
  StripeElements,
  StripeElementsOptionsMode,
  StripePaymentElement,
  StripePaymentElementChangeEvent,
  StripePaymentElementOptions,
} from '@stripe/stripe-js';
import { installStripeDouble, stripeDoubleCalls, stripeDoubleRecords } from '../../demo/stripe-double/install.js';

const neverCollect: StripePaymentElementOptions = {
  fields: { billingDetails: { name: 'never', email: 'never', phone: 'never', address: 'never' } },
};
const billing = {
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  phone: null,
  address: { line1: '1 Main St', line2: null, postal_code: '10001', city: 'New York', state: 'NY', country: 'US' },
};
const futureExpiry = `12${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;

let stripe: Stripe;
const cleanup: (() => void)[] = [];

function lightHost(): HTMLDivElement {
  const host = document.createElement('div');
  document.body.append(host);
  cleanup.push(() => host.remove());
  return host;
}

interface MountedForm {
  elements: StripeElements;
  element: StripePaymentElement;
  host: HTMLDivElement;
  iframe: HTMLIFrameElement;
  doc: Document;
  changes: StripePaymentElementChangeEvent[];
}

async function mountForm(
  options: StripeElementsOptionsMode = {
    mode: 'payment',
    amount: 1000,
    currency: 'usd',
    paymentMethodCreation: 'manual',
  },
  elementOptions: StripePaymentElementOptions = neverCollect,
): Promise<MountedForm> {
  const elements = stripe.elements(options);
  const element = elements.create('payment', elementOptions);
  const changes: StripePaymentElementChangeEvent[] = [];
  element.on('change', (event) => changes.push(event));
  const ready = new Promise<void>((resolve) => element.on('ready', () => resolve()));
  const host = lightHost();
  element.mount(host);
  cleanup.push(() => element.destroy());
  await ready;
  const iframe = host.querySelector('iframe')!;
  return { elements, element, host, iframe, doc: iframe.contentDocument!, changes };
}

function field(doc: Document, label: string): HTMLInputElement {
  const labelElement = [...doc.querySelectorAll('label')].find((l) => l.textContent === label);
  if (!labelElement) throw new Error(`no label "${label}"`);
  return doc.getElementById(labelElement.htmlFor) as HTMLInputElement;
}

function type(doc: Document, label: string, text: string): void {
  const input = field(doc, label);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function fillCard(doc: Document, number: string, expiry = futureExpiry, cvc = '123'): void {
  type(doc, 'Card number', number);
  type(doc, 'Expiration date', expiry);
  type(doc, 'Security code', cvc);
}

function visibleErrors(doc: Document): string[] {
  return [...doc.querySelectorAll('[role="alert"]')].map((el) => el.textContent ?? '').filter(Boolean);
}

async function tokenFor(number: string) {
  const form = await mountForm();
  fillCard(form.doc, number);
  const submitted = await form.elements.submit();
  expect(submitted).to.deep.equal({ selectedPaymentMethod: 'card' });
  return stripe.createConfirmationToken({
    elements: form.elements,
    params: { payment_method_data: { billing_details: billing } },
  });
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

before(async () => {
  const Stripe = await installStripeDouble();
  stripe = Stripe('pk_test_double');
});

afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
  delete window.__STRIPE_DOUBLE_CONFIG__;
});

describe('Stripe.js double: global and constructor', () => {
  it('announces the endive train and is not redefined when loaded twice', async () => {
    const first = window.Stripe!;
    expect((first as unknown as { version: string }).version).to.equal('endive');
    await new Promise<void>((resolve, reject) => {
      const again = document.createElement('script');
      again.src = '/demo/stripe-double/stripe.js';
      again.onload = () => resolve();
      again.onerror = () => reject(new Error('load failed'));
      document.head.append(again);
    });
    expect(window.Stripe).to.equal(first);
  });

  it('refuses an empty or secret key like Stripe', () => {
    const emptyKey = thrown(() => window.Stripe!(''));
    expect(emptyKey.name).to.equal('IntegrationError');
    expect(emptyKey.message).to.contain('publishable key');
    expect(thrown(() => window.Stripe!('sk_test_123')).message).to.contain('secret key');
  });

  it('records every instance with its key and options', () => {
    window.Stripe!('pk_test_recorded', { locale: 'de' });
    const recorded = stripeDoubleRecords().instances.at(-1);
    expect(recorded).to.deep.equal({ publishableKey: 'pk_test_recorded', options: { locale: 'de' } });
  });
});

describe('Stripe.js double: elements() options', () => {
  it('requires an amount in payment and subscription mode, but not in setup mode', () => {
    const payment = thrown(() => stripe.elements({ mode: 'payment', currency: 'usd' } as StripeElementsOptionsMode));
    expect(payment.name).to.equal('IntegrationError');
    expect(payment.message).to.contain('amount');
    expect(() => stripe.elements({ mode: 'subscription', currency: 'usd' } as StripeElementsOptionsMode)).to.throw(
      /amount/,
    );
    expect(() => stripe.elements({ mode: 'subscription', amount: 0, currency: 'usd' })).not.to.throw();
    expect(() => stripe.elements({ mode: 'setup', currency: 'usd', setupFutureUsage: 'off_session' })).not.to.throw();
  });

  it('refuses mode together with clientSecret, an unknown mode, and an uppercase currency', () => {
    const both = { mode: 'payment', amount: 100, currency: 'usd', clientSecret: 'pi_1_secret_2' };
    const error = thrown(() => stripe.elements(both as unknown as StripeElementsOptionsMode));
    expect(error.name).to.equal('IntegrationError');
    expect(error.message).to.contain('clientSecret');
    expect(() => stripe.elements({ mode: 'donation', amount: 1, currency: 'usd' } as never)).to.throw(/mode/);
    expect(() => stripe.elements({ mode: 'payment', amount: 100, currency: 'USD' })).to.throw(/lowercase/);
  });

  it('update() returns a promise, validates the merged options and is recorded', async () => {
    const elements = stripe.elements({ mode: 'payment', amount: 1000, currency: 'usd' });
    const result = elements.update({ amount: 2500 });
    expect(result).to.be.instanceOf(Promise);
    await result;
    await elements.update({ mode: 'setup', setupFutureUsage: 'off_session' });
    expect(() => elements.update({ mode: 'payment' })).to.throw(/amount/);
    const updates = stripeDoubleCalls('elements.update').slice(-3);
    expect(updates.map((call) => call.args[0])).to.deep.equal([
      { amount: 2500 },
      { mode: 'setup', setupFutureUsage: 'off_session' },
      { mode: 'payment' },
    ]);
  });

  it('records the options of every elements() call', () => {
    stripe.elements({ mode: 'setup', currency: 'eur', locale: 'fr', paymentMethodCreation: 'manual' });
    expect(stripeDoubleCalls('elements').at(-1)?.args[0]).to.deep.equal({
      mode: 'setup',
      currency: 'eur',
      locale: 'fr',
      paymentMethodCreation: 'manual',
    });
  });
});

describe('Stripe.js double: mounting the Payment Element', () => {
  it("refuses a container inside a shadow root with Stripe's message", () => {
    const host = lightHost();
    const inner = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(inner);
    const element = stripe.elements({ mode: 'payment', amount: 100, currency: 'usd' }).create('payment', {});
    const error = thrown(() => element.mount(inner));
    expect(error.name).to.equal('IntegrationError');
    expect(error.message).to.equal('Elements cannot be mounted in a ShadowRoot. Please mount in the Light DOM.');
    expect(inner.querySelector('iframe')).to.equal(null);
  });

  it('refuses a detached container and a selector that matches nothing', () => {
    const element = stripe.elements({ mode: 'payment', amount: 100, currency: 'usd' }).create('payment', {});
    expect(() => element.mount(document.createElement('div'))).to.throw(/not attached/);
    expect(() => element.mount('#nowhere-to-be-found')).to.throw(/applies to no DOM elements/);
  });

  it('renders a labelled card form in a same-origin iframe and emits loaderstart then ready', async () => {
    const elements = stripe.elements({ mode: 'payment', amount: 100, currency: 'usd' });
    const element = elements.create('payment', {});
    const events: string[] = [];
    element.on('loaderstart', () => events.push('loaderstart'));
    const ready = new Promise<void>((resolve) => element.on('ready', () => resolve()));
    const host = lightHost();
    element.mount(host);
    cleanup.push(() => element.destroy());
    await ready;
    events.push('ready');
    expect(events).to.deep.equal(['loaderstart', 'ready']);

    const iframe = host.querySelector('iframe')!;
    expect(iframe.title).to.equal('Secure payment input frame');
    expect(iframe.name).to.match(/^__privateStripeFrame/);
    const doc = iframe.contentDocument!;
    const number = field(doc, 'Card number');
    expect(number.name).to.equal('cardnumber');
    expect(number.placeholder).to.equal('1234 1234 1234 1234');
    expect(number.autocomplete).to.equal('cc-number');
    expect(field(doc, 'Expiration date').placeholder).to.equal('MM / YY');
    expect(field(doc, 'Expiration date').name).to.equal('exp-date');
    expect(field(doc, 'Security code').name).to.equal('cvc');
    expect(iframe.getBoundingClientRect().height).to.be.greaterThan(60);
  });

  it('can mount by selector, and cannot be mounted twice', async () => {
    const host = lightHost();
    host.id = 'payment-by-selector';
    const element = stripe.elements({ mode: 'payment', amount: 100, currency: 'usd' }).create('payment', {});
    element.mount('#payment-by-selector');
    cleanup.push(() => element.destroy());
    expect(host.querySelector('iframe')).to.not.equal(null);
    expect(() => element.mount(host)).to.throw(/already mounted/);
  });

  it('waits mountDelayMs before ready, and emits loaderror instead when configured', async () => {
    window.__STRIPE_DOUBLE_CONFIG__ = { mountDelayMs: 150 };
    const started = performance.now();
    await mountForm();
    expect(performance.now() - started).to.be.greaterThan(140);

    window.__STRIPE_DOUBLE_CONFIG__ = { loadError: 'Invalid publishable key' };
    const element = stripe.elements({ mode: 'payment', amount: 100, currency: 'usd' }).create('payment', {});
    const failed = new Promise<{ error: { message?: string } }>((resolve) => element.on('loaderror', resolve));
    element.mount(lightHost());
    cleanup.push(() => element.destroy());
    expect((await failed).error.message).to.equal('Invalid publishable key');
  });

  it('unmount removes the iframe; destroy allows a new payment element in the group', async () => {
    const form = await mountForm();
    form.element.unmount();
    expect(form.host.querySelector('iframe')).to.equal(null);
    expect(() => form.elements.create('payment', {})).to.throw(/one Element of type payment/);
    form.element.destroy();
    expect(() => form.elements.create('payment', {})).not.to.throw();
    expect(() => form.element.mount(form.host)).to.throw(/destroyed/);
  });
});

describe('Stripe.js double: typing and change events', () => {
  it('formats the card number and reports empty/complete as the buyer types', async () => {
    const { doc, changes } = await mountForm();
    type(doc, 'Card number', '4242424242424242');
    expect(field(doc, 'Card number').value).to.equal('4242 4242 4242 4242');
    expect(changes.at(-1)).to.deep.equal({
      elementType: 'payment',
      empty: false,
      complete: false,
      collapsed: false,
      value: { type: 'card' },
    });
    type(doc, 'Expiration date', futureExpiry);
    expect(field(doc, 'Expiration date').value).to.equal(`${futureExpiry.slice(0, 2)} / ${futureExpiry.slice(2)}`);
    type(doc, 'Security code', '123');
    expect(changes.at(-1)?.complete).to.equal(true);

    for (const label of ['Card number', 'Expiration date', 'Security code']) type(doc, label, '');
    expect(changes.at(-1)).to.include({ empty: true, complete: false });
  });

  it('types through the keyboard like a buyer and clears with clear()', async () => {
    const { doc, element, changes } = await mountForm();
    const number = field(doc, 'Card number');
    number.focus();
    for (const digit of '5555555555554444') {
      number.value += digit;
      number.dispatchEvent(new Event('input', { bubbles: true }));
    }
    expect(number.value).to.equal('5555 5555 5555 4444');
    element.clear();
    expect(number.value).to.equal('');
    expect(changes.at(-1)?.empty).to.equal(true);
  });

  it('shows an invalid number inline as soon as it is complete', async () => {
    const { doc } = await mountForm();
    type(doc, 'Card number', '4242424242424241');
    expect(visibleErrors(doc)).to.deep.equal(['Your card number is invalid.']);
    expect(field(doc, 'Card number').getAttribute('aria-invalid')).to.equal('true');
    type(doc, 'Card number', '4242424242424242');
    expect(visibleErrors(doc)).to.deep.equal([]);
  });

  it('emits focus and blur', async () => {
    const { doc, element, iframe } = await mountForm();
    const events: string[] = [];
    element.on('focus', () => events.push('focus'));
    element.on('blur', () => events.push('blur'));
    element.focus();
    expect(doc.activeElement).to.equal(field(doc, 'Card number'));
    field(doc, 'Expiration date').focus();
    element.blur();
    iframe.blur();
    expect(events).to.deep.equal(['focus', 'blur']);
  });
});

describe('Stripe.js double: elements.submit()', () => {
  const cases: [string, string, string, string, string][] = [
    ['', '', '', 'incomplete_number', 'Your card number is incomplete.'],
    ['4242 4242', futureExpiry, '123', 'incomplete_number', 'Your card number is incomplete.'],
    ['4242424242424241', futureExpiry, '123', 'invalid_number', 'Your card number is invalid.'],
    ['4242424242424242', '12', '123', 'incomplete_expiry', "Your card's expiration date is incomplete."],
    ['4242424242424242', '0120', '123', 'invalid_expiry_year_past', "Your card's expiration year is in the past."],
    ['4242424242424242', futureExpiry, '12', 'incomplete_cvc', "Your card's security code is incomplete."],
  ];
  for (const [number, expiry, cvc, code, message] of cases) {
    it(`answers ${code} for ${number || 'an empty form'} ${expiry} ${cvc}`, async () => {
      const { doc, elements } = await mountForm();
      fillCard(doc, number, expiry, cvc);
      const result = await elements.submit();
      expect(result).to.deep.equal({ error: { type: 'validation_error', code, message } });
      expect(visibleErrors(doc)).to.include(message);
    });
  }

  it('answers selectedPaymentMethod card for a complete form', async () => {
    const { doc, elements } = await mountForm();
    fillCard(doc, '4242424242424242');
    expect(await elements.submit()).to.deep.equal({ selectedPaymentMethod: 'card' });
    expect(visibleErrors(doc)).to.deep.equal([]);
  });
});

describe('Stripe.js double: createConfirmationToken', () => {
  const outcomes: [string, string, string][] = [
    ['4242424242424242', 'success', 'visa'],
    ['4000000000000002', 'decline', 'visa'],
    ['4000000000009995', 'insufficient', 'visa'],
    ['4000002760003184', '3ds', 'visa'],
    ['4000002500003155', '3ds', 'visa'],
    ['5555555555554444', 'success', 'mastercard'],
    ['4012888888881881', 'success', 'visa'],
  ];
  for (const [number, outcome, brand] of outcomes) {
    it(`carries the ${outcome} outcome of ${number} in the token id`, async () => {
      const result = await tokenFor(number);
      expect(result.error).to.equal(undefined);
      const token = result.confirmationToken!;
      expect(token.id).to.match(new RegExp(`^ctoken_${outcome}_[A-Za-z0-9]{24}$`));
      expect(token.object).to.equal('confirmation_token');
      expect(token.payment_method_preview.type).to.equal('card');
      expect(token.payment_method_preview.billing_details).to.deep.equal(billing);
      expect(token.payment_method_preview.card).to.include({
        brand,
        last4: number.slice(-4),
        exp_month: 12,
        exp_year: 2000 + Number(futureExpiry.slice(2)),
      });
    });
  }

  it('gives a fresh id on every call', async () => {
    const form = await mountForm();
    fillCard(form.doc, '4242424242424242');
    await form.elements.submit();
    const params = { payment_method_data: { billing_details: billing } };
    const first = await stripe.createConfirmationToken({ elements: form.elements, params });
    const second = await stripe.createConfirmationToken({ elements: form.elements, params });
    expect(first.confirmationToken!.id).to.not.equal(second.confirmationToken!.id);
    const recorded = stripeDoubleCalls('createConfirmationToken').slice(-2);
    expect(recorded.map((call) => (call.result as typeof first).confirmationToken?.id)).to.deep.equal([
      first.confirmationToken!.id,
      second.confirmationToken!.id,
    ]);
    expect(recorded[0]!.args[0]).to.deep.equal({ elements: '[StripeElements]', params });
  });

  it('throws when elements.submit() was not called first, or the card changed since', async () => {
    const form = await mountForm();
    fillCard(form.doc, '4242424242424242');
    const params = { payment_method_data: { billing_details: billing } };
    const early = await rejection(stripe.createConfirmationToken({ elements: form.elements, params }));
    expect(early.name).to.equal('IntegrationError');
    expect(early.message).to.contain('elements.submit() must be called before');

    await form.elements.submit();
    type(form.doc, 'Security code', '456');
    const stale = await rejection(stripe.createConfirmationToken({ elements: form.elements, params }));
    expect(stale.message).to.contain('elements.submit() must be called before');
  });

  it('throws when billing details the element does not collect are missing', async () => {
    const form = await mountForm();
    fillCard(form.doc, '4242424242424242');
    await form.elements.submit();
    const partial = { name: 'Ada', email: 'ada@example.com', phone: null, address: { country: 'US' } };
    const error = await rejection(
      stripe.createConfirmationToken({
        elements: form.elements,
        params: { payment_method_data: { billing_details: partial } },
      }),
    );
    expect(error.name).to.equal('IntegrationError');
    expect(error.message).to.contain('billing_details.address.line1');
  });

  it('answers an api_connection_error when tokenFailure is configured', async () => {
    window.__STRIPE_DOUBLE_CONFIG__ = { tokenFailure: true };
    const result = await tokenFor('4242424242424242');
    expect(result.confirmationToken).to.equal(undefined);
    expect(result.error?.type).to.equal('api_connection_error');
    expect(result.error?.message).to.be.a('string').and.not.equal('');
  });
});

describe('Stripe.js double: appearance', () => {
  function inputStyle(doc: Document): CSSStyleDeclaration {
    return getComputedStyle(field(doc, 'Card number'));
  }

  it('uses the stripe theme by default and night when asked', async () => {
    const light = await mountForm();
    expect(inputStyle(light.doc).backgroundColor).to.equal('rgb(255, 255, 255)');
    const night = await mountForm({ mode: 'setup', currency: 'usd', appearance: { theme: 'night' } });
    expect(inputStyle(night.doc).backgroundColor).to.equal('rgb(48, 49, 61)');
    expect(inputStyle(night.doc).color).to.equal('rgb(255, 255, 255)');
  });

  it('applies appearance variables, also after elements.update()', async () => {
    const form = await mountForm({
      mode: 'setup',
      currency: 'usd',
      appearance: {
        theme: 'stripe',
        variables: {
          colorBackground: '#fafafa',
          colorText: '#112233',
          colorDanger: '#aa0000',
          fontFamily: 'monospace',
          borderRadius: '12px',
          spacingUnit: '4px',
        },
      },
    });
    const style = inputStyle(form.doc);
    expect(style.backgroundColor).to.equal('rgb(250, 250, 250)');
    expect(style.color).to.equal('rgb(17, 34, 51)');
    expect(style.fontFamily).to.equal('monospace');
    expect(style.borderTopLeftRadius).to.equal('12px');
    expect(style.paddingTop).to.equal('24px');
    type(form.doc, 'Card number', '4242424242424241');
    const error = form.doc.querySelector('[role="alert"]:not(:empty)')!;
    expect(getComputedStyle(error).color).to.equal('rgb(170, 0, 0)');
    expect(inputStyle(form.doc).color).to.equal('rgb(170, 0, 0)');
    type(form.doc, 'Card number', '4242424242424242');

    await form.elements.update({ appearance: { theme: 'night', variables: { colorBackground: '#000000' } } });
    expect(inputStyle(form.doc).backgroundColor).to.equal('rgb(0, 0, 0)');
    expect(inputStyle(form.doc).color).to.equal('rgb(255, 255, 255)');
  });
});

describe('Stripe.js double: handleNextAction', () => {
  const api = 'http://polar-sandbox.invalid';
  let requests: { url: string; method: string; body: unknown }[];
  let intentStatus: string | null;
  const realFetch = window.fetch;

  beforeEach(() => {
    requests = [];
    intentStatus = 'requires_action';
    window.__STRIPE_DOUBLE_CONFIG__ = { api };
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      requests.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (intentStatus === null) return new Response('{"detail":"Not found"}', { status: 404 });
      const id = url.split('/intents/')[1]!.split('/')[0];
      if (method === 'POST') {
        const outcome = (JSON.parse(String(init!.body)) as { outcome: string }).outcome;
        const status = outcome === 'succeeded' ? 'succeeded' : 'requires_payment_method';
        return Response.json({ id, status });
      }
      return Response.json({ id, status: intentStatus, amount: 1000, currency: 'usd' });
    };
  });

  afterEach(() => {
    window.fetch = realFetch;
    document.querySelectorAll('[data-stripe-double-3ds]').forEach((overlay) => overlay.remove());
  });

  async function challengeFrame(): Promise<Document> {
    for (let i = 0; i < 100; i++) {
      const iframe = document.querySelector<HTMLIFrameElement>('iframe[title="3D Secure challenge"]');
      const button = iframe?.contentDocument?.querySelector('button');
      if (iframe && button) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        return iframe.contentDocument!;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no 3D Secure challenge appeared');
  }

  function button(doc: Document, text: string): HTMLButtonElement {
    return [...doc.querySelectorAll('button')].find((b) => b.textContent === text)!;
  }

  it('shows a full-screen challenge and resolves succeeded after "Complete authentication"', async () => {
    const pending = stripe.handleNextAction({ clientSecret: 'pi_3ds123_secret_abc' });
    const doc = await challengeFrame();
    const overlay = document.querySelector<HTMLElement>('[data-stripe-double-3ds]')!;
    expect(overlay.parentElement).to.equal(document.body);
    expect(getComputedStyle(overlay).position).to.equal('fixed');
    button(doc, 'Complete authentication').click();
    const result = await pending;
    expect(result.error).to.equal(undefined);
    expect(result.paymentIntent).to.include({ id: 'pi_3ds123', object: 'payment_intent', status: 'succeeded' });
    expect(document.querySelector('[data-stripe-double-3ds]')).to.equal(null);
    expect(requests).to.deep.equal([
      { url: `${api}/__stripe/intents/pi_3ds123`, method: 'GET', body: undefined },
      { url: `${api}/__stripe/intents/pi_3ds123/authenticate`, method: 'POST', body: { outcome: 'succeeded' } },
    ]);
    expect(stripeDoubleCalls('handleNextAction').at(-1)?.args[0]).to.deep.equal({
      clientSecret: 'pi_3ds123_secret_abc',
    });
  });

  it('answers payment_intent_authentication_failure after "Fail authentication"', async () => {
    const pending = stripe.handleNextAction({ clientSecret: 'pi_3ds456_secret_def' });
    button(await challengeFrame(), 'Fail authentication').click();
    const result = await pending;
    expect(result.paymentIntent).to.equal(undefined);
    expect(result.error).to.include({
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      message:
        'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
    });
    expect(requests.at(-1)?.body).to.deep.equal({ outcome: 'failed' });
    expect(document.querySelector('[data-stripe-double-3ds]')).to.equal(null);
  });

  it('throws an IntegrationError when the intent does not require an action', async () => {
    intentStatus = 'succeeded';
    const error = await rejection(stripe.handleNextAction({ clientSecret: 'pi_done_secret_x' }));
    expect(error.name).to.equal('IntegrationError');
    expect(error.message).to.contain('requires_action');
    expect(document.querySelector('[data-stripe-double-3ds]')).to.equal(null);
  });

  it('throws for a malformed client secret and answers resource_missing for an unknown intent', async () => {
    expect((await rejection(stripe.handleNextAction({ clientSecret: 'nonsense' }))).name).to.equal('IntegrationError');
    intentStatus = null;
    const result = await stripe.handleNextAction({ clientSecret: 'pi_missing_secret_x' });
    expect(result.error).to.include({ type: 'invalid_request_error', code: 'resource_missing' });
  });
});
