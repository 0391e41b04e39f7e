// What happens before the buyer sees the checkout: Stripe.js alongside the session's read, and a page that arrives
// with the session in it (shown before Polar answers, its preloaded read used once).
import {
  addFault,
  expect,
  fillBuyer,
  fillCard,
  openCheckout,
  payButton,
  sandboxRequests,
  sandboxUrl,
  serveStripe,
  serverState,
  test,
} from './fixtures.js';

const sessionRead = (url: string) =>
  url.startsWith(`${sandboxUrl}/v1/checkouts/client/`) && !url.includes('/confirm') && !url.endsWith('/stream');

test('Stripe.js is requested while the session is still being read, not after', async ({ page }) => {
  let stripeRequestedAt = 0;
  let sessionAnsweredAt = 0;
  await serveStripe(page);
  page.on('request', (request) => {
    if (request.url().startsWith('https://js.stripe.com/') && !stripeRequestedAt) stripeRequestedAt = Date.now();
  });
  page.on('response', (response) => {
    if (sessionRead(response.url()) && response.request().method() === 'GET' && !sessionAnsweredAt)
      sessionAnsweredAt = Date.now();
  });
  await addFault({ operation: 'client_get', delayMs: 1500, times: 1 });
  await openCheckout(page, 'one-time');
  await expect(page.locator('iframe[title="Secure payment input frame"]')).toBeVisible();
  expect(stripeRequestedAt).toBeGreaterThan(0);
  expect(stripeRequestedAt).toBeLessThan(sessionAnsweredAt);
});

test('a server-rendered page shows the session before Polar answers, reads it once (its preload), and buys', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('preloaded')) errors.push(message.text());
  });
  let answered = 0;
  let reads = 0;
  page.on('request', (request) => {
    if (sessionRead(request.url()) && request.method() === 'GET') reads++;
  });
  page.on('response', (response) => {
    if (sessionRead(response.url()) && response.request().method() === 'GET') answered++;
  });
  await serveStripe(page);
  await addFault({ operation: 'client_get', delayMs: 2500, times: 1 });
  await page.goto('/server-rendered?scenario=one-time&stripe=loader');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText('Acme Pro License');
  await expect(checkout.locator('[part~="total"]').last()).toContainText('$49');
  expect(answered).toBe(0);

  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await expect.poll(() => answered).toBe(1);
  const readsBeforePay = reads;
  await payButton(page).click();
  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  await expect(page).toHaveTitle('Paid');
  const secret = (await checkout.getAttribute('client-secret'))!;
  expect((await serverState(secret)).status).toBe('succeeded');
  // The element's own read was the page's preload: the browser asked once.
  expect(readsBeforePay).toBe(1);
  expect(errors).toEqual([]);
});

test('only the first save asks the CORS preflight; later saves reuse its answer', async ({ page }) => {
  // No page.route here: with any route set, Playwright answers preflights itself and the sandbox never sees them.
  await page.goto('/?scenario=one-time');
  await expect(page.locator('#events [data-event="polar-ready"]').first()).toBeAttached();
  const secret = await page
    .locator('polar-checkout')
    .evaluate((element) => (element as unknown as { clientSecret: string }).clientSecret);
  for (const [path, text] of [
    ['customer_email', 'buyer@example.com'],
    ['customer_name', 'Ada Buyer'],
  ] as const) {
    await page.locator(`polar-checkout [id="${path}"]`).fill(text);
    await page.locator(`polar-checkout [id="${path}"]`).blur();
    await expect.poll(async () => (await serverState(secret))[path]).toBe(text);
  }
  await page.locator('polar-checkout [id="customer_billing_address.country"]').selectOption('US');
  await expect.poll(async () => (await serverState(secret)).customer_billing_address?.country).toBe('US');
  const requests = await sandboxRequests(secret);
  expect(requests.filter((request) => request.method === 'PATCH')).toHaveLength(3);
  expect(requests.filter((request) => request.method === 'OPTIONS')).toHaveLength(1);
});

test('the script-tag bundle in <head> is upgraded before its JSON child is parsed, and still shows it before Polar answers', async ({
  page,
}) => {
  let answered = 0;
  page.on('response', (response) => {
    if (sessionRead(response.url()) && response.request().method() === 'GET') answered++;
  });
  await serveStripe(page);
  const formChunk: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/dist/chunks/form.js')) formChunk.push(request.url());
  });
  await addFault({ operation: 'client_get', delayMs: 2500, times: 2 });
  await page.goto('/server-rendered?scenario=one-time&stripe=loader&script=head');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText('Acme Pro License');
  await expect(checkout.locator('[part~="total"]').last()).toContainText('$49');
  expect(answered).toBe(0);
  // The page's <link rel="modulepreload"> is the element's import of the form: fetched once.
  expect(formChunk).toHaveLength(1);
});
