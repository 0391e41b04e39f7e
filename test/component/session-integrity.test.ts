// Shown is charged, charged is told: the defects of issue 6 that live in the session core, each in a real browser
// against the sandbox. Every test here failed before the core was reshaped.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarErrorDetail, PolarSuccessDetail } from '../../src/events.js';
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
  sandboxRequests,
  sandboxUrl,
  serverState,
  shadow,
  totalsRow,
  typeInto,
  useStripeDouble,
  waitForChange,
  waitUntil,
} from './support.js';

before(useStripeDouble);
afterEach(clearFaults);

const errors: PolarErrorDetail[] = [];
const uncaught: unknown[] = [];
before(() => {
  document.addEventListener('polar-error', (event) => errors.push((event as CustomEvent<PolarErrorDetail>).detail));
  window.addEventListener('error', (event) => uncaught.push(event.error));
  window.addEventListener('unhandledrejection', (event) => uncaught.push(event.reason));
});
beforeEach(() => {
  errors.length = 0;
  uncaught.length = 0;
});
/** A test that also fails when the page saw an uncaught error or an unhandled rejection meanwhile. */
function it(title: string, body: () => Promise<void>): void {
  globalThis.it(title, async () => {
    await body();
    expect(uncaught, 'uncaught errors on the page').to.deep.equal([]);
  });
}

const money = (element: PolarCheckout, row: string) => totalsRow(element, row)?.value ?? null;

describe('pay what you want', () => {
  it('the amount can be emptied and typed again (it does not snap back or append)', async () => {
    const { element } = await openScenario('pay-what-you-want');
    const amount = control(element, 'amount');
    await typeInto(amount, '');
    await element.updateComplete;
    expect(amount.value).to.equal('');
    await typeInto(amount, '30');
    await element.updateComplete;
    expect(amount.value).to.equal('30');
    await waitForChange(element, () => amount.blur());
    expect(normalize(payButton(element).textContent)).to.contain('$30');
    await typeInto(amount, '');
    await typeInto(amount, '45', true);
    await waitUntil(() => normalize(payButton(element).textContent).includes('$45'), 'the button says $45');
    expect(amount.value).to.equal('45');
  });
});

describe('a currency’s exponent has one source', () => {
  for (const [currency, locale, expected] of [
    ['huf', 'hu', '1500'],
    ['isk', 'is', '1500'],
    ['idr', 'id', '1500'],
  ] as const) {
    it(`a ${currency.toUpperCase()} amount is prefilled as ${expected}, not 100× too large`, async () => {
      const session = await createSession('pay-what-you-want');
      // The sandbox sells in dollars; the answer is re-priced in the browser, as Polar would send it for a HUF price.
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (!String(input).includes('/v1/checkouts/client/')) return response;
        const body = await response.json();
        body.currency = currency;
        body.amount = 150000;
        for (const price of [body.product_price, ...body.products.flatMap((p: { prices: unknown[] }) => p.prices)]) {
          price.price_currency = currency;
          price.minimum_amount = 50000;
        }
        return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
      };
      try {
        const { element } = await mountCheckout(session.client_secret, { locale });
        expect(control(element, 'amount').value).to.equal(expected);
      } finally {
        window.fetch = realFetch;
      }
    });
  }
});

/** Hands the next GET's answer to the element only after `ms` (the server read the session at once). */
function holdNextReadAnswer(ms: number): () => void {
  const realFetch = window.fetch;
  let held = false;
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    if (!held && (init?.method ?? 'GET') === 'GET' && String(input).includes('/v1/checkouts/client/')) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    return response;
  };
  return () => (window.fetch = realFetch);
}

describe('a stale answer never overwrites a newer state', () => {
  it('a GET answered after a product switch does not bring the old product back', async () => {
    const { element, secret } = await openScenario('multiple-products');
    const radios = [...shadow(element).querySelectorAll<HTMLInputElement>('input[name="product"]')];
    const other = radios.find((radio) => !radio.checked)!;
    // The server reads the session at once, but its answer arrives after the product switch was saved.
    const release = holdNextReadAnswer(900);
    const reloading = element.reload();
    await waitForChange(element, () => other.click());
    await reloading;
    release();
    await element.updateComplete;
    const server = await serverState(secret);
    expect(element.checkout?.product_id).to.equal(server.product_id);
    expect(money(element, 'total')).to.equal(normalize(totalsRow(element, 'total')!.value));
    expect(element.checkout?.total_amount).to.equal(server.total_amount);
    const checked = shadow(element).querySelector<HTMLInputElement>('input[name="product"]:checked')!;
    expect(checked.closest('[data-product-id]')?.getAttribute('data-product-id')).to.equal(server.product_id);
  });

  it('a GET answered after a discount was applied does not take the discount off the screen', async () => {
    const { element, secret } = await openScenario('discount-codes');
    const release = holdNextReadAnswer(900);
    const reloading = element.reload();
    part<HTMLButtonElement>(element, 'discount')!.click();
    await element.updateComplete;
    fill(control(element, 'discount_code'), 'SAVE20', false);
    await element.updateComplete;
    const apply = [...shadow(element).querySelectorAll<HTMLButtonElement>('[part~="discount"] button')].find((b) =>
      /apply/i.test(b.textContent ?? ''),
    )!;
    await waitForChange(element, () => apply.click());
    await reloading;
    release();
    await element.updateComplete;
    const server = await serverState(secret);
    expect(server.discount).to.not.equal(null);
    expect(element.checkout?.total_amount).to.equal(server.total_amount);
    expect(element.checkout?.discount?.code).to.equal('SAVE20');
  });
});

describe('a change that could not be saved is never passed off as the total', () => {
  it('a product switch whose save failed keeps the choice, marks the total as from before it, and Try again settles both', async () => {
    const { element, secret } = await openScenario('multiple-products');
    const radios = [...shadow(element).querySelectorAll<HTMLInputElement>('input[name="product"]')];
    const other = radios.find((radio) => !radio.checked)!;
    const otherId = other.closest('[data-product-id]')!.getAttribute('data-product-id');
    const totalBefore = money(element, 'total');
    await addFault({ operation: 'client_update', status: 502, client_secret: secret });
    const failed = nextEvent('polar-error', element);
    other.click();
    await failed;
    await element.updateComplete;
    expect(other.checked, 'the choice stays').to.equal(true);
    expect(normalize(shadow(element).querySelector('.stale-note')?.textContent)).to.contain('hasn’t been saved');
    expect(money(element, 'total')).to.equal(totalBefore);
    await waitForChange(element, () => shadow(element).querySelector<HTMLButtonElement>('.form-error button')!.click());
    expect(shadow(element).querySelector('.stale-note')).to.equal(null);
    expect(element.checkout?.product_id).to.equal(otherId);
    expect((await serverState(secret)).product_id).to.equal(otherId);
  });
});

describe('a paid buyer is told so', () => {
  it('paying a session already paid in another tab follows the server to success instead of "no longer open"', async () => {
    const { element: first, secret } = await openScenario('free');
    const second = await fixture<PolarCheckout>(
      html`<polar-checkout client-secret=${secret} server-url=${await sandboxUrl()} locale="en"></polar-checkout>`,
    );
    await waitUntil(() => second.checkout !== null, 'the second tab loaded');
    fill(control(first, 'customer_email'), 'buyer@example.com');
    fill(control(second, 'customer_email'), 'buyer@example.com');
    const firstSuccess = nextEvent<PolarSuccessDetail>('polar-success', first);
    await first.submit();
    await firstSuccess;
    const secondSuccess = nextEvent<PolarSuccessDetail>('polar-success', second);
    await second.submit();
    await secondSuccess;
    await second.updateComplete;
    expect(part(second, 'success')).to.not.equal(null);
    expect(formError(second)).to.equal(null);
    expect((await serverState(secret)).status).to.equal('succeeded');
  });

  for (const [what, fault] of [
    ['lost (connection reset after the server charged)', { network: true }],
    ['a 502 after the server charged', { status: 502 }],
    ['an empty object after the server charged', { status: 200, body: {} }],
  ] as const) {
    it(`a card payment whose confirm answer is ${what} ends in success, not "couldn't reach the server"`, async () => {
      const { element, secret } = await openScenario('one-time');
      await fillUsBuyer(element);
      await fillCard(element, '4242424242424242');
      await addFault({ operation: 'client_confirm', after: true, ...fault, client_secret: secret });
      const success = nextEvent<PolarSuccessDetail>('polar-success', element);
      payButton(element).click();
      await success;
      await element.updateComplete;
      expect(part(element, 'success')).to.not.equal(null);
      const confirms = (await sandboxRequests(secret)).filter(
        (request) => request.method === 'POST' && request.path.endsWith('/confirm'),
      );
      // Chromium itself may resend a POST whose kept-alive connection was reset; the element never makes a second token.
      const tokens = new Set(
        confirms.map((request) => (request.body as { confirmation_token_id?: string }).confirmation_token_id),
      );
      expect(tokens.size, 'one payment attempt by the element').to.equal(1);
      expect((await serverState(secret)).status).to.equal('succeeded');
    });
  }

  it('a confirm answered with an unreadable body is checked against the server, and the form comes back when nothing was paid', async () => {
    const { element, secret } = await openScenario('free');
    fill(control(element, 'customer_email'), 'buyer@example.com');
    await addFault({ operation: 'client_confirm', status: 200, body: {}, client_secret: secret });
    await element.submit();
    await element.updateComplete;
    expect(payButton(element).disabled).to.equal(false);
    expect(formError(element)).to.not.equal(null);
    const reads = (await sandboxRequests(secret)).filter((request) => request.method === 'GET');
    expect(reads.length, 'the session was re-read after the confirm').to.be.greaterThan(1);
    // Pressing Pay again works.
    const success = nextEvent('polar-success', element);
    await element.submit();
    await success;
  });
});

describe('3-D Secure survives the element going away', () => {
  const challengeButton = (label: string) => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe[title="3D Secure challenge"]');
    return [...(frame?.contentDocument?.querySelectorAll('button') ?? [])].find((node) => node.textContent === label);
  };

  it('a session opened again while the bank waits for authentication shows the challenge again, and completing it reaches success', async () => {
    const { element: first, secret } = await openScenario('one-time');
    await fillUsBuyer(first);
    await fillCard(first, '4000002760003184');
    payButton(first).click();
    await waitUntil(() => challengeButton('Complete authentication') !== undefined, 'the first challenge', {
      timeout: 6000,
    });
    // The buyer's page is torn down mid-challenge (a framework re-render, a closed tab reopened).
    first.remove();
    document
      .querySelectorAll('iframe[title="3D Secure challenge"]')
      .forEach((frame) => frame.closest('div[style]')?.remove() ?? frame.remove());
    expect((await serverState(secret)).status).to.equal('confirmed');

    const success = nextEvent<PolarSuccessDetail>('polar-success');
    const second = await fixture<PolarCheckout>(
      html`<polar-checkout client-secret=${secret} server-url=${await sandboxUrl()} locale="en"></polar-checkout>`,
    );
    await waitUntil(
      () => {
        const button = challengeButton('Complete authentication');
        if (button && !button.disabled) button.click();
        return button?.disabled === true;
      },
      'the challenge shown again and answered',
      { timeout: 6000 },
    );
    await success;
    await second.updateComplete;
    expect(part(second, 'success')).to.not.equal(null);
    expect((await serverState(secret)).status).to.equal('succeeded');
  });
});

describe('answers that break the schema', () => {
  for (const body of [{}, [], 'null-products']) {
    it(`a first GET answered ${JSON.stringify(body)} is a clear, retryable error, and polar-ready does not fire`, async () => {
      const { element: _unused, secret } = await openScenario('one-time');
      _unused.remove();
      const answer =
        body === 'null-products' ? { ...((await serverState(secret)).public as object), products: null } : body;
      await addFault({ operation: 'client_get', status: 200, body: answer, client_secret: secret });
      let ready = false;
      document.addEventListener('polar-ready', () => (ready = true), { once: true });
      const { element, detail } = await mountUntilError(secret);
      expect(detail.code).to.equal('server');
      expect(ready).to.equal(false);
      expect(shadow(element).querySelector('.skeleton')).to.equal(null);
      const retry = shadow(element).querySelector<HTMLButtonElement>('.status button')!;
      expect(retry, 'Try again').to.not.equal(null);
      const readyAgain = nextEvent('polar-ready', element);
      retry.click();
      await readyAgain;
      await element.updateComplete;
      expect(part(element, 'form')).to.not.equal(null);
    });
  }

  it('a PATCH answered null keeps the form and what the buyer typed, and says so', async () => {
    const { element, secret } = await openScenario('one-time');
    await addFault({ operation: 'client_update', status: 200, rawBody: 'null', client_secret: secret });
    const failed = nextEvent<PolarErrorDetail>('polar-error', element);
    fill(control(element, 'customer_email'), 'buyer@example.com');
    await failed;
    await element.updateComplete;
    expect(part(element, 'form')).to.not.equal(null);
    expect(control(element, 'customer_email').value).to.equal('buyer@example.com');
    expect(shadow(element).querySelector('.skeleton')).to.equal(null);
    expect(formError(element)).to.not.equal(null);
  });
});

describe('what the buyer reads', () => {
  it('after a decline, focus moves to the message by the pay button', async () => {
    const { element } = await openScenario('one-time');
    await fillUsBuyer(element);
    await fillCard(element, '4000000000000002');
    payButton(element).click();
    await waitUntil(() => formError(element) !== null && !payButton(element).disabled, 'the decline is shown', {
      timeout: 8000,
    });
    await waitUntil(() => shadow(element).activeElement === formError(element), 'focus on the message');
  });

  it('after success, focus moves to the thank-you heading', async () => {
    const { element } = await openScenario('free');
    fill(control(element, 'customer_email'), 'buyer@example.com');
    payButton(element).click();
    await waitUntil(() => part(element, 'success') !== null, 'success', { timeout: 8000 });
    await waitUntil(
      () => shadow(element).activeElement === part(element, 'success')!.querySelector('h2'),
      'focus on the heading',
    );
  });

  it('an error already on screen is re-worded when the language changes', async () => {
    const { element, secret } = await openScenario('one-time');
    await addFault({ operation: 'client_update', network: true, times: 3, client_secret: secret });
    const failed = nextEvent('polar-error', element);
    fill(control(element, 'customer_email'), 'buyer@example.com');
    await failed;
    await element.updateComplete;
    const english = normalize(formError(element)!.textContent);
    element.locale = 'de';
    await waitUntil(() => normalize(formError(element)?.textContent) !== english, 'the message in German', {
      timeout: 5000,
    });
    expect(normalize(formError(element)!.textContent)).to.contain('Server');
  });

  it('a network failure while loading is not called a failure on our end', async () => {
    const { detail, element } = await mountUntilError('polar_c_doesnotmatter', 'http://127.0.0.1:9');
    expect(detail.code).to.equal('network');
    expect(normalize(shadow(element).querySelector('.status')?.textContent)).not.to.contain('on our end');
  });

  it('a rate limit while loading is said as such, with Try again', async () => {
    const { element: first, secret } = await openScenario('one-time');
    first.remove();
    await addFault({ operation: 'client_get', status: 429, headers: { 'retry-after': '2' }, client_secret: secret });
    const { element } = await mountUntilError(secret);
    const status = normalize(shadow(element).querySelector('.status')?.textContent);
    expect(status).not.to.contain('on our end');
    expect(status).to.contain('Too many requests');
    expect(shadow(element).querySelector('.status button')).to.not.equal(null);
  });
});

describe('what the page gives the element is checked before it is used', () => {
  /** Mounts with these attributes and records every URL the element fetches. */
  async function mountWith(attributes: { secret: string; serverUrl?: string; server?: string }) {
    const requested: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      requested.push(String(input));
      return realFetch(input, init);
    };
    try {
      const error = nextEvent<PolarErrorDetail>('polar-error');
      const element = await fixture<PolarCheckout>(
        html`<polar-checkout
          client-secret=${attributes.secret}
          server-url=${attributes.serverUrl ?? (await sandboxUrl())}
          server=${attributes.server ?? 'production'}
          locale="en"
        ></polar-checkout>`,
      );
      const { detail } = await error;
      await element.updateComplete;
      return { element, detail, requested };
    } finally {
      window.fetch = realFetch;
    }
  }

  for (const secret of ['..', 'polar_c_x?x=', 'polar_c_a/../../', 'polar_c_x#y', 'not-a-secret']) {
    it(`a malformed client secret (${JSON.stringify(secret)}) is a configuration error, and nothing is requested`, async () => {
      const { element, detail, requested } = await mountWith({ secret });
      expect(detail.code).to.equal('configuration');
      expect(requested.filter((url) => url.includes('/v1/'))).to.deep.equal([]);
      expect(normalize(shadow(element).querySelector('.status h2')?.textContent)).to.contain('isn’t set up correctly');
    });
  }

  for (const serverUrl of [
    '//evil.invalid',
    'data:application/json,{}',
    'javascript:alert(1)',
    'http://example.com',
    'https://user:pw@api.polar.sh',
    'relative/path',
  ]) {
    it(`a server-url of ${JSON.stringify(serverUrl)} is refused before the secret goes anywhere`, async () => {
      const { secret } = await openScenario('one-time');
      const { detail, requested } = await mountWith({ secret, serverUrl });
      expect(detail.code).to.equal('configuration');
      expect(requested.some((url) => url.includes(secret))).to.equal(false);
    });
  }

  it('a client secret with spaces around it is trimmed and loads', async () => {
    const { secret } = await openScenario('one-time');
    const ready = nextEvent('polar-ready');
    const element = await fixture<PolarCheckout>(
      html`<polar-checkout
        client-secret=${`  ${secret}\n`}
        server-url=${await sandboxUrl()}
        locale="en"
      ></polar-checkout>`,
    );
    await ready;
    expect(element.checkout?.client_secret).to.equal(secret);
  });

  it('a success URL that is not a web address is not navigated to: the buyer stays on the thank-you state and the page hears why', async () => {
    const { element, secret } = await openScenario('free');
    // Rewrite the session's answers as a merchant's misconfigured success URL would come back from Polar.
    const realFetch = window.fetch;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (!String(input).includes(secret)) return response;
      const body = await response.json();
      body.success_url = 'javascript:window.__pwned=1';
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    try {
      // Keep polar-success from the test page's own preventDefault, so the element would navigate.
      element.addEventListener('polar-success', (event) => event.stopPropagation());
      fill(control(element, 'customer_email'), 'buyer@example.com');
      const configuration = new Promise<PolarErrorDetail>((resolve) =>
        element.addEventListener('polar-error', (event) => {
          const detail = (event as CustomEvent<PolarErrorDetail>).detail;
          if (detail.code === 'configuration') resolve(detail);
        }),
      );
      await element.submit();
      await configuration;
      await element.updateComplete;
      expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
      expect(part(element, 'success')).to.not.equal(null);
    } finally {
      window.fetch = realFetch;
    }
  });
});
