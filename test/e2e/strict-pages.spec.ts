/**
 * Purchases on pages served with the README's strict Content-Security-Policy (no 'unsafe-inline', no 'unsafe-eval'),
 * and on one that also requires Trusted Types. Every script is an external file from the page's own origin: the
 * script-tag bundle, the page script, the Stripe.js double (in place of js.stripe.com).
 */
import type { Page } from '@playwright/test';
import { scenarios } from '../../demo/sandbox/scenarios.js';
import { strictPolicy } from '../../demo/storefront/strict-policy.js';
import {
  challengeFrame,
  expect,
  fillBuyer,
  fillCard,
  payButton,
  sandboxUrl,
  serveStripe,
  serverState,
  test,
} from './fixtures.js';

const pages = [
  { name: 'a strict Content-Security-Policy', path: '/strict-csp.html', trustedTypes: false },
  { name: 'Trusted Types required', path: '/strict-trusted-types.html', trustedTypes: true },
];

/**
 * What a strict page reports: `securitypolicyviolation` events (in the page and its same-origin frames, which
 * inherit its policy), CSP and Trusted Types messages in the console, console errors and uncaught errors.
 */
async function watchPolicy(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeBinding('__reportViolation', (_source, text: string) => void problems.push(text));
  // Init scripts come from the browser's debugging protocol, not the page, so the policy does not apply to them.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation?: (text: string) => void }).__reportViolation;
      report?.(
        `violation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      );
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    // An HTTP error answer (the expired session's 410) is the API speaking, not the policy.
    if (/^Failed to load resource: the server responded with a status of/.test(text)) return;
    if (message.type() === 'error' || /Content Security Policy|Trusted ?Type/i.test(text))
      problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}

/** Every request the page made that was a script, with its URL. */
function scriptRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') urls.push(request.url());
  });
  return urls;
}

for (const strict of pages) {
  test.describe(`a page with ${strict.name}`, () => {
    test('is served with the policy the README recommends, with the local sandbox as the API', async ({ page }) => {
      const response = await page.goto(strict.path);
      const expected = strictPolicy({ apiOrigins: [sandboxUrl], trustedTypes: strict.trustedTypes });
      expect(response!.headers()['content-security-policy']).toBe(expected);
      expect(expected).not.toMatch(/unsafe-inline|unsafe-eval/);
    });

    test('the policy watcher sees a violation when one happens', async ({ page }) => {
      const problems = await watchPolicy(page);
      await page.goto(strict.path);
      await expect(page.locator('polar-checkout [part~="product"]')).toBeVisible();
      await page.evaluate(() => {
        const style = document.createElement('style');
        style.textContent = 'body { outline: 1px solid red }';
        document.head.append(style);
      });
      await expect.poll(() => problems.join('\n')).toMatch(/style-src/);
    });

    for (const card of [
      { name: 'a card', number: '4242 4242 4242 4242', challenge: false },
      { name: 'a card that asks for 3-D Secure', number: '4000 0027 6000 3184', challenge: true },
    ]) {
      test(`a buyer pays with ${card.name} and the policy reports nothing`, async ({ page }) => {
        const problems = await watchPolicy(page);
        const scripts = scriptRequests(page);
        await page.goto(strict.path);
        const checkout = page.locator('polar-checkout');
        await expect(checkout.locator('[part~="product"]')).toContainText('$49');

        await fillBuyer(page);
        await fillCard(page, card.number);
        await payButton(page).click();
        if (card.challenge) {
          const challenge = await challengeFrame(page);
          await challenge.getByRole('button', { name: 'Complete authentication' }).click();
        }
        await expect(checkout.locator('[part~="success"]')).toBeVisible();
        await expect(page).toHaveTitle('Paid');
        const secret = await checkout.getAttribute('client-secret');
        expect((await serverState(secret!)).status).toBe('succeeded');

        expect(problems).toEqual([]);
        const origin = new URL(page.url()).origin;
        expect(scripts.length).toBeGreaterThan(0);
        expect(scripts.filter((url) => new URL(url).origin !== origin)).toEqual([]);
      });
    }
  });
}

test('every demo scenario renders, and shows its errors, on a page requiring Trusted Types with no report', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems = await watchPolicy(page);
  for (const { name } of scenarios) {
    await page.goto(`/strict-trusted-types.html?scenario=${name}`);
    const checkout = page.locator('polar-checkout');
    if (name === 'expired') {
      await expect(checkout.locator('[role="alert"]').first()).toBeVisible();
    } else {
      await expect(checkout.locator('[part~="product"]').first()).toBeVisible();
      // An empty or incomplete form: the element shows what is missing (templates a purchase never renders).
      if (name !== 'prefilled' && name !== 'free') {
        await payButton(page).click();
        await expect(checkout.locator('[part~="error"]').first()).toBeVisible();
      }
    }
    expect(problems, `scenario ${name}`).toEqual([]);
  }
});

test('on a Trusted Types page without Stripe.js in its HTML, Stripe’s loader is blocked (why the README says include it)', async ({
  page,
}) => {
  const problems = await watchPolicy(page);
  const stripe = await serveStripe(page);
  await page.goto('/strict-trusted-types.html?stripe=loader');
  const checkout = page.locator('polar-checkout');
  // The buyer still sees what they are buying, and why they cannot pay (not an endless "Loading checkout…").
  await expect(checkout.locator('[part~="product"]')).toContainText('$49');
  await expect(checkout.locator('[role="alert"]').first()).toContainText('The payment form couldn’t be loaded');
  await expect(page.locator('iframe[title="Secure payment input frame"]')).toHaveCount(0);
  expect(stripe.hits()).toBe(0);
  expect(problems.join('\n')).toMatch(/TrustedScriptURL/);
});
