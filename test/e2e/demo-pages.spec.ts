/** The demo's pages as `npm start` serves them: Lit in production mode everywhere, each page reachable from the storefront. */
import { expect, test } from './fixtures.js';

const pages = ['/', '/plain.html', '/strict-csp.html', '/strict-trusted-types.html'];

for (const path of pages) {
  test(`${path} runs Lit in production mode (no dev-mode warning)`, async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    await page.goto(path);
    await expect(page.locator('polar-checkout [part~="product"]')).toContainText('$49');
    // Lit's dev build keeps the warnings it issued in a global; its production build has none.
    expect(await page.evaluate(() => 'litIssuedWarnings' in globalThis)).toBe(false);
    expect(messages.filter((text) => /dev mode/i.test(text))).toEqual([]);
  });
}

test('the storefront links to the script-tag pages, and each shows the checkout', async ({ page }) => {
  for (const [name, path] of [
    ['plain page', '/plain.html'],
    ['strict CSP', '/strict-csp.html'],
    ['Trusted Types', '/strict-trusted-types.html'],
  ]) {
    await page.goto('/');
    await page.getByRole('link', { name }).click();
    await expect(page).toHaveURL(path);
    await expect(page.locator('polar-checkout [part~="product"]')).toContainText('$49');
  }
});
