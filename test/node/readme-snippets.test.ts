/**
 * The README's "Integrate in three steps" is code a developer copies, so it is run here: the Express route and
 * the Next.js route handler against the local sandbox, the page snippet in Chromium, and the README is checked
 * to hold each example file verbatim.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createPolar, errors } from '@polar-sh/sdk/2026-10';
import { chromium } from 'playwright';
import type { Browser, Page } from 'playwright';
import { build } from 'vite';
import { productIds } from '../../demo/sandbox/catalogue/index.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { createStorefrontApp } from '../../demo/storefront/examples/express.js';
import { chromiumArgs, chromiumExecutable } from '../browser.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const POLAR_SANDBOX_API = 'https://sandbox-api.polar.sh';
const CHECKOUT_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sandbox: RunningSandbox;
let polar: ReturnType<typeof createPolar>;

before(async () => {
  sandbox = await startSandbox({ port: 0, fast: true });
  polar = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
});

after(async () => {
  const violations = await control('GET', '/violations');
  await sandbox.close();
  assert.deepEqual(violations, [], 'the sandbox answered something its contract does not allow');
});

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sandbox.url}/__sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path} answered ${response.status}`);
  return response.json();
}

async function listen(listener: RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Runs `action` with console.error captured instead of printed; returns what was logged. */
async function capturingErrors(action: () => Promise<void>): Promise<unknown[][]> {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => void logged.push(args);
  try {
    await action();
  } finally {
    console.error = original;
  }
  return logged;
}

const postCheckout = (url: string) => fetch(`${url}/api/checkout`, { method: 'POST' });

describe('the Express example', () => {
  let storefront: { url: string; close(): Promise<void> };

  before(async () => {
    storefront = await listen(createStorefrontApp(polar, productIds.oneTime));
  });

  after(async () => {
    await storefront.close();
    await control('DELETE', '/faults');
  });

  it('creates a session for the product and hands the page only its client secret', async () => {
    const response = await postCheckout(storefront.url);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { clientSecret: string };
    assert.deepEqual(Object.keys(body), ['clientSecret'], 'nothing else reaches the browser');
    assert.match(body.clientSecret, /^polar_c_/);

    const session = await polar.checkouts.clientGet(body.clientSecret);
    assert.equal(session.status, 'open');
    assert.equal(session.product_id, productIds.oneTime);
    assert.equal(session.product?.name, 'Acme Pro License');
    assert.equal(
      session.success_url,
      `${storefront.url}/thanks?checkout_id=${session.id}`,
      '{CHECKOUT_ID} was replaced',
    );

    const requests = (await control('GET', '/requests')) as { operation: string; authorization: string | null }[];
    const create = requests.filter((entry) => entry.operation === 'create').at(-1);
    assert.equal(create?.authorization, 'Bearer polar_oat_sandbox_full', 'the token went to Polar, from the server');
  });

  it('answers 502 with a plain message, and logs the cause, when Polar refuses', async () => {
    const readOnly = createPolar({ accessToken: 'polar_oat_sandbox_read', baseUrl: sandbox.url });
    const refused = await listen(createStorefrontApp(readOnly, productIds.oneTime));
    try {
      let text = '';
      const logged = await capturingErrors(async () => {
        const response = await postCheckout(refused.url);
        assert.equal(response.status, 502);
        text = await response.text();
      });
      assert.deepEqual(JSON.parse(text), { error: 'The checkout is unavailable. Please try again.' });
      assert.ok(!text.includes('insufficient_scope'), 'Polar’s answer stays in the server log');
      assert.equal(logged.length, 1);
      assert.match(String(logged[0]?.[1]), /403/);
    } finally {
      await refused.close();
    }
  });

  it('answers 502 when Polar cannot be reached', async () => {
    await control('POST', '/faults', { operation: 'create', network: true });
    const logged = await capturingErrors(async () => {
      assert.equal((await postCheckout(storefront.url)).status, 502);
    });
    assert.equal((logged[0]?.[1] as Error | undefined)?.name, 'PolarNetworkError');
  });
});

describe('the Next.js route handler', () => {
  type Route = typeof import('../../demo/storefront/examples/next-route.js');
  let POST: Route['POST'];
  const polarCalls: { url: string; authorization: string | null }[] = [];
  const realFetch = globalThis.fetch;
  const savedEnv = { token: process.env['POLAR_ACCESS_TOKEN'], product: process.env['POLAR_PRODUCT_ID'] };

  before(async () => {
    process.env['POLAR_ACCESS_TOKEN'] = 'polar_oat_sandbox_full';
    process.env['POLAR_PRODUCT_ID'] = productIds.monthly;
    // The handler talks to Polar's sandbox API exactly as deployed; its requests are answered by the local one.
    globalThis.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!url.startsWith(`${POLAR_SANDBOX_API}/`)) return realFetch(input, init);
      polarCalls.push({ url, authorization: new Headers(init?.headers).get('authorization') });
      return realFetch(sandbox.url + url.slice(POLAR_SANDBOX_API.length), init);
    };
    ({ POST } = await import('../../demo/storefront/examples/next-route.js'));
  });

  after(async () => {
    globalThis.fetch = realFetch;
    for (const [name, value] of [
      ['POLAR_ACCESS_TOKEN', savedEnv.token],
      ['POLAR_PRODUCT_ID', savedEnv.product],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await control('DELETE', '/faults');
  });

  it('creates a session on Polar’s sandbox API and returns its client secret', async () => {
    const response = await POST(new Request('https://shop.example/api/checkout', { method: 'POST' }));
    assert.equal(response.status, 200);
    const body = (await response.json()) as { clientSecret: string };
    assert.deepEqual(Object.keys(body), ['clientSecret']);

    assert.deepEqual(polarCalls.at(-1), {
      url: `${POLAR_SANDBOX_API}/v1/checkouts/`,
      authorization: 'Bearer polar_oat_sandbox_full',
    });
    const session = await polar.checkouts.clientGet(body.clientSecret);
    assert.equal(session.product?.name, 'Acme Cloud Monthly');
    assert.match(session.id, CHECKOUT_ID_PATTERN);
    assert.equal(session.success_url, `https://shop.example/thanks?checkout_id=${session.id}`);
  });

  it('answers 502 and logs Polar’s error when Polar fails or refuses', async () => {
    await control('POST', '/faults', { operation: 'create', status: 503 });
    const logged = await capturingErrors(async () => {
      const failed = await POST(new Request('https://shop.example/api/checkout', { method: 'POST' }));
      assert.equal(failed.status, 502);
      assert.deepEqual(await failed.json(), { error: 'The checkout is unavailable. Please try again.' });

      process.env['POLAR_PRODUCT_ID'] = '5e8bd0b5-6c65-4f0a-9b3d-2f3b2b7f0a11';
      try {
        assert.equal((await POST(new Request('https://shop.example/api/checkout', { method: 'POST' }))).status, 502);
      } finally {
        process.env['POLAR_PRODUCT_ID'] = productIds.monthly;
      }
    });
    assert.equal((logged[0]?.[1] as Error | undefined)?.name, 'PolarServerError');
    const invalid = logged[1]?.[1];
    assert.ok(invalid instanceof errors.HTTPValidationError, 'an unknown product is a 422 from Polar');
    assert.deepEqual(invalid.error.detail?.[0]?.loc, ['body', 'products', 0]);
  });
});

describe('the page snippet, in Chromium', () => {
  let browser: Browser;
  let storefront: { url: string; close(): Promise<void> };
  let elementScript: string;

  before(async () => {
    const output = await build({
      root: new URL('.', root).pathname,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        target: 'es2021',
        lib: {
          entry: new URL('src/index.ts', root).pathname,
          name: 'PolarCheckoutElement',
          formats: ['iife'],
          fileName: () => 'element.js',
        },
      },
    });
    const [result] = Array.isArray(output) ? output : [output];
    const chunk = (result as { output: { type: string; code?: string }[] }).output.find(
      (item) => item.type === 'chunk',
    );
    elementScript = chunk?.code ?? assert.fail('the element did not build');

    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
${read('demo/storefront/examples/page.html')}</body></html>`;
    const app = createStorefrontApp(polar, productIds.free);
    app.get('/', (_req, res) => void res.type('html').send(page));
    app.get('/thanks', (_req, res) => void res.type('text').send('Thank you'));
    storefront = await listen(app);
    browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  });

  after(async () => {
    await browser?.close();
    await storefront?.close();
  });

  /** A page where the CDN serves the element built from `src/` and Polar's sandbox API is the local sandbox. */
  async function openShop(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route('https://unpkg.com/**', (route) =>
      route.request().url() === 'https://unpkg.com/polar-checkout-element/dist/polar-checkout.iife.js'
        ? route.fulfill({ contentType: 'text/javascript', body: elementScript })
        : route.abort(),
    );
    await page.route(`${POLAR_SANDBOX_API}/**`, async (route) => {
      const url = route.request().url();
      // Fulfilled answers must be whole; without the event stream the element re-reads the session instead.
      if (url.endsWith('/stream')) return route.abort();
      const response = await route.fetch({ url: sandbox.url + url.slice(POLAR_SANDBOX_API.length) });
      return route.fulfill({ response });
    });
    // Stripe.js (and the card form's chunk) start loading while the session is read; a free product never needs them,
    // so their failing here must go unnoticed.
    await page.route('https://js.stripe.com/**', (route) => route.abort());
    return { page, problems };
  }

  async function buyForFree(page: Page): Promise<string> {
    const checkout = page.locator('polar-checkout');
    await checkout.locator('[part~="product"]').first().waitFor();
    assert.match((await checkout.locator('[part~="product"]').first().textContent()) ?? '', /Acme Community/);
    await checkout.locator('[id="customer_email"]').fill('reader@example.com');
    await checkout.locator('[part~="submit"]').click();
    return (await checkout.getAttribute('client-secret')) ?? assert.fail('the page never set client-secret');
  }

  it(
    'loads the session from /api/checkout and, with preventDefault, stays on the page after paying',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openShop();
      const paid = new Promise<string>((resolve) => {
        page.on('console', (message) => {
          if (message.text().startsWith('Paid:')) resolve(message.text());
        });
      });
      await page.goto(`${storefront.url}/`);
      const clientSecret = await buyForFree(page);
      const session = await polar.checkouts.clientGet(clientSecret);
      assert.equal(await paid, `Paid: ${session.id}`);
      await page.locator('polar-checkout [part~="success"]').waitFor();
      assert.equal(page.url(), `${storefront.url}/`);
      assert.equal((await polar.checkouts.get(session.id)).status, 'succeeded');
      assert.deepEqual(problems, []);
      await page.close();
    },
  );

  it('goes to the success URL, with the checkout id, when nothing prevents it', { timeout: 30_000 }, async () => {
    const { page, problems } = await openShop();
    // Stops the event before the snippet's listener: the page as it is without that listener.
    await page.addInitScript(() => window.addEventListener('polar-success', (event) => event.stopPropagation(), true));
    await page.goto(`${storefront.url}/`);
    const clientSecret = await buyForFree(page);
    await page.waitForURL(/\/thanks\?checkout_id=/);
    const session = await polar.checkouts.clientGet(clientSecret);
    assert.equal(page.url(), `${storefront.url}/thanks?checkout_id=${session.id}`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('tells the buyer when the server cannot start a checkout', { timeout: 30_000 }, async () => {
    const { page } = await openShop();
    await page.route('**/api/checkout', (route) => route.fulfill({ status: 502, json: { error: 'down' } }));
    await page.goto(`${storefront.url}/`);
    await page.getByText('The checkout is unavailable. Please try again later.').waitFor();
    assert.equal(await page.locator('polar-checkout').count(), 0);
    await page.close();
  });
});

describe('the README’s integration section', () => {
  const readme = read('README.md');
  const start = readme.indexOf('<!-- integrate -->\n');
  const heading = readme.indexOf('## Integrate in three steps', start);
  const end = readme.indexOf('\n## ', heading);
  const section = readme.slice(start, end === -1 ? undefined : end);

  it('is marked and titled where tests and readers find it', () => {
    assert.ok(start !== -1, 'the <!-- integrate --> marker is gone');
    assert.equal(heading, start + '<!-- integrate -->\n'.length, 'the section heading follows the marker');
  });

  for (const [file, language] of [
    ['express.ts', 'ts'],
    ['next-route.ts', 'ts'],
    ['page.html', 'html'],
  ] as const) {
    it(`shows ${file} exactly as tested`, () => {
      const source = read(`demo/storefront/examples/${file}`);
      assert.ok(
        section.includes(`\`\`\`${language}\n${source}\`\`\`\n`),
        `README.md no longer matches demo/storefront/examples/${file}`,
      );
    });
  }

  it('documents every environment variable the demo storefront reads', () => {
    const sources = read('demo/storefront/polar-client.ts') + read('demo/storefront/server.ts');
    const variables = new Set(sources.match(/POLAR_[A-Z_]+/g));
    assert.ok(variables.size >= 3);
    for (const variable of variables) assert.ok(section.includes(variable), `${variable} is not documented`);
    assert.ok(section.includes('POLAR_SERVER=sandbox|production'));
    assert.ok(
      section.includes('{CHECKOUT_ID}') && section.includes('polar-success') && section.includes('preventDefault()'),
    );
  });
});
