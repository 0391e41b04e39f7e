import { assert, expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { installStripeDouble, stripeDoubleCalls, stripeDoubleRecords } from '../../demo/stripe-double/install.js';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarCheckoutDetail, PolarErrorDetail, PolarSuccessDetail } from '../../src/events.js';
import {
  addFault,
  clearFaults,
  control,
  createSession,
  fill,
  fillCard,
  fillUsBuyer,
  formError,
  mountCheckout,
  mountUntilError,
  nextEvent,
  normalize,
  openScenario,
  part,
  payButton,
  paymentContainer,
  sandboxRequests,
  sandboxUrl,
  serverState,
  shadow,
  useStripeDouble,
  visibleText,
  waitUntil,
} from './support.js';

before(useStripeDouble);
afterEach(clearFaults);

/** The heading and code of the message shown instead of a form. */
function unavailable(element: PolarCheckout): { title: string; code: string | null; text: string } | null {
  const status = shadow(element).querySelector<HTMLElement>('.status[part~="error"]');
  if (!status) return null;
  return {
    title: normalize(status.querySelector('h2')?.textContent),
    code: status.dataset.code ?? null,
    text: normalize(status.textContent),
  };
}

describe('states: the client secret', () => {
  it('changing client-secret loads the new session and drops the old one', async () => {
    const first = await createSession('one-time');
    const second = await createSession('subscription');
    const { element } = await mountCheckout(first.client_secret);
    await waitUntil(() => paymentContainer(element) !== null, 'the card form of the first session');
    const ready = nextEvent<PolarCheckoutDetail>('polar-ready', element);
    element.setAttribute('client-secret', second.client_secret);
    const { detail } = await ready;
    await element.updateComplete;
    expect(detail.checkout.id).to.equal(second.id);
    expect(element.checkout!.id).to.equal(second.id);
    expect(normalize(part(element, 'product')!.textContent)).to.contain('Acme Cloud Monthly');
    expect(normalize(payButton(element).textContent)).to.equal('Subscribe');
    await waitUntil(
      () => element.querySelectorAll('[slot="payment"]').length === 1,
      'one card form, for the new session',
    );
    const gets = (await sandboxRequests(second.client_secret)).filter((request) => request.method === 'GET');
    expect(gets).to.have.length(1);
  });

  it('what the buyer typed for one session is not carried into the next', async () => {
    const first = await createSession('free');
    const second = await createSession('free');
    const { element } = await mountCheckout(first.client_secret);
    fill(control(element, 'customer_email'), 'first@example.com', false);
    const ready = nextEvent('polar-ready', element);
    element.clientSecret = second.client_secret;
    await ready;
    await element.updateComplete;
    expect(control(element, 'customer_email').value).to.equal('');
  });

  it('an empty client secret shows a calm loading state: no error, no form, no requests', async () => {
    let errors = 0;
    const count = () => errors++;
    document.addEventListener('polar-error', count);
    try {
      const element = await fixture<PolarCheckout>(
        html`<polar-checkout server-url=${await sandboxUrl()}></polar-checkout>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors).to.equal(0);
      expect(part(element, 'form')).to.equal(null);
      expect(shadow(element).querySelector('[role="alert"]')).to.equal(null);
      expect(element.checkout).to.equal(null);
      assert.exists(shadow(element).querySelector('[role="status"]'));
    } finally {
      document.removeEventListener('polar-error', count);
    }
  });

  it('clearing the client secret takes the session and its card form away', async () => {
    const { element } = await openScenario('one-time');
    await waitUntil(() => paymentContainer(element) !== null, 'card form');
    element.clientSecret = '';
    await element.updateComplete;
    expect(element.checkout).to.equal(null);
    expect(part(element, 'form')).to.equal(null);
    expect(paymentContainer(element)).to.equal(null);
  });
});

describe('states: sessions that cannot be used', () => {
  it('an unknown session (404) says it was not found, with no form and no retry', async () => {
    const { element, detail } = await mountUntilError('polar_c_doesnotexist');
    expect(detail).to.deep.equal({
      code: 'not_found',
      message: 'This checkout link is invalid or no longer exists.',
      status: 404,
    });
    expect(unavailable(element)).to.deep.equal({
      title: 'Checkout not found',
      code: 'not_found',
      text: 'Checkout not found This checkout link is invalid or no longer exists.',
    });
    expect(part(element, 'form')).to.equal(null);
    expect(shadow(element).querySelector('button')).to.equal(null);
    expect(element.checkout).to.equal(null);
  });

  it('an expired session (410) says so, with no form', async () => {
    const session = await createSession('expired');
    const { element, detail } = await mountUntilError(session.client_secret);
    expect(detail.code).to.equal('expired');
    expect(detail.status).to.equal(410);
    const shown = unavailable(element)!;
    expect(shown.title).to.equal('This checkout has expired');
    expect(shown.text).to.contain('return to the store and start again');
    expect(shadow(element).querySelector('.status')!.getAttribute('role')).to.equal('alert');
    expect(part(element, 'form')).to.equal(null);
    expect(paymentContainer(element)).to.equal(null);
  });

  it('a session that expires while open turns into the expired message on the next save', async () => {
    const { element, secret } = await openScenario('free');
    await fetch(`${await sandboxUrl()}/__sandbox/checkouts/${secret}/expire`, { method: 'POST' });
    const error = nextEvent<PolarErrorDetail>('polar-error');
    fill(control(element, 'customer_email'), 'late@example.com');
    expect((await error).detail.code).to.equal('expired');
    await element.updateComplete;
    expect(unavailable(element)!.title).to.equal('This checkout has expired');
  });

  it('an unreachable server says so and offers Try again', async () => {
    const { element, detail } = await mountUntilError('polar_c_unreachable', 'http://127.0.0.1:9');
    expect(detail.code).to.equal('network');
    expect(unavailable(element)!.text).to.contain('couldn’t reach the server');
    expect(normalize(shadow(element).querySelector('.status button')?.textContent)).to.equal('Try again');
    expect(part(element, 'form')).to.equal(null);
  });

  it('a server error while loading offers Try again, which loads the form', async () => {
    const session = await createSession('free');
    await addFault({ operation: 'client_get', status: 500, client_secret: session.client_secret });
    const { element, detail } = await mountUntilError(session.client_secret);
    expect(detail).to.deep.include({ code: 'server', status: 500 });
    expect(unavailable(element)!.title).to.equal('The checkout couldn’t be loaded');
    // A 5xx is the server's fault, and only then does the element say so.
    expect(unavailable(element)!.text).to.contain('Something went wrong on our end. Please try again.');
    const retry = shadow(element).querySelector<HTMLButtonElement>('.status button')!;
    expect(normalize(retry.textContent)).to.equal('Try again');
    const ready = nextEvent('polar-ready', element);
    retry.click();
    await ready;
    await element.updateComplete;
    assert.exists(part(element, 'form'));
  });
});

describe('states: paying', () => {
  it('submit() on a free checkout reaches success and fires polar-confirmed, then a cancelable polar-success', async () => {
    const { element, secret } = await openScenario('free');
    fill(control(element, 'customer_email'), 'free@example.com');
    const confirmed = nextEvent<PolarCheckoutDetail>('polar-confirmed');
    let successEvent: CustomEvent<PolarSuccessDetail> | undefined;
    const success = new Promise<void>((resolve) =>
      element.addEventListener(
        'polar-success',
        (event) => {
          // Keep the test page here: otherwise the element navigates to the success URL.
          event.preventDefault();
          successEvent = event;
          resolve();
        },
        { once: true },
      ),
    );
    const done = element.submit();
    await element.updateComplete;
    expect(payButton(element).disabled, 'the button is disabled while paying').to.equal(true);
    expect((await confirmed).detail.checkout.status).to.equal('confirmed');
    await success;
    await done;
    await element.updateComplete;

    expect(successEvent!.cancelable).to.equal(true);
    expect(successEvent!.defaultPrevented).to.equal(true);
    expect(successEvent!.detail.checkout.status).to.equal('succeeded');
    expect(successEvent!.detail.successUrl).to.equal(element.checkout!.success_url);
    const thanks = part(element, 'success')!;
    expect(thanks.getAttribute('role')).to.equal('status');
    expect(normalize(thanks.textContent)).to.contain('Thanks for your order!');
    expect(normalize(thanks.textContent)).to.contain('free@example.com');
    expect(part(element, 'form')).to.equal(null);
    expect((await serverState(secret)).status).to.equal('succeeded');
    expect(location.pathname, 'still on the test page').to.not.equal(new URL(successEvent!.detail.successUrl).pathname);
  });

  it('while paying, the form is busy and the buyer cannot edit it', async () => {
    const { element, secret } = await openScenario('free');
    fill(control(element, 'customer_email'), 'busy@example.com');
    await addFault({ operation: 'client_confirm', delayMs: 600, client_secret: secret });
    const confirmed = nextEvent('polar-confirmed', element);
    const success = nextEvent('polar-success', element);
    payButton(element).click();
    await waitUntil(() => part(element, 'form')!.getAttribute('aria-busy') === 'true', 'busy');
    expect(control(element, 'customer_email').disabled).to.equal(true);
    expect(payButton(element).disabled).to.equal(true);
    expect(payButton(element).getAttribute('aria-busy')).to.equal('true');
    expect(normalize(payButton(element).textContent)).to.equal('Processing…');
    await confirmed;
    await element.updateComplete;
    // Paid: now the order is being made.
    expect(normalize(payButton(element).textContent)).to.equal('Finishing your order…');
    expect(payButton(element).disabled).to.equal(true);
    await success;
  });

  it('pressing pay twice quickly sends one confirm', async () => {
    const { element, secret } = await openScenario('free');
    fill(control(element, 'customer_email'), 'twice@example.com');
    const success = nextEvent('polar-success', element);
    payButton(element).click();
    payButton(element).click();
    void element.submit();
    await success;
    const confirms = (await sandboxRequests(secret)).filter((request) => request.operation === 'client_confirm');
    expect(confirms).to.have.length(1);
  });

  it('a card payment goes through the payment form to success', async () => {
    const { element, secret } = await openScenario('one-time');
    await fillUsBuyer(element);
    await fillCard(element, '4242424242424242');
    const success = nextEvent<PolarSuccessDetail>('polar-success', element);
    payButton(element).click();
    await success;
    await element.updateComplete;
    assert.exists(part(element, 'success'));
    const state = await serverState(secret);
    expect(state.status).to.equal('succeeded');
    expect(state.customer_email).to.equal('buyer@example.com');
    expect(state.customer_billing_address).to.deep.include({ country: 'US', state: 'US-CA', city: 'San Francisco' });
  });

  it('a declined card is shown by the pay button, and the form stays usable', async () => {
    const { element, secret } = await openScenario('one-time');
    await fillUsBuyer(element);
    await fillCard(element, '4000000000000002');
    const error = nextEvent<PolarErrorDetail>('polar-error');
    payButton(element).click();
    const { detail } = await error;
    expect(detail.code).to.equal('payment_failed');
    await waitUntil(() => formError(element) !== null, 'the message by the pay button');
    await element.updateComplete;
    expect(normalize(formError(element)!.textContent)).to.contain('Your payment didn’t go through.');
    expect(payButton(element).disabled).to.equal(false);
    expect(control(element, 'customer_email').value).to.equal('buyer@example.com');
    expect((await serverState(secret)).status).to.equal('open');
  });
});

describe('states: 3-D Secure', () => {
  /** Answers the double's bank challenge once it shows. */
  async function answerChallenge(outcome: 'Complete authentication' | 'Fail authentication'): Promise<void> {
    const button = () => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[title="3D Secure challenge"]');
      return [...(frame?.contentDocument?.querySelectorAll('button') ?? [])].find(
        (node) => node.textContent === outcome,
      );
    };
    // The challenge wires its buttons on load: press until the press is taken (its buttons then disable).
    await waitUntil(
      () => {
        const found = button();
        if (!found) return false;
        if (!found.disabled) found.click();
        return found.disabled;
      },
      'the 3-D Secure challenge answered',
      { timeout: 5000 },
    );
  }

  it('a card that needs authentication shows the challenge, and completing it reaches success', async () => {
    const { element, secret } = await openScenario('one-time');
    await fillUsBuyer(element);
    await fillCard(element, '4000002760003184');
    const confirmed = nextEvent<PolarCheckoutDetail>('polar-confirmed', element);
    const success = nextEvent<PolarSuccessDetail>('polar-success', element);
    payButton(element).click();
    await confirmed;
    await waitUntil(() => payButton(element).disabled, 'the pay button waits for the bank');
    expect(normalize(payButton(element).textContent)).to.equal('Confirming your payment…');
    await answerChallenge('Complete authentication');
    await waitUntil(
      () =>
        normalize(part(element, 'submit')?.textContent) === 'Finishing your order…' ||
        part(element, 'success') !== null,
      'waiting for the order',
    );
    await success;
    await element.updateComplete;
    assert.exists(part(element, 'success'));
    expect((await serverState(secret)).status).to.equal('succeeded');
  });

  it('failing the challenge says so by the pay button, and the buyer can pay again', async () => {
    const { element, secret } = await openScenario('one-time');
    await fillUsBuyer(element);
    await fillCard(element, '4000002760003184');
    const error = nextEvent<PolarErrorDetail>('polar-error');
    payButton(element).click();
    await answerChallenge('Fail authentication');
    expect((await error).detail.code).to.equal('authentication_failed');
    await waitUntil(() => formError(element) !== null && !payButton(element).disabled, 'back to the form', {
      timeout: 7000,
    });
    expect(normalize(formError(element)!.textContent)).to.contain('couldn’t verify your payment');
    await waitUntil(async () => (await serverState(secret)).status === 'open', 'the session is open again');

    await fillCard(element, '4242424242424242');
    const success = nextEvent('polar-success', element);
    payButton(element).click();
    await success;
    expect((await serverState(secret)).status).to.equal('succeeded');
  });
});

describe('states: the payment form', () => {
  it('mounts Stripe into a light-DOM child <div slot="payment"> shown through the payment slot', async () => {
    const { element } = await openScenario('one-time');
    await waitUntil(() => paymentContainer(element)?.querySelector('iframe') != null, 'the card iframe');
    const container = paymentContainer(element)!;
    expect(container.parentElement === element, 'a direct light-DOM child').to.equal(true);
    expect(container.querySelector('iframe')!.title).to.equal('Secure payment input frame');
    const slot = shadow(element).querySelector<HTMLSlotElement>('slot[name="payment"]')!;
    expect(slot.assignedElements()[0] === container, 'assigned to the payment slot').to.equal(true);
    expect(container.getBoundingClientRect().height).to.be.greaterThan(0);
    // Screen readers announce the card form as the "Payment" group (a slot itself cannot carry a label).
    const group = slot.closest('[role="group"]')!;
    expect(shadow(element).getElementById(group.getAttribute('aria-labelledby')!)?.textContent).to.equal('Payment');
  });

  it('inside another shadow root it reports stripe_unavailable with a clear message instead of crashing', async () => {
    const session = await createSession('one-time');
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const error = nextEvent<PolarErrorDetail>('polar-error');
    const ready = nextEvent('polar-ready');
    const element = document.createElement('polar-checkout');
    element.locale = 'en';
    element.serverUrl = await sandboxUrl();
    element.clientSecret = session.client_secret;
    root.append(element);
    await ready;
    const { detail } = await error;
    expect(detail.code).to.equal('stripe_unavailable');
    expect(detail.message).to.contain('shadow root');
    await element.updateComplete;
    expect(normalize(formError(element)!.textContent)).to.contain('inside another element’s shadow root');
    assert.exists(part(element, 'form'), 'the rest of the checkout still shows');
    expect(payButton(element).disabled).to.equal(true);
    expect(paymentContainer(element)).to.equal(null);
  });

  it('uses a Stripe instance given through the stripe property', async () => {
    const Stripe = await installStripeDouble();
    const stripe = Stripe('pk_test_injected_by_page');
    const session = await createSession('one-time');
    const elementsBefore = stripeDoubleCalls('elements').length;
    const instancesBefore = stripeDoubleRecords().instances.length;
    const element = document.createElement('polar-checkout');
    element.stripe = stripe;
    element.locale = 'en';
    element.serverUrl = await sandboxUrl();
    element.clientSecret = session.client_secret;
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    parent.append(element);
    await waitUntil(() => paymentContainer(element)?.querySelector('iframe') != null, 'the card iframe');
    expect(stripeDoubleRecords().instances.length - instancesBefore, 'no Stripe of its own').to.equal(0);
    expect(stripeDoubleCalls('elements').length - elementsBefore).to.equal(1);
  });

  it('a Stripe that cannot load says so by the pay button and offers Try again', async () => {
    window.__STRIPE_DOUBLE_CONFIG__ = { api: await sandboxUrl(), loadError: 'Blocked by an extension' };
    try {
      const error = nextEvent<PolarErrorDetail>('polar-error');
      const { element } = await openScenario('one-time');
      expect((await error).detail.code).to.equal('stripe_unavailable');
      await element.updateComplete;
      expect(normalize(formError(element)!.textContent)).to.contain('payment form couldn’t be loaded');
      expect(payButton(element).disabled).to.equal(true);

      window.__STRIPE_DOUBLE_CONFIG__ = { api: await sandboxUrl() };
      formError(element)!.querySelector('button')!.click();
      await waitUntil(() => formError(element) === null && !payButton(element).disabled, 'the form is back');
    } finally {
      window.__STRIPE_DOUBLE_CONFIG__ = { api: await sandboxUrl() };
    }
  });
});

describe('states: visible text stays clean', () => {
  it('never shows "undefined", "null" or "NaN"', async () => {
    for (const name of ['one-time', 'pay-what-you-want', 'trial', 'seats', 'custom-fields'] as const) {
      const { element } = await openScenario(name);
      expect(visibleText(element), name).not.to.match(/\bundefined\b|\bnull\b|\bNaN\b|\{\w+\}/);
      element.remove();
    }
  });
});
