// The session the page already has (`initialCheckout`, or a JSON child): shown at once, read again in the background,
// never charged before the server has answered; and Stripe.js fetched while the session is read.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarCheckoutDetail } from '../../src/events.js';
import {
  addFault,
  clearFaults,
  createSession,
  formError,
  nextEvent,
  part,
  payButton,
  sandboxRequests,
  sandboxUrl,
  serverState,
  totalsRow,
  useStripeDouble,
  visibleText,
  waitUntil,
  type Checkout,
} from './support.js';

afterEach(clearFaults);

/** Holds the session's reads back, so whatever shows before they answer came from the page. */
async function slowReads(secret: string, delayMs = 1500): Promise<void> {
  await addFault({ operation: 'client_get', delayMs, times: 10, client_secret: secret });
}

async function gets(secret: string): Promise<number> {
  return (await sandboxRequests(secret)).filter((request) => request.method === 'GET').length;
}

async function mountWith(session: Checkout | object, secret?: string): Promise<PolarCheckout> {
  const server = await sandboxUrl();
  return fixture<PolarCheckout>(
    html`<polar-checkout
      client-secret=${secret ?? (session as Checkout).client_secret}
      server-url=${server}
      locale="en"
      .initialCheckout=${session}
    ></polar-checkout>`,
  );
}

describe('a session the page already has', () => {
  before(useStripeDouble);

  it('is shown before the element’s own read answers (the Checkout from Create, which has no organization)', async () => {
    const session = await createSession('one-time');
    await slowReads(session.client_secret);
    const ready = nextEvent<PolarCheckoutDetail>('polar-ready');
    const element = await mountWith(session);
    expect((await ready).detail.checkout.id).to.equal(session.id);
    await element.updateComplete;
    expect(visibleText(element)).to.contain('Acme Pro License');
    expect(totalsRow(element, 'total')?.value).to.equal('$49');
    expect(await gets(session.client_secret)).to.equal(0, 'shown before any GET was answered');
    // The background read fills in what Create does not return.
    await waitUntil(() => visibleText(element).includes('Acme'), 'organization', { timeout: 5000 });
    await waitUntil(async () => (await gets(session.client_secret)) === 1, 'one background read', { timeout: 5000 });
  });

  it('a <script type="application/json"> child does the same, and supplies the client secret', async () => {
    const session = await createSession('one-time');
    await slowReads(session.client_secret);
    const server = await sandboxUrl();
    const host = document.createElement('div');
    host.innerHTML = `<polar-checkout server-url="${server}" locale="en"><script type="application/json"></script></polar-checkout>`;
    host.querySelector('script')!.textContent = JSON.stringify(session).replace(/</g, '\\u003c');
    const ready = nextEvent('polar-ready');
    document.body.append(host);
    try {
      await ready;
      const element = host.querySelector('polar-checkout')!;
      await element.updateComplete;
      expect(totalsRow(element, 'total')?.value).to.equal('$49');
      expect(await gets(session.client_secret)).to.equal(0);
    } finally {
      host.remove();
    }
  });

  it('unreadable JSON, a non-session or another session’s data is ignored: the session is read from Polar as usual', async () => {
    const session = await createSession('one-time');
    const other = await createSession('free');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      for (const given of [{ nonsense: true }, other]) {
        const ready = nextEvent('polar-ready');
        const element = await mountWith(given, session.client_secret);
        await ready;
        await element.updateComplete;
        expect(visibleText(element)).to.contain('Acme Pro License');
        expect(totalsRow(element, 'total')?.value).to.equal('$49');
        element.remove();
      }
    } finally {
      console.warn = warn;
    }
    expect(warnings.some((text) => text.includes('initialCheckout is not a checkout session'))).to.equal(true);
  });

  it('is not charged before the server has answered: a total that changed meanwhile is shown, and the next press pays it', async () => {
    const session = await createSession('discount-codes', { customer_email: 'stale@example.com' });
    // Since the page was rendered, the session became free on the server (a 100% code applied elsewhere).
    const server = await sandboxUrl();
    const applied = await fetch(`${server}/v1/checkouts/client/${session.client_secret}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ discount_code: 'FREEFOREVER' }),
    });
    expect(applied.ok).to.equal(true);
    await slowReads(session.client_secret);
    const ready = nextEvent('polar-ready');
    const element = await mountWith(session);
    await ready;
    await element.updateComplete;
    expect(totalsRow(element, 'total')?.value).to.equal('$49');
    expect(await gets(session.client_secret)).to.equal(0, 'shown before any GET was answered');

    payButton(element).click();
    await waitUntil(
      () => formError(element)?.textContent?.includes('total has changed'),
      'the changed total is shown',
      { timeout: 5000 },
    );
    expect(totalsRow(element, 'total')?.value).to.equal('$0');
    expect(
      (await sandboxRequests(session.client_secret)).filter((request) => request.path.endsWith('/confirm')),
    ).to.have.length(0);
    expect((await serverState(session.client_secret)).status).to.equal('open');

    const success = nextEvent('polar-success');
    payButton(element).click();
    await success;
    expect((await serverState(session.client_secret)).status).to.equal('succeeded');
  });

  it('a free session the page gave never constructs Stripe', async () => {
    const free = await createSession('free');
    const before = window.__stripeDouble?.instances.length ?? 0;
    const ready = nextEvent('polar-ready');
    const element = await mountWith(free);
    await ready;
    await element.updateComplete;
    expect(part(element, 'submit')).to.not.equal(null);
    await waitUntil(async () => (await gets(free.client_secret)) === 1, 'background read');
    expect(window.__stripeDouble?.instances.length ?? 0).to.equal(before, 'no Stripe constructed for a free session');
  });
});
