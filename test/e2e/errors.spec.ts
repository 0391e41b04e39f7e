import {
  expect,
  test,
  readyToPay,
  addFault,
  field,
  formError,
  openCheckout,
  payButton,
  sandboxRequests,
  serveStripe,
  serverState,
} from './fixtures.js';

test('an expired session (410) shows a clear message instead of a form', async ({ page }) => {
  await serveStripe(page);
  await page.goto('/?scenario=expired&stripe=loader');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.getByRole('heading', { name: /expired/i })).toBeVisible();
  await expect(checkout.locator('[part~="form"]')).toHaveCount(0);
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('expired');
});

test('an unknown session (404) shows a clear message instead of a form', async ({ page }) => {
  await serveStripe(page);
  await openCheckout(page, 'one-time');
  await page.locator('polar-checkout').evaluate((element) => {
    (element as unknown as { clientSecret: string }).clientSecret = 'polar_c_doesnotexist';
  });
  const checkout = page.locator('polar-checkout');
  await expect(checkout.getByRole('heading', { name: /not found/i })).toBeVisible();
  await expect(checkout.locator('[part~="form"]')).toHaveCount(0);
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('not_found');
});

test('a 422 on the email lands under the email field, and fixing it clears it', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  await addFault({
    operation: 'client_update',
    status: 422,
    body: {
      detail: [
        {
          type: 'value_error',
          loc: ['body', 'customer_email'],
          msg: 'value is not a valid email address: The domain name example.invalid does not exist.',
          input: 'buyer@example.invalid',
        },
      ],
    },
  });
  const email = field(page, 'customer_email');
  await email.fill('buyer@example.invalid');
  await email.blur();
  const error = page.locator('polar-checkout [id="customer_email-error"]');
  await expect(error).toContainText(/valid email/i);
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('validation');

  await email.fill('buyer@example.com');
  await email.blur();
  await expect(error).toHaveCount(0);
  await expect.poll(async () => (await serverState(secret)).customer_email).toBe('buyer@example.com');
});

test('a 403 on confirm is shown by the pay button and the form stays usable', async ({ page }) => {
  const secret = await readyToPay(page, 'one-time');
  await addFault({
    operation: 'client_confirm',
    status: 403,
    body: { error: 'PaymentNotReady', detail: 'Organization is not ready to accept payments' },
  });
  await payButton(page).click();
  await expect(formError(page)).toContainText(/can’t accept payments/i);
  await expect(payButton(page)).toBeEnabled();
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('forbidden');
  await expect(field(page, 'customer_email')).toHaveValue('buyer@example.com');
  expect((await serverState(secret)).status).toBe('open');
});

test('a network failure on an update says so, keeps the typing, and a retry saves it', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  // Chromium silently retries once when a reused connection drops, so the outage has to outlast that retry.
  await addFault({ operation: 'client_update', network: true, times: 2 });
  const name = field(page, 'customer_name');
  await name.fill('Grace Hopper');
  await name.blur();
  await expect(formError(page)).toContainText(/couldn’t reach/i);
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('network');
  await expect(name).toHaveValue('Grace Hopper');

  await formError(page)
    .getByRole('button', { name: /try again/i })
    .click();
  await expect(formError(page)).toHaveCount(0);
  await expect.poll(async () => (await serverState(secret)).customer_name).toBe('Grace Hopper');
});

test('quick edits while responses are slow end with the last edit on screen and on the server', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  await addFault({ operation: 'client_update', delayMs: 700, times: 20 });
  const name = field(page, 'customer_name');
  await name.pressSequentially('Ada', { delay: 30 });
  await page.waitForTimeout(600); // a pause: this edit is sent and is slow
  await name.pressSequentially(' Lovelace', { delay: 30 });
  await page.waitForTimeout(600);
  await name.press('End');
  await name.pressSequentially(' King', { delay: 30 });
  await name.blur();

  await expect(name).toHaveValue('Ada Lovelace King');
  await expect
    .poll(async () => (await serverState(secret)).customer_name, { timeout: 10_000 })
    .toBe('Ada Lovelace King');
  await expect(name).toHaveValue('Ada Lovelace King');
  const updates = (await sandboxRequests(secret)).filter((request) => request.operation === 'client_update');
  // Coalesced: a request per pause, not per keystroke.
  expect(updates.length).toBeLessThanOrEqual(4);
});

test('a 409 (session locked) on an update is retried without bothering the buyer', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  await addFault({
    operation: 'client_update',
    status: 409,
    times: 2,
    body: { error: 'CheckoutLocked', detail: 'Checkout is currently being processed. Please try again.' },
  });
  const name = field(page, 'customer_name');
  await name.fill('Katherine Johnson');
  await name.blur();
  await expect.poll(async () => (await serverState(secret)).customer_name).toBe('Katherine Johnson');
  await expect(formError(page)).toHaveCount(0);
});

test('a server error on confirm can be retried', async ({ page }) => {
  await readyToPay(page, 'one-time');
  await addFault({ operation: 'client_confirm', status: 500, body: { detail: 'Internal Server Error' } });
  await payButton(page).click();
  await expect(formError(page)).toContainText(/went wrong/i);
  await payButton(page).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
});

test('Stripe.js failing to load is explained and the buyer can try again', async ({ page }) => {
  await serveStripe(page, 'fail');
  await page.goto('/?scenario=one-time&stripe=loader');
  await expect(formError(page)).toContainText(/payment form/i);
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('stripe_unavailable');
  await expect(payButton(page)).toBeDisabled();
  // Typing still works while the card form is missing.
  await field(page, 'customer_email').fill('buyer@example.com');
  await expect(field(page, 'customer_email')).toHaveValue('buyer@example.com');

  await page.unroute('https://js.stripe.com/**');
  await serveStripe(page);
  await formError(page)
    .getByRole('button', { name: /try again/i })
    .click();
  await expect(page.frameLocator('iframe[title="Secure payment input frame"]').getByLabel('Card number')).toBeVisible();
  await expect(payButton(page)).toBeEnabled();
});

test('required fields are checked before anything is sent', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  await payButton(page).click();
  await expect(page.locator('polar-checkout [id="customer_email-error"]')).toBeVisible();
  await expect(field(page, 'customer_email')).toBeFocused();
  const confirms = (await sandboxRequests(secret)).filter((request) => request.operation === 'client_confirm');
  expect(confirms).toHaveLength(0);
});

test('a 422 about something no field shows is said by the pay button, not dropped', async ({ page }) => {
  await readyToPay(page, 'one-time');
  await addFault({
    operation: 'client_confirm',
    status: 422,
    body: {
      detail: [{ type: 'value_error', loc: ['body', 'product_price_id'], msg: 'This price is no longer available.' }],
    },
  });
  await payButton(page).click();
  await expect(formError(page)).toContainText('This price is no longer available.');
  await expect(payButton(page)).toBeEnabled();
});
