import {
  expect,
  test,
  readyToPay,
  addFault,
  challengeFrame,
  field,
  fillBuyer,
  fillCard,
  formError,
  openCheckout,
  payButton,
  sandboxRequests,
  serveStripe,
  serverState,
} from './fixtures.js';

test('a buyer pays for a one-time product and sees the thank-you message', async ({ page }) => {
  const stripe = await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText('$49');
  await expect(checkout.locator('[part~="total"]').last()).toContainText('$49');

  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await expect(payButton(page)).toHaveText(/Pay/);
  await payButton(page).click();

  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  await expect(page.locator('#events [data-event="polar-confirmed"]')).toHaveCount(1);
  await expect(page.locator('#events [data-event="polar-success"]')).toHaveCount(1);
  expect(stripe.hits()).toBeGreaterThan(0);

  const state = await serverState(secret);
  expect(state.status).toBe('succeeded');
  expect(state.customer_email).toBe('buyer@example.com');
  expect(state.customer_billing_address).toMatchObject({ country: 'US', city: 'San Francisco', state: 'US-CA' });

  const requests = await sandboxRequests(secret);
  expect(requests.every((request) => !request.hasCookie)).toBe(true);
  const confirm = requests.filter((request) => request.operation === 'client_confirm');
  expect(confirm).toHaveLength(1);
  expect((confirm[0]!.body as { confirmation_token_id: string }).confirmation_token_id).toMatch(/^ctoken_success_/);
});

test('a declined card shows why by the pay button, and a retry with another card succeeds', async ({ page }) => {
  const secret = await readyToPay(page, 'one-time', '4000 0000 0000 0002');
  await payButton(page).click();

  await expect(formError(page)).toContainText(/declined/i);
  await expect(payButton(page)).toBeEnabled();
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('payment_failed');
  // Nothing typed is lost.
  await expect(page.locator('polar-checkout [id="customer_email"]')).toHaveValue('buyer@example.com');

  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();

  const tokens = (await sandboxRequests(secret))
    .filter((request) => request.operation === 'client_confirm')
    .map((request) => (request.body as { confirmation_token_id: string }).confirmation_token_id);
  expect(tokens).toHaveLength(2);
  expect(tokens[0]).not.toBe(tokens[1]);
});

test('3-D Secure: the buyer completes the challenge and the order goes through', async ({ page }) => {
  const secret = await readyToPay(page, 'one-time', '4000 0027 6000 3184');
  await payButton(page).click();

  const challenge = await challengeFrame(page);
  await challenge.getByRole('button', { name: 'Complete authentication' }).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  expect((await serverState(secret)).status).toBe('succeeded');
});

test('3-D Secure: a failed challenge says so, and the buyer can pay again', async ({ page }) => {
  const secret = await readyToPay(page, 'one-time', '4000 0027 6000 3184');
  await payButton(page).click();

  const challenge = await challengeFrame(page);
  await challenge.getByRole('button', { name: 'Fail authentication' }).click();
  await expect(formError(page)).toContainText(/verify your payment/i);
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('authentication_failed');
  await expect(payButton(page)).toBeEnabled();
  expect((await serverState(secret)).status).toBe('open');

  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
});

test('a free product is confirmed without constructing Stripe or mounting a card form', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'free');
  await expect(page.locator('polar-checkout [part~="price"]').first()).toContainText(/free/i);
  await expect(page.locator('iframe[title="Secure payment input frame"]')).toHaveCount(0);
  await page.locator('polar-checkout [id="customer_email"]').fill('free@example.com');
  await payButton(page).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  // Stripe.js was fetched while the session was read (it was not known to be free yet), but never used.
  expect(
    await page.evaluate(
      () => (window as unknown as { __stripeDouble?: { instances: unknown[] } }).__stripeDouble?.instances.length ?? 0,
    ),
  ).toBe(0);
  expect((await serverState(secret)).status).toBe('succeeded');
});

test('a double click on pay makes one confirm request', async ({ page }) => {
  const secret = await readyToPay(page, 'one-time');
  await payButton(page).dblclick();
  await page
    .locator('polar-checkout')
    .evaluate((element) => (element as unknown as { submit(): Promise<void> }).submit());
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  const confirms = (await sandboxRequests(secret)).filter((request) => request.operation === 'client_confirm');
  expect(confirms).toHaveLength(1);
});

test('an incomplete card is reported by the card form and nothing is confirmed', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'one-time');
  await fillBuyer(page);
  await payButton(page).click();
  await expect(formError(page)).toContainText(/incomplete/i);
  await expect(payButton(page)).toBeEnabled();
  const confirms = (await sandboxRequests(secret)).filter((request) => request.operation === 'client_confirm');
  expect(confirms).toHaveLength(0);
});

test('the keyboard alone is enough: Enter in a field pays', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'free');
  await field(page, 'customer_email').focus();
  await page.keyboard.type('keys@example.com');
  await page.keyboard.press('Enter');
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  expect((await serverState(secret)).customer_email).toBe('keys@example.com');
});

test('a change made just before paying is saved before the confirm, and its new total is shown before it is charged', async ({
  page,
}) => {
  const secret = await readyToPay(page, 'seats');
  const seatsBefore = (await serverState(secret)).seats as number;
  // The extra seat and the pay press land in the same moment.
  await page.locator('polar-checkout').evaluate((element) => {
    const root = (element as HTMLElement).shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-label="Add a seat"]')!.click();
    void (element as unknown as { submit(): Promise<void> }).submit();
  });
  await expect(formError(page)).toContainText(/The total has changed/);
  expect((await serverState(secret)).status).toBe('open');
  await payButton(page).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  const state = await serverState(secret);
  expect(state.seats).toBe(seatsBefore + 1);
  const operations = (await sandboxRequests(secret)).map((request) => request.operation);
  expect(operations.lastIndexOf('client_update')).toBeLessThan(operations.indexOf('client_confirm'));
});

test('a buyer who already had the trial is told so, sees the price without it, and can subscribe', async ({ page }) => {
  await serveStripe(page);
  const secret = await openCheckout(page, 'trial');
  await expect(payButton(page)).toHaveText(/trial/i);
  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await addFault({
    operation: 'client_confirm',
    status: 403,
    body: { error: 'TrialAlreadyRedeemed', detail: 'The customer has already redeemed a trial.' },
  });
  await payButton(page).click();
  await expect(formError(page)).toContainText(/already had a free trial/i);
  await expect(payButton(page)).toHaveText(/Subscribe/);
  expect((await serverState(secret)).allow_trial).toBe(false);

  await payButton(page).click();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
});
