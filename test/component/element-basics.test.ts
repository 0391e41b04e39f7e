import { assert, expect, fixture, html } from '@open-wc/testing';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarCheckoutDetail } from '../../src/events.js';
import {
  addFault,
  clearFaults,
  createSession,
  mountCheckout,
  nextEvent,
  part,
  sandboxRequests,
  sandboxUrl,
  shadow,
  waitUntil,
} from './support.js';

// Imported in the first test, in order, to see that the class module registers nothing and the entry does.
type ElementModule = typeof import('../../src/element.js');
type IndexModule = typeof import('../../src/index.js');
let elementModule: ElementModule;
let indexModule: IndexModule;

afterEach(clearFaults);

describe('<polar-checkout> registration', () => {
  it('exports the class from src/element.ts without registering it, and src/index.ts registers it', async () => {
    elementModule = await import('../../src/element.js');
    expect(elementModule.PolarCheckout).to.be.a('function');
    expect(customElements.get('polar-checkout')).to.equal(undefined);

    indexModule = await import('../../src/index.js');
    expect(customElements.get('polar-checkout')).to.equal(elementModule.PolarCheckout);
    expect(indexModule.PolarCheckout).to.equal(elementModule.PolarCheckout);
    expect(indexModule.tagName).to.equal('polar-checkout');
  });

  it('registers idempotently: defining again (script + npm, two script tags) does not throw', () => {
    expect(() => indexModule.definePolarCheckout()).not.to.throw();
    expect(() => indexModule.definePolarCheckout()).not.to.throw();
    expect(customElements.get('polar-checkout')).to.equal(elementModule.PolarCheckout);
  });

  it('lets a storefront register the class under its own tag name', () => {
    class ShopCheckout extends elementModule.PolarCheckout {}
    customElements.define('shop-checkout', ShopCheckout);
    const element = document.createElement('shop-checkout') as InstanceType<typeof ShopCheckout>;
    expect(element).to.be.instanceOf(elementModule.PolarCheckout);
    expect(element.theme).to.equal('light');
  });
});

describe('<polar-checkout> properties and attributes', () => {
  before(() => import('../../src/index.js'));

  it('has the documented defaults', () => {
    const element = document.createElement('polar-checkout');
    expect(element.clientSecret).to.equal('');
    expect(element.server).to.equal('production');
    expect(element.serverUrl).to.equal(undefined);
    expect(element.theme).to.equal('light');
    expect(element.locale).to.equal(undefined);
    expect(element.stripe).to.equal(undefined);
    expect(element.checkout).to.equal(null);
    expect(element.submit).to.be.a('function');
    expect(element.reload).to.be.a('function');
  });

  it('maps its kebab-case attributes to properties', () => {
    const element = document.createElement('polar-checkout');
    element.setAttribute('client-secret', 'polar_c_attribute');
    element.setAttribute('server', 'sandbox');
    element.setAttribute('server-url', 'http://127.0.0.1:9/');
    element.setAttribute('theme', 'dark');
    element.setAttribute('locale', 'fr-CA');
    expect(element.clientSecret).to.equal('polar_c_attribute');
    expect(element.server).to.equal('sandbox');
    expect(element.serverUrl).to.equal('http://127.0.0.1:9/');
    expect(element.theme).to.equal('dark');
    expect(element.locale).to.equal('fr-CA');
  });

  it('reflects theme (CSS needs it) and nothing the buyer or the secret controls', async () => {
    const element = await fixture<PolarCheckout>(html`<polar-checkout></polar-checkout>`);
    element.theme = 'auto';
    element.clientSecret = '';
    await element.updateComplete;
    expect(element.getAttribute('theme')).to.equal('auto');
    expect(element.hasAttribute('client-secret')).to.equal(false);
  });

  it('keeps checkout read-only', () => {
    const element = document.createElement('polar-checkout');
    expect(() => ((element as unknown as { checkout: unknown }).checkout = {})).to.throw(TypeError);
  });
});

describe('<polar-checkout> loading', () => {
  before(() => import('../../src/index.js'));

  it('shows a skeleton with role=status while loading, then the form and polar-ready with the session', async () => {
    const session = await createSession('free');
    await addFault({ operation: 'client_get', delayMs: 600, client_secret: session.client_secret });
    const ready = nextEvent<PolarCheckoutDetail>('polar-ready');
    const element = await fixture<PolarCheckout>(
      html`<polar-checkout
        client-secret=${session.client_secret}
        server-url=${await sandboxUrl()}
        locale="en"
      ></polar-checkout>`,
    );

    const skeleton = shadow(element).querySelector('[role="status"]');
    assert.exists(skeleton, 'a loading status');
    expect(skeleton!.textContent).to.contain('Loading checkout');
    expect(part(element, 'form')).to.equal(null);
    expect(element.checkout).to.equal(null);

    const event = await ready;
    await element.updateComplete;
    expect(event.target === element, 'dispatched on the element').to.equal(true);
    expect(event.detail.checkout.id).to.equal(session.id);
    expect(event.detail.checkout.client_secret).to.equal(session.client_secret);
    expect(element.checkout).to.deep.equal(event.detail.checkout);
    assert.exists(part(element, 'form'));
    expect(shadow(element).querySelector('.skeleton')).to.equal(null);
  });

  it('talks to server-url (without /v1) and sends the client secret in the path', async () => {
    const session = await createSession('free');
    await mountCheckout(session.client_secret);
    const requests = await sandboxRequests(session.client_secret);
    const gets = requests.filter((request) => request.method === 'GET');
    expect(gets).to.have.length(1);
    expect(gets[0]!.path).to.equal(`/v1/checkouts/client/${session.client_secret}`);
  });

  it('dispatches events that bubble and are composed, so a page hears them through shadow roots', async () => {
    const session = await createSession('free');
    const server = await sandboxUrl();
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const inner = wrapper.attachShadow({ mode: 'open' });
    // Target and composed path are only meaningful while the event is being dispatched.
    const heard = new Promise<{
      event: CustomEvent<PolarCheckoutDetail>;
      target: EventTarget | null;
      path: EventTarget[];
    }>((resolve) =>
      document.addEventListener(
        'polar-ready',
        (event) =>
          resolve({
            event: event as CustomEvent<PolarCheckoutDetail>,
            target: event.target,
            path: event.composedPath(),
          }),
        { once: true },
      ),
    );
    const element = document.createElement('polar-checkout');
    element.serverUrl = server;
    element.clientSecret = session.client_secret;
    inner.append(element);

    const { event, target, path } = await heard;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.cancelable).to.equal(false);
    // Heard on document, retargeted to the outer host; the real target is first in the composed path.
    expect(target === wrapper, 'retargeted to the host of the shadow root').to.equal(true);
    expect(path[0] === element, 'the element dispatched it').to.equal(true);
    expect(event.detail.checkout.id).to.equal(session.id);
  });

  it('reload() fetches the session again and shows what changed on the server', async () => {
    const session = await createSession('one-time');
    const { element } = await mountCheckout(session.client_secret);
    const server = await sandboxUrl();
    // The merchant changes the session behind the buyer's back (e.g. another tab).
    await fetch(`${server}/v1/checkouts/client/${session.client_secret}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ customer_email: 'from-elsewhere@example.com' }),
    });
    await element.reload();
    await element.updateComplete;
    expect(element.checkout!.customer_email).to.equal('from-elsewhere@example.com');
    const gets = (await sandboxRequests(session.client_secret)).filter((request) => request.method === 'GET');
    expect(gets).to.have.length(2);
  });

  it('disconnecting stops the work: no polar-ready after removal', async () => {
    const session = await createSession('free');
    await addFault({ operation: 'client_get', delayMs: 400, client_secret: session.client_secret });
    let readies = 0;
    const count = () => readies++;
    document.addEventListener('polar-ready', count);
    try {
      const element = await fixture<PolarCheckout>(
        html`<polar-checkout client-secret=${session.client_secret} server-url=${await sandboxUrl()}></polar-checkout>`,
      );
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(readies).to.equal(0);
      expect(element.checkout).to.equal(null);
    } finally {
      document.removeEventListener('polar-ready', count);
    }
  });

  it('picks its session up again when moved within the page', async () => {
    const session = await createSession('free');
    const { element } = await mountCheckout(session.client_secret);
    const ready = nextEvent<PolarCheckoutDetail>('polar-ready', element);
    const box = document.createElement('section');
    element.parentNode!.append(box);
    box.append(element);
    const event = await ready;
    expect(event.detail.checkout.id).to.equal(session.id);
    await waitUntil(() => part(element, 'form') !== null, 'the form is back');
  });
});
