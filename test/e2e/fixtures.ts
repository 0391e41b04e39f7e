/** Shared steps for the end-to-end tests: the demo storefront, the sandbox's control endpoints, the Stripe double. */
import { readFileSync } from 'node:fs';
import { expect, test as base, type Frame, type FrameLocator, type Page } from '@playwright/test';
import type { FaultRequest as Fault } from '../../demo/sandbox/control/faults.js';

export const sandboxUrl = `http://127.0.0.1:${process.env.E2E_SANDBOX_PORT ?? 8887}`;
const stripeDouble = readFileSync(new URL('../../demo/stripe-double/stripe.js', import.meta.url), 'utf8');

export interface SandboxRequest {
  method: string;
  path: string;
  operation: string;
  status: number;
  body: unknown;
  origin?: string;
  hasCookie?: boolean;
  authorization?: string | null;
}

export type { FaultRequest as Fault } from '../../demo/sandbox/control/faults.js';

/** Every test starts with no injected faults and ends with the sandbox having seen no contract violation. */
export const test = base.extend<{ sandboxChecks: void }>({
  sandboxChecks: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's first parameter and needs it destructured
    async ({}, use) => {
      await clearFaults();
      await use();
      await clearFaults();
      expect(await contractViolations()).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Serves the Stripe.js double at js.stripe.com, so the real @stripe/stripe-js loader path runs. Returns the hit count. */
export async function serveStripe(page: Page, mode: 'double' | 'fail' = 'double'): Promise<{ hits: () => number }> {
  let hits = 0;
  await page.route('https://js.stripe.com/**', async (route) => {
    hits++;
    if (mode === 'fail') return route.abort('connectionrefused');
    await route.fulfill({
      contentType: 'application/javascript',
      body: `window.__STRIPE_DOUBLE_CONFIG__ = { api: ${JSON.stringify(sandboxUrl)} };\n${stripeDouble}`,
    });
  });
  return { hits: () => hits };
}

/** Opens the demo storefront on a scenario and waits until the checkout is shown. */
export async function openCheckout(page: Page, scenario: string, query: Record<string, string> = {}): Promise<string> {
  const params = new URLSearchParams({ scenario, stripe: 'loader', ...query });
  await page.goto(`/?${params}`);
  await expect(page.locator('#events [data-event="polar-ready"]').first()).toBeAttached();
  return page
    .locator('polar-checkout')
    .evaluate((element) => (element as unknown as { clientSecret: string }).clientSecret);
}

export async function addFault(fault: Fault): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

export async function clearFaults(): Promise<void> {
  await fetch(`${sandboxUrl}/__sandbox/faults`, { method: 'DELETE' });
}

export async function sandboxRequests(clientSecret: string): Promise<SandboxRequest[]> {
  const response = await fetch(`${sandboxUrl}/__sandbox/requests?client_secret=${encodeURIComponent(clientSecret)}`);
  return (await response.json()) as SandboxRequest[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the session as JSON, probed field by field by the specs
export async function serverState(clientSecret: string): Promise<Record<string, any>> {
  const response = await fetch(`${sandboxUrl}/__sandbox/checkouts/${encodeURIComponent(clientSecret)}`);
  return await response.json();
}

export async function contractViolations(): Promise<unknown[]> {
  return (await (await fetch(`${sandboxUrl}/__sandbox/violations`)).json()) as unknown[];
}

export function cardFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Secure payment input frame"]');
}

export async function fillCard(page: Page, number: string): Promise<void> {
  const frame = cardFrame(page);
  // By id: the double's labels are in the buyer's language, as Stripe's are.
  await frame.locator('#cardnumber').fill(number);
  await frame.locator('#exp-date').fill('12 / 34');
  await frame.locator('#cvc').fill('123');
}

/** A form control of the element by its field path, e.g. `customer_billing_address.city`. */
export function field(page: Page, path: string) {
  return page.locator(`polar-checkout [id="${path}"]`);
}

/** Types into a field and leaves it, as a buyer does (text fields are saved when left). */
async function type(page: Page, path: string, text: string): Promise<void> {
  await field(page, path).fill(text);
  await field(page, path).blur();
}

/** Fills the buyer's details a card checkout asks for (a US buyer). */
export async function fillBuyer(page: Page, details: { email?: string; name?: string } = {}): Promise<void> {
  await type(page, 'customer_email', details.email ?? 'buyer@example.com');
  if (await field(page, 'customer_name').count()) await type(page, 'customer_name', details.name ?? 'Ada Buyer');
  if (await field(page, 'customer_billing_address.country').count()) {
    await field(page, 'customer_billing_address.country').selectOption('US');
    await type(page, 'customer_billing_address.line1', '1 Market Street');
    await type(page, 'customer_billing_address.city', 'San Francisco');
    await type(page, 'customer_billing_address.postal_code', '94105');
    await field(page, 'customer_billing_address.state').selectOption('US-CA');
  }
}

/** The Stripe double served, a scenario opened, buyer and card filled in: a checkout one press away from paying. */
export async function readyToPay(page: Page, scenario: string, card = '4242 4242 4242 4242'): Promise<string> {
  await serveStripe(page);
  const secret = await openCheckout(page, scenario);
  await fillBuyer(page);
  await fillCard(page, card);
  return secret;
}

export function payButton(page: Page) {
  return page.locator('polar-checkout [part~="submit"]');
}

export function formError(page: Page) {
  return page.locator('polar-checkout .form-error');
}

export async function challengeFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="3D Secure challenge"]');
  return (await handle.contentFrame())!;
}
