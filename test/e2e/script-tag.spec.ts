import { addFault, expect, test, fillBuyer, fillCard, payButton, serveStripe, serverState } from './fixtures.js';

test('the script-tag bundle buys a product from a plain HTML page with no build step', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const stripe = await serveStripe(page);
  // The bundle's own Stripe.js loader, with the double served at js.stripe.com.
  await page.goto('/plain.html?stripe=loader');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText('$49');
  // A second copy of the script (or the npm build next to it) must not throw.
  await page.addScriptTag({ url: '/dist/polar-checkout.iife.js' });

  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  await expect(page).toHaveTitle('Paid');
  const secret = await checkout.getAttribute('client-secret');
  expect((await serverState(secret!)).status).toBe('succeeded');
  expect(stripe.hits()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('the plain page works as `npm start` serves it: Stripe double from the storefront, nothing intercepted', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`${message.type()}: ${message.text()}`);
  });
  const offOrigin: string[] = [];
  page.on('request', (request) => {
    const { hostname } = new URL(request.url());
    if (hostname !== '127.0.0.1') offOrigin.push(request.url());
  });
  await page.goto('/plain.html');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText('$49');
  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  await expect(page).toHaveTitle('Paid');
  expect((await serverState((await checkout.getAttribute('client-secret'))!)).status).toBe('succeeded');
  expect(offOrigin).toEqual([]);
  expect(problems).toEqual([]);
});

test('without preventDefault, success navigates to the session’s success URL', async ({ page }) => {
  await serveStripe(page);
  await page.goto('/?scenario=free&stripe=loader');
  await page.locator('#stay').uncheck();
  await page.locator('polar-checkout [id="customer_email"]').fill('free@example.com');
  await payButton(page).click();
  await page.waitForURL(/[?&]paid=[0-9a-f-]{36}/);
});

test('the script-tag bundle fetches the buyer’s language from beside itself', async ({ page }) => {
  await serveStripe(page);
  const tables: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/dist/locales/')) tables.push(new URL(request.url()).pathname);
  });
  await page.goto('/plain.html?scenario=eur-inclusive-tax');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('label[for="customer_email"]')).toHaveText('E-Mail');
  await expect(checkout.locator('[part~="total"]').last()).toContainText('€');
  expect(tables).toEqual(['/dist/locales/de.js']);
});

test('the wait for the order comes in the payment chunk: when it cannot be fetched, Check again, which finds the order', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let chunkRequests = 0;
  let chunkAvailable = false;
  await page.route('**/dist/chunks/payment.js', (route) => {
    chunkRequests++;
    return chunkAvailable ? route.continue() : route.abort('connectionrefused');
  });
  await page.goto('/plain.html?scenario=free');
  const checkout = page.locator('polar-checkout');
  await checkout.locator('[id="customer_email"]').fill('free@example.com');
  // Fetched (and failing) while the session was read; a free session does not need it until it is confirmed.
  await expect.poll(() => chunkRequests).toBe(1);

  await payButton(page).click();
  await expect(checkout.locator('[part~="error"]')).toContainText('Your payment is still being processed');
  await expect(payButton(page)).toHaveText('Check again');
  await expect(payButton(page)).toBeEnabled();
  expect(chunkRequests).toBe(2);
  const secret = await checkout.getAttribute('client-secret');
  expect((await serverState(secret!)).status).not.toBe('open');

  chunkAvailable = true;
  await payButton(page).click();
  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  await expect(page).toHaveTitle('Paid');
  expect((await serverState(secret!)).status).toBe('succeeded');
  expect(errors).toEqual([]);
});

test('the form comes in its own chunk, fetched while the session is read: when it cannot be fetched, Try again loads it', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const consoleErrors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
  await serveStripe(page);
  let chunkRequests = 0;
  let chunkAvailable = false;
  await page.route('**/dist/chunks/form.js', (route) => {
    chunkRequests++;
    return chunkAvailable ? route.continue() : route.abort('connectionrefused');
  });
  await page.goto('/plain.html?stripe=loader');
  const checkout = page.locator('polar-checkout');
  const status = checkout.locator('.status[part~="error"]');
  await expect(status).toContainText('The checkout couldn’t be loaded');
  await expect(status).toContainText('Check your connection');
  expect(chunkRequests).toBeGreaterThan(0);
  // The developer is told where to look.
  expect(consoleErrors.join('\n')).toContain('chunks/form.js could not be loaded');
  expect(consoleErrors.join('\n')).toContain('publish dist/chunks/');

  chunkAvailable = true;
  await status.getByRole('button', { name: 'Try again' }).click();
  await expect(checkout.locator('[part~="product"]')).toContainText('$49');
  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  expect((await serverState((await checkout.getAttribute('client-secret'))!)).status).toBe('succeeded');
  expect(errors).toEqual([]);
});

test('the form chunk is requested before the session answers, and renders with the bundle’s Lit', async ({ page }) => {
  await serveStripe(page);
  const order: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/dist/chunks/form.js')) order.push('form requested');
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/v1/checkouts/client/') && response.request().method() === 'GET')
      order.push('session answered');
  });
  await addFault({ operation: 'client_get', delayMs: 1000, times: 1 });
  await page.goto('/plain.html?stripe=loader');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText('$49');
  expect(order.slice(0, 2)).toEqual(['form requested', 'session answered']);
  // One Lit on the page: the bundle's (lit-html registers each copy it loads).
  expect(await page.evaluate(() => (globalThis as { litHtmlVersions?: string[] }).litHtmlVersions?.length)).toBe(1);
});

test('loaded as a module (no script URL to find its chunks by), it says so to the buyer and, in the console, to the developer', async ({
  page,
}) => {
  const config = (await (await page.request.get('/api/config')).json()) as { serverUrl: string };
  const session = (await (await page.request.post('/api/checkout', { data: { scenario: 'one-time' } })).json()) as {
    clientSecret: string;
  };
  await page.route('**/module-script.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><script type="module" src="/dist/polar-checkout.iife.js"></script>
        <polar-checkout locale="en" server-url="${config.serverUrl}" client-secret="${session.clientSecret}"></polar-checkout>`,
    }),
  );
  const consoleErrors: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && consoleErrors.push(message.text())));
  await page.goto('/module-script.html');
  await expect(page.locator('polar-checkout .status[part~="error"]')).toContainText('The checkout couldn’t be loaded');
  expect(consoleErrors.join('\n')).toContain('load polar-checkout.iife.js with <script src>');
});
