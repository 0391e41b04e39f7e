/**
 * Steps for the fault suite (faults.spec.ts): a `test` that fails on any uncaught error, unhandled rejection or
 * console error of the page, and what a buyer would notice (the message, the buttons, the busy state, the order).
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, field, formError, payButton, sandboxRequests, sandboxUrl, test as base } from './fixtures.js';

const stripeDouble = readFileSync(new URL('../../demo/stripe-double/stripe.js', import.meta.url), 'utf8');

/** Console errors the browser itself logs for a failed request (the fault we injected) or the dev server's HMR socket. */
const EXPECTED_CONSOLE = [
  /^Failed to load resource/,
  /^\[vite\]/,
  /^WebSocket connection to 'ws:/,
  /EventSource/,
  /net::ERR_/,
];

declare global {
  interface Window {
    __faultSuite: { rejections: string[] };
  }
}

/** `test` that also fails when the page threw, left a promise rejection unhandled, or logged an error of its own. */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      await page.addInitScript(() => {
        window.__faultSuite = { rejections: [] };
        window.addEventListener('unhandledrejection', (event) => {
          const reason = event.reason as { stack?: string } | undefined;
          const said = String(reason?.stack ?? reason);
          if (!said.includes('/@vite/client')) window.__faultSuite.rejections.push(said);
        });
      });
      page.on('pageerror', (error) => {
        // Vite's HMR socket (the dev server's, not the element's) fails when another dev server holds its port.
        if (!/\/@vite\/client/.test(error.stack ?? '')) problems.push(`pageerror: ${error.stack ?? error.message}`);
      });
      page.on('console', (entry) => {
        if (entry.type() === 'error' && !EXPECTED_CONSOLE.some((pattern) => pattern.test(entry.text()))) {
          problems.push(`console.error: ${entry.text()}`);
        }
      });
      await use(problems);
      const rejections = page.isClosed()
        ? []
        : await page.evaluate(() => window.__faultSuite?.rejections ?? []).catch(() => [] as string[]);
      expect([...problems, ...rejections.map((reason) => `unhandledrejection: ${reason}`)]).toEqual([]);
    },
    { auto: true },
  ],
});

/** The whole-element message shown instead of the form (a session that could not be loaded). */
export function statusError(page: Page) {
  return page.locator('polar-checkout .status[part~="error"]');
}

/** The "Try again" button of whichever error is shown. */
export function tryAgain(page: Page) {
  return page.locator('polar-checkout [part~="error"]').getByRole('button', { name: /try again/i });
}

export function successView(page: Page) {
  return page.locator('polar-checkout [part~="success"]');
}

export function events(page: Page, name: string) {
  return page.locator(`#events [data-event="${name}"]`);
}

/** The form is usable again: the pay button is not busy and can be pressed. */
export async function expectPayable(page: Page, timeout = 10_000): Promise<void> {
  await expect(payButton(page)).toHaveAttribute('aria-busy', 'false', { timeout });
  await expect(payButton(page)).toBeEnabled({ timeout });
}

/** A message by the pay button that says what happened and leaves the buyer something to press. */
export async function expectRecoverableFormError(page: Page, text: RegExp): Promise<void> {
  await expect(formError(page)).toBeVisible();
  await expect(formError(page)).toContainText(text);
  await expectPayable(page);
}

/** The order is done: the thank-you state, one polar-success, the server `succeeded`, and exactly one order made. */
export async function expectPaidOnce(page: Page, clientSecret: string): Promise<void> {
  await expect(successView(page)).toBeVisible({ timeout: 12_000 });
  await expect(events(page, 'polar-success')).toHaveCount(1);
  await expect(formError(page)).toHaveCount(0);
  const state = await serverStatus(clientSecret);
  expect(state).toBe('succeeded');
  expect(await ordersCreated(clientSecret)).toBe(1);
}

export async function serverStatus(clientSecret: string): Promise<string> {
  const response = await fetch(`${sandboxUrl}/__sandbox/checkouts/${encodeURIComponent(clientSecret)}`);
  return ((await response.json()) as { status: string }).status;
}

/** How many orders (charges) the sandbox made for the session: its `checkout.order_created` events. */
export async function ordersCreated(clientSecret: string): Promise<number> {
  const response = await fetch(`${sandboxUrl}/__sandbox/events?client_secret=${encodeURIComponent(clientSecret)}`);
  const published = (await response.json()) as { key?: string; event?: { key?: string } }[];
  return published.filter((entry) => (entry.key ?? entry.event?.key) === 'checkout.order_created').length;
}

/** Confirm requests the sandbox received (POST only: preflights are not counted). */
export async function confirmPosts(clientSecret: string): Promise<number> {
  return (await sandboxRequests(clientSecret)).filter(
    (request) => request.method === 'POST' && request.path.endsWith('/confirm'),
  ).length;
}

/** The buyer's details are still what they typed. */
export async function expectBuyerKept(page: Page, email = 'buyer@example.com', name = 'Ada Buyer'): Promise<void> {
  await expect(field(page, 'customer_email')).toHaveValue(email);
  if (await field(page, 'customer_name').count()) await expect(field(page, 'customer_name')).toHaveValue(name);
}

/** Serves the Stripe.js double with extra configuration (e.g. `loadError`, which makes the Payment Element fail to mount). */
export async function serveStripeWith(page: Page, config: Record<string, unknown>): Promise<void> {
  await page.route('https://js.stripe.com/**', (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: `window.__STRIPE_DOUBLE_CONFIG__ = ${JSON.stringify({ api: sandboxUrl, ...config })};\n${stripeDouble}`,
    }),
  );
}

/** A screenshot of the element alone at phone width, for a person to look at. */
export async function screenshotAtPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 375, height: 900 });
  await page.locator('polar-checkout').screenshot({ path: `/tmp/faults-${name}.png`, animations: 'disabled' });
}
