/**
 * The example apps in examples/, each built for production (`npm run build:examples`) and run as its own server
 * against the local sandbox: a buyer pays by card and sees the confirmation, and Polar holds a paid session.
 * The pages load Stripe.js from js.stripe.com like any storefront; here the Stripe double answers for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { PolarCheckout } from '../../src/element.js';
import { productIds } from '../../demo/sandbox/catalogue/index.js';
import {
  addFault,
  expect,
  fillBuyer,
  fillCard,
  payButton,
  sandboxUrl,
  serveStripe,
  serverState,
  test,
} from './fixtures.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Example {
  name: string;
  /** A file the production build writes (none for plain-html, which has no build step). */
  built?: string;
  /** The command that serves the built example on `port`. */
  command: (port: number) => string[];
  /** What the buyer sees once the order is done, besides the element's own state. */
  thanks: (page: Page) => Promise<void>;
}

const tsxServer = (name: string) => (): string[] => ['node', '--import', 'tsx', `examples/${name}/server.ts`];
const staysOnPage = (text: string) => async (page: Page) => {
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
};

const receipt = 'Thank you! A receipt is on its way to buyer@example.com.';
const examples: Example[] = [
  { name: 'plain-html', command: tsxServer('plain-html'), thanks: staysOnPage('Thank you! Your order is confirmed.') },
  { name: 'react', built: 'dist/index.html', command: tsxServer('react'), thanks: staysOnPage(receipt) },
  { name: 'vue', built: 'dist/index.html', command: tsxServer('vue'), thanks: staysOnPage(receipt) },
  { name: 'svelte', built: 'dist/index.html', command: tsxServer('svelte'), thanks: staysOnPage(receipt) },
  {
    name: 'nextjs',
    built: '.next/BUILD_ID',
    command: (port) => [
      'node_modules/.bin/next',
      'start',
      'examples/nextjs',
      '--port',
      String(port),
      '--hostname',
      '127.0.0.1',
    ],
    // No preventDefault: the element goes to the session's success_url, a server-rendered page reading the order.
    thanks: async (page) => {
      await page.waitForURL(/\/thanks\?checkout_id=[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { name: 'Thank you!' })).toBeVisible();
      await expect(
        page.getByText('Your order is confirmed: Acme Pro License. A receipt is on its way to buyer@example.com.'),
      ).toBeVisible();
    },
  },
];

/** Uncaught errors and console errors in the page, for a test to assert there were none. */
function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts an example's server as a storefront runs it: its own process, Polar's URL and token in the environment. */
async function serve(example: Example): Promise<{ url: string; output: () => string; stop: () => void }> {
  const port = await freePort();
  const [command, ...args] = example.command(port);
  const child: ChildProcess = spawn(command!, args, {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      POLAR_SERVER_URL: sandboxUrl,
      POLAR_ACCESS_TOKEN: 'polar_oat_sandbox_full',
      POLAR_PRODUCT_ID: productIds.oneTime,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  await expect
    .poll(async () => (child.exitCode === null ? (await fetch(url).catch(() => null))?.status : `exited: ${output}`), {
      timeout: 20_000,
    })
    .toBe(200);
  return { url, output: () => output, stop: () => child.kill() };
}

for (const example of examples) {
  test.describe(`examples/${example.name}`, () => {
    let server: Awaited<ReturnType<typeof serve>>;
    test.beforeAll(async () => {
      const built = example.built && `examples/${example.name}/${example.built}`;
      if (built && !existsSync(`${root}${built}`))
        throw new Error(`${built} is missing: run npm run build && npm run build:examples`);
      server = await serve(example);
    });
    test.afterAll(() => server?.stop());

    test('a buyer pays by card and sees the order confirmed', async ({ page }) => {
      const problems = watchForProblems(page);
      const stripe = await serveStripe(page);
      const created = page.waitForResponse((response) => response.url() === `${server.url}/api/checkout`);
      await page.goto(server.url);
      // The server created the session with its token; the page got the client secret and where to load it from.
      expect(Object.keys(await (await created).json()).sort()).toEqual(['clientSecret', 'serverUrl']);

      const checkout = page.locator('polar-checkout');
      await expect(checkout.locator('[part~="product"]')).toContainText('Acme Pro License');
      await expect(checkout.locator('[part~="total"]').last()).toContainText('$49');
      const secret = await checkout.evaluate((element) => (element as PolarCheckout).clientSecret);

      await fillBuyer(page);
      await fillCard(page, '4242 4242 4242 4242');
      await payButton(page).click();
      await example.thanks(page);

      expect(stripe.hits()).toBeGreaterThan(0);
      const state = await serverState(secret);
      expect(state.status).toBe('succeeded');
      expect(state.customer_email).toBe('buyer@example.com');
      expect(problems).toEqual([]);
      expect(server.output()).not.toMatch(/error/i);
    });

    if (example.name === 'nextjs') {
      test('app/instant: the session comes in the server-rendered HTML, is shown before Polar answers, is read once, and pays', async ({
        page,
      }) => {
        const problems = watchForProblems(page);
        await serveStripe(page);
        let answered = 0;
        let reads = 0;
        const isSessionRead = (url: string, method: string) =>
          method === 'GET' && url.startsWith(`${sandboxUrl}/v1/checkouts/client/`) && !url.endsWith('/stream');
        page.on('request', (request) => {
          if (isSessionRead(request.url(), request.method())) reads++;
        });
        page.on('response', (response) => {
          if (isSessionRead(response.url(), response.request().method())) answered++;
        });
        await addFault({ operation: 'client_get', delayMs: 2500, times: 1 });
        await page.goto(`${server.url}/instant`);
        const checkout = page.locator('polar-checkout');
        await expect(checkout.locator('[part~="product"]')).toContainText('Acme Pro License');
        await expect(checkout.locator('[part~="total"]').last()).toContainText('$49');
        expect(answered).toBe(0);
        const secret = await checkout.evaluate((element) => (element as PolarCheckout).clientSecret);

        await fillBuyer(page);
        await fillCard(page, '4242 4242 4242 4242');
        await expect.poll(() => answered).toBe(1);
        // The element's own read was the preload React put in the page's head: the browser asked once.
        expect(reads).toBe(1);
        await payButton(page).click();
        await example.thanks(page);
        expect((await serverState(secret)).status).toBe('succeeded');
        expect(problems).toEqual([]);
      });
    }

    test('tells the buyer when the server cannot start a checkout', async ({ page }) => {
      await page.route('**/api/checkout', (route) => route.fulfill({ status: 502, json: { error: 'unavailable' } }));
      await page.goto(server.url);
      await expect(page.getByText('The checkout is unavailable. Please try again later.')).toBeVisible();
      await expect(page.locator('polar-checkout')).toHaveCount(0);
    });
  });
}
