// The fault suite: what a buyer sees when Polar (the local sandbox, through its fault injection) answers slowly, not at
// all, with an error, with something unreadable, or loses its answer after it acted; when the event stream is silent or
// broken; when Stripe.js will not load or mount; when Pay is pressed many times; when the element leaves mid-payment.
// Real Chromium, the demo storefront. Every test also fails on an uncaught error, an unhandled rejection or a console
// error of the page (see fault-helpers.ts), and on any contract violation of the sandbox (fixtures.ts).
import type { Page } from '@playwright/test';
import {
  expect,
  addFault,
  clearFaults,
  field,
  fillBuyer,
  fillCard,
  formError,
  payButton,
  sandboxUrl,
  serveStripe,
  serverState,
  type Fault,
} from './fixtures.js';
import {
  test,
  confirmPosts,
  events,
  expectBuyerKept,
  expectPaidOnce,
  expectPayable,
  expectRecoverableFormError,
  ordersCreated,
  screenshotAtPhoneWidth,
  serveStripeWith,
  serverStatus,
  statusError,
  successView,
  tryAgain,
} from './fault-helpers.js';

type Injected = Omit<Fault, 'operation' | 'client_secret'>;

const NETWORK = /couldn’t reach the server/i;
const SERVER = /went wrong/i;
const RATE_LIMITED = /too many requests/i;
const TIMEOUT = /taking too long/i;

/** Answers that break the shape of a session; a 2xx the element cannot use. */
const SCHEMA_BREAKING: [string, Injected][] = [
  ['malformed JSON', { rawBody: '{"id": ' }],
  ['200 {}', { status: 200, body: {} }],
  ['200 []', { status: 200, body: [] }],
  ['200 {"products": null}', { status: 200, body: { products: null } }],
];

/** Goes to the storefront on a scenario without waiting for the checkout (its first load may be faulted). */
async function gotoScenario(page: Page, scenario: string): Promise<string> {
  await page.goto(`/?${new URLSearchParams({ scenario, stripe: 'loader' })}`);
  const checkout = page.locator('polar-checkout');
  await expect
    .poll(() => checkout.evaluate((element) => (element as unknown as { clientSecret: string }).clientSecret))
    .toMatch(/^polar_c_/);
  return checkout.evaluate((element) => (element as unknown as { clientSecret: string }).clientSecret);
}

/** Opens a scenario and waits until its form is shown. */
async function open(page: Page, scenario: string): Promise<string> {
  const secret = await gotoScenario(page, scenario);
  await expect(events(page, 'polar-ready').first()).toBeAttached();
  return secret;
}

/** Every scenario one press from paying: the buyer's details (and the card, when one is asked for) filled in. */
async function ready(page: Page, scenario: string): Promise<string> {
  await serveStripe(page);
  const secret = await open(page, scenario);
  await fillBuyer(page);
  if (scenario === 'custom-fields') {
    await field(page, 'custom_field_data.company').fill('Acme Inc.');
    await field(page, 'custom_field_data.accept_terms').check();
  }
  if (await page.locator('polar-checkout [slot="payment"]').count()) await fillCard(page, '4242 4242 4242 4242');
  return secret;
}

async function fault(operation: Fault['operation'], injected: Injected, clientSecret?: string): Promise<void> {
  await addFault({ operation, ...injected, ...(clientSecret ? { client_secret: clientSecret } : {}) });
}

/** Moves the page's clock on in steps until the thank-you state shows (waits the element measures in seconds). */
async function fastForwardToSuccess(page: Page, stepMs: number): Promise<void> {
  await expect(async () => {
    await page.clock.fastForward(stepMs);
    await expect(successView(page)).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** The "Updating your order" line under the pay button. */
function saving(page: Page) {
  return page.locator('polar-checkout .saving');
}

/** The element's `reload()`, as a page would call it. */
function reloadElement(page: Page): Promise<void> {
  return page
    .locator('polar-checkout')
    .evaluate((element) => (element as unknown as { reload(): Promise<void> }).reload());
}

async function expectFormShown(page: Page): Promise<void> {
  await expect(statusError(page)).toHaveCount(0);
  await expect(payButton(page)).toBeVisible();
  await expect(events(page, 'polar-ready')).toHaveCount(1);
}

// ---- the first load (GET) ----------------------------------------------------------------------------------------

test.describe('first load (GET)', () => {
  const cases: { name: string; scenario: string; faults: Injected[]; says: RegExp }[] = [
    { name: 'dropped', scenario: 'one-time', faults: [{ network: true }], says: NETWORK },
    {
      name: 'dropped after the server answered',
      scenario: 'subscription',
      faults: [{ network: true, after: true }],
      says: NETWORK,
    },
    {
      name: '500, then 502, then 503',
      scenario: 'pay-what-you-want',
      faults: [{ status: 500 }, { status: 502 }, { status: 503 }],
      says: SERVER,
    },
    {
      name: '429 with retry-after',
      scenario: 'free',
      faults: [{ status: 429, headers: { 'retry-after': '2' } }],
      says: RATE_LIMITED,
    },
    {
      name: 'schema-breaking answers, one after the other',
      scenario: 'custom-fields',
      faults: SCHEMA_BREAKING.map(([, injected]) => injected),
      says: SERVER,
    },
  ];
  for (const { name, scenario, faults, says } of cases) {
    test(`${name}: a clear message instead of the form, and Try again loads it (${scenario})`, async ({ page }) => {
      await serveStripe(page);
      await fault('client_get', faults[0]!);
      await gotoScenario(page, scenario);
      for (let index = 0; index < faults.length; index++) {
        await expect(statusError(page)).toContainText(says);
        await expect(tryAgain(page)).toBeEnabled();
        await expect(events(page, 'polar-ready')).toHaveCount(0);
        if (index === 0 && scenario === 'free') await screenshotAtPhoneWidth(page, 'first-load-429');
        const following = faults[index + 1];
        if (following) await fault('client_get', following);
        await tryAgain(page).click();
      }
      await expectFormShown(page);
    });
  }

  test('slow (3 s): the loading state, then the form', async ({ page }) => {
    await serveStripe(page);
    await fault('client_get', { delayMs: 3000 });
    await gotoScenario(page, 'multiple-products');
    await expect(page.locator('polar-checkout [role="status"]').first()).toContainText(/loading/i);
    await expectFormShown(page);
  });

  test('no answer at all: after the time limit it says so, and Try again loads it', async ({ page }) => {
    await page.clock.install();
    await serveStripe(page);
    await fault('client_get', { delayMs: 600_000 });
    await gotoScenario(page, 'seats');
    await expect(page.locator('polar-checkout [role="status"]').first()).toContainText(/loading/i);
    await page.clock.fastForward(16_000);
    await expect(statusError(page)).toContainText(TIMEOUT);
    await screenshotAtPhoneWidth(page, 'first-load-timeout');
    await tryAgain(page).click();
    await expectFormShown(page);
  });
});

// ---- reads of an open session (reload) -----------------------------------------------------------------------------

test.describe('re-reading an open session (reload())', () => {
  test('a failed re-read (dropped, 5xx, unreadable) leaves the form and everything typed as it was', async ({
    page,
  }) => {
    const secret = await ready(page, 'discount-codes');
    await expect.poll(async () => (await serverState(secret)).customer_name).toBe('Ada Buyer');
    for (const injected of [
      { network: true, times: 2 },
      { status: 502 },
      ...SCHEMA_BREAKING.map(([, value]) => value),
    ]) {
      await fault('client_get', injected, secret);
      await reloadElement(page);
      await expect(statusError(page)).toHaveCount(0);
      await expectBuyerKept(page);
      await expectPayable(page);
      await clearFaults();
    }
    await payButton(page).click();
    await expectPaidOnce(page, secret);
  });

  test('a slow re-read that answers after the buyer typed does not undo the typing', async ({ page }) => {
    const secret = await ready(page, 'one-time');
    await expect.poll(async () => (await serverState(secret)).customer_name).toBe('Ada Buyer');
    // The answer is read on the server now (name "Ada Buyer") and delivered 2 s later, after the buyer changed it.
    await fault('client_get', { after: true, delayMs: 2000 }, secret);
    const reloading = reloadElement(page);
    await field(page, 'customer_name').fill('Grace Hopper');
    await reloading;
    await expect(field(page, 'customer_name')).toHaveValue('Grace Hopper');
    await field(page, 'customer_name').blur();
    await expect.poll(async () => (await serverState(secret)).customer_name).toBe('Grace Hopper');
    await expect(field(page, 'customer_name')).toHaveValue('Grace Hopper');
  });
});

// ---- confirm ------------------------------------------------------------------------------------------------------

test.describe('confirm, failing before the server acted', () => {
  const cases: { name: string; scenario: string; faults: Injected[]; says: RegExp }[] = [
    { name: 'dropped', scenario: 'one-time', faults: [{ network: true, times: 2 }], says: NETWORK },
    {
      name: '500, then 502, then 503',
      scenario: 'subscription',
      faults: [{ status: 500 }, { status: 502 }, { status: 503 }],
      says: SERVER,
    },
    {
      name: '429 with retry-after',
      scenario: 'multiple-products',
      faults: [{ status: 429, headers: { 'retry-after': '2' } }],
      says: RATE_LIMITED,
    },
    {
      name: 'schema-breaking answers',
      scenario: 'custom-fields',
      faults: SCHEMA_BREAKING.map(([, value]) => value),
      says: SERVER,
    },
  ];
  for (const { name, scenario, faults, says } of cases) {
    test(`${name}: nothing charged, a message by Pay, the typing kept, and paying again works (${scenario})`, async ({
      page,
    }) => {
      const secret = await ready(page, scenario);
      for (const injected of faults) {
        await fault('client_confirm', injected, secret);
        await payButton(page).click();
        await expectRecoverableFormError(page, says);
        await expectBuyerKept(page);
        expect(await serverStatus(secret)).toBe('open');
        await clearFaults();
      }
      if (scenario === 'one-time') await screenshotAtPhoneWidth(page, 'confirm-dropped');
      await payButton(page).click();
      await expectPaidOnce(page, secret);
    });
  }
});

test.describe('confirm, its answer lost after the server charged the card', () => {
  const cases: { name: string; scenario: string; injected: Injected }[] = [
    { name: 'dropped', scenario: 'one-time', injected: { after: true, network: true } },
    { name: '500', scenario: 'pay-what-you-want', injected: { after: true, status: 500 } },
    { name: '502', scenario: 'subscription', injected: { after: true, status: 502 } },
    { name: '503', scenario: 'seats', injected: { after: true, status: 503 } },
    ...SCHEMA_BREAKING.map(([name, injected], index) => ({
      name,
      scenario: ['discount-codes', 'multiple-products', 'custom-fields', 'free'][index]!,
      injected: { after: true, ...injected },
    })),
  ];
  for (const { name, scenario, injected } of cases) {
    test(`${name}: the buyer ends on the thank-you state, charged once (${scenario})`, async ({ page }) => {
      const secret = await ready(page, scenario);
      await fault('client_confirm', injected, secret);
      await payButton(page).click();
      await expectPaidOnce(page, secret);
      await expect(events(page, 'polar-error')).toHaveCount(0);
    });
  }

  test('no answer within the time limit (60 s): the buyer ends on the thank-you state, charged once', async ({
    page,
  }) => {
    await page.clock.install();
    const secret = await ready(page, 'trial');
    await fault('client_confirm', { after: true, delayMs: 600_000 }, secret);
    await payButton(page).click();
    await expect(payButton(page)).toHaveAttribute('aria-busy', 'true');
    await expect.poll(() => serverStatus(secret)).toBe('succeeded');
    await page.clock.fastForward(61_000);
    await expectPaidOnce(page, secret);
  });
});

test.describe('confirm, slow (3 s)', () => {
  for (const after of [false, true]) {
    test(`slow ${after ? 'after' : 'before'} the server acted: Pay shows it is working, then the thank-you state`, async ({
      page,
    }) => {
      const secret = await ready(page, after ? 'billing-address' : 'prefilled');
      await fault('client_confirm', { after, delayMs: 3000 }, secret);
      await payButton(page).click();
      await expect(payButton(page)).toHaveAttribute('aria-busy', 'true');
      await expect(payButton(page)).toBeDisabled();
      await expect(payButton(page)).toHaveText(/processing/i);
      await expectPaidOnce(page, secret);
    });
  }
});

// ---- an edit (PATCH) ----------------------------------------------------------------------------------------------

test.describe('an edit (PATCH)', () => {
  const after = (injected: Injected): Injected => ({ after: true, ...injected });
  const cases: { name: string; scenario: string; faults: Injected[]; says: RegExp }[] = [
    { name: 'dropped', scenario: 'one-time', faults: [{ network: true, times: 2 }], says: NETWORK },
    {
      name: 'dropped after the server saved it',
      scenario: 'subscription',
      faults: [after({ network: true, times: 2 })],
      says: NETWORK,
    },
    {
      name: '500, then 502, then 503',
      scenario: 'billing-address',
      faults: [{ status: 500 }, { status: 502 }, { status: 503 }],
      says: SERVER,
    },
    { name: '502 after the server saved it', scenario: 'trial', faults: [after({ status: 502 })], says: SERVER },
    {
      name: '429 with retry-after',
      scenario: 'prefilled',
      faults: [{ status: 429, headers: { 'retry-after': '2' } }],
      says: RATE_LIMITED,
    },
    {
      name: 'schema-breaking answers',
      scenario: 'discount-codes',
      faults: SCHEMA_BREAKING.map(([, value]) => value),
      says: SERVER,
    },
    {
      name: 'schema-breaking answers after the server saved it',
      scenario: 'seats',
      faults: SCHEMA_BREAKING.map(([, value]) => after(value)),
      says: SERVER,
    },
  ];
  for (const { name, scenario, faults, says } of cases) {
    test(`${name}: a message with Try again, the typing kept, and Try again saves it (${scenario})`, async ({
      page,
    }) => {
      await serveStripe(page);
      const secret = await open(page, scenario);
      await field(page, 'customer_email').fill('buyer@example.com');
      await field(page, 'customer_email').blur();
      await expect.poll(async () => (await serverState(secret)).customer_email).toBe('buyer@example.com');
      await expect(saving(page)).toHaveText('');
      for (const [index, injected] of faults.entries()) {
        const typed = `Grace Hopper ${index + 1}`;
        await fault('client_update', injected, secret);
        await field(page, 'customer_name').fill(typed);
        await field(page, 'customer_name').blur();
        await expect(formError(page)).toContainText(says);
        await expect(field(page, 'customer_name')).toHaveValue(typed);
        await expectBuyerKept(page, 'buyer@example.com', typed);
        await clearFaults();
        await tryAgain(page).click();
        await expect(formError(page)).toHaveCount(0);
        await expect.poll(async () => (await serverState(secret)).customer_name).toBe(typed);
        await expect(field(page, 'customer_name')).toHaveValue(typed);
      }
      await expectPayable(page);
    });
  }

  test('no answer within the time limit: it says so, the typing is kept, and Try again saves it', async ({ page }) => {
    await page.clock.install();
    await serveStripe(page);
    const secret = await open(page, 'one-time');
    await fault('client_update', { after: true, delayMs: 600_000 }, secret);
    await field(page, 'customer_name').fill('Grace Hopper');
    await field(page, 'customer_name').blur();
    await expect(saving(page)).toContainText(/updating/i);
    await page.clock.fastForward(16_000);
    await expect(formError(page)).toContainText(TIMEOUT);
    await expect(field(page, 'customer_name')).toHaveValue('Grace Hopper');
    await tryAgain(page).click();
    await expect(formError(page)).toHaveCount(0);
    await expect(saving(page)).toHaveText('');
    await expect(field(page, 'customer_name')).toHaveValue('Grace Hopper');
  });

  test('choosing another product (502): a message, and Try again switches it (multiple-products)', async ({ page }) => {
    await serveStripe(page);
    const secret = await open(page, 'multiple-products');
    const productBefore = (await serverState(secret)).product_id as string;
    await fault('client_update', { status: 502 }, secret);
    await page.locator('polar-checkout [part~="product"]', { hasText: 'Yearly' }).click();
    await expect(formError(page)).toContainText(SERVER);
    await screenshotAtPhoneWidth(page, 'product-switch-502');
    await tryAgain(page).click();
    await expect(formError(page)).toHaveCount(0);
    await expect(page.locator('polar-checkout [part~="total"]').last()).toContainText('$120');
    await expect(
      page.locator('polar-checkout [part~="product"]', { hasText: 'Yearly' }).getByRole('radio'),
    ).toBeChecked();
    expect((await serverState(secret)).product_id).not.toBe(productBefore);
  });

  test('applying a discount code (503): the code stays typed, and Try again applies it (discount-codes)', async ({
    page,
  }) => {
    await serveStripe(page);
    const secret = await open(page, 'discount-codes');
    await page.locator('polar-checkout').getByRole('button', { name: 'Add a discount code' }).click();
    await field(page, 'discount_code').fill('SAVE20');
    await fault('client_update', { status: 503 }, secret);
    await page.locator('polar-checkout [part~="discount"]').getByRole('button', { name: 'Apply' }).click();
    await expect(formError(page)).toContainText(SERVER);
    await expect(field(page, 'discount_code')).toHaveValue('SAVE20');
    await tryAgain(page).click();
    await expect(page.locator('polar-checkout [part~="discount"]').first()).toContainText(/applied/i);
    expect((await serverState(secret)).discount_id).toBeTruthy();
  });

  test('adding a seat (malformed JSON): a message, the count chosen stays shown, and Try again saves it (seats)', async ({
    page,
  }) => {
    await serveStripe(page);
    const secret = await open(page, 'seats');
    await fault('client_update', { rawBody: '{"id": ' }, secret);
    await page.locator('polar-checkout').getByRole('button', { name: 'Add a seat' }).click();
    await expect(formError(page)).toContainText(SERVER);
    await expect(field(page, 'seats')).toHaveValue('4');
    await tryAgain(page).click();
    await expect.poll(async () => (await serverState(secret)).seats).toBe(4);
    await expect(field(page, 'seats')).toHaveValue('4');
    await expect(formError(page)).toHaveCount(0);
  });

  test('adding a seat (500), then Try again: the count is saved and shown (seats)', async ({ page }) => {
    await serveStripe(page);
    const secret = await open(page, 'seats');
    await fault('client_update', { status: 500 }, secret);
    await page.locator('polar-checkout').getByRole('button', { name: 'Add a seat' }).click();
    await expect(formError(page)).toContainText(SERVER);
    await tryAgain(page).click();
    await expect.poll(async () => (await serverState(secret)).seats).toBe(4);
    await expect(field(page, 'seats')).toHaveValue('4');
    await expect(formError(page)).toHaveCount(0);
  });

  for (const kind of ['seat', 'product'] as const) {
    test(`a failed ${kind} change, then Pay: nothing is charged until the new total is shown, then exactly that is charged`, async ({
      page,
    }) => {
      const secret = await ready(page, kind === 'seat' ? 'seats' : 'multiple-products');
      await expect(saving(page)).toHaveText('');
      await fault('client_update', { status: 500 }, secret);
      if (kind === 'seat') await page.locator('polar-checkout').getByRole('button', { name: 'Add a seat' }).click();
      else await page.locator('polar-checkout [part~="product"]', { hasText: 'Yearly' }).click();
      await expect(formError(page)).toContainText(SERVER);
      const totalBefore = await page.locator('polar-checkout dd[part~="total"]').textContent();
      // Pay saves the waiting change first; the total changes, so the buyer is shown it instead of being charged.
      await payButton(page).click();
      await expect(formError(page)).toContainText(/The total has changed/);
      const totalShown = await page.locator('polar-checkout dd[part~="total"]').textContent();
      expect(totalShown).not.toBe(totalBefore);
      expect((await serverState(secret)).status).toBe('open');
      await payButton(page).click();
      await expectPaidOnce(page, secret);
      const charged = (await serverState(secret)).total_amount as number;
      expect(totalShown).toContain(`$${charged / 100}`);
    });
  }

  test('after a failed save nothing says "Updating your order" any more', async ({ page }) => {
    await serveStripe(page);
    const secret = await open(page, 'one-time');
    await fault('client_update', { status: 500 }, secret);
    await field(page, 'customer_name').fill('Grace Hopper');
    await field(page, 'customer_name').blur();
    await expect(formError(page)).toContainText(SERVER);
    await expect(saving(page)).toHaveText('');
  });

  test('naming a price (dropped): the amount stays typed, and Try again saves it (pay-what-you-want)', async ({
    page,
  }) => {
    await serveStripe(page);
    const secret = await open(page, 'pay-what-you-want');
    await fault('client_update', { network: true, times: 2 }, secret);
    await field(page, 'amount').fill('25');
    await field(page, 'amount').blur();
    await expect(formError(page)).toContainText(NETWORK);
    await expect(field(page, 'amount')).toHaveValue(/^\$?25(\.00)?$/);
    await clearFaults();
    await tryAgain(page).click();
    await expect.poll(async () => (await serverState(secret)).amount).toBe(2500);
    await expect(page.locator('polar-checkout [part~="total"]').last()).toContainText('$25');
  });

  test('a custom field (500): the answer stays typed, and Try again saves it (custom-fields)', async ({ page }) => {
    await serveStripe(page);
    const secret = await open(page, 'custom-fields');
    await fault('client_update', { status: 500 }, secret);
    await field(page, 'custom_field_data.company').fill('Initech');
    await field(page, 'custom_field_data.company').blur();
    await expect(formError(page)).toContainText(SERVER);
    await expect(field(page, 'custom_field_data.company')).toHaveValue('Initech');
    await tryAgain(page).click();
    await expect.poll(async () => (await serverState(secret)).custom_field_data?.company).toBe('Initech');
    await expect(formError(page)).toHaveCount(0);
  });

  test('slow (3 s), then Pay at once: the edit is saved first, the new total is shown rather than charged unseen, and the next press pays it (seats)', async ({
    page,
  }) => {
    const secret = await ready(page, 'seats');
    await fault('client_update', { delayMs: 3000 }, secret);
    await page.locator('polar-checkout').getByRole('button', { name: 'Add a seat' }).click();
    await expect(saving(page)).toContainText(/updating/i);
    await payButton(page).click();
    await expect(formError(page)).toContainText(/The total has changed/);
    expect((await serverState(secret)).status).toBe('open');
    await payButton(page).click();
    await expectPaidOnce(page, secret);
    expect((await serverState(secret)).seats).toBe(4);
  });
});

// ---- the event stream while waiting for the order -----------------------------------------------------------------

test.describe('the event stream', () => {
  const cases: { name: string; scenario: string; break(page: Page, secret: string): Promise<void> }[] = [
    {
      name: 'silent (never answers)',
      scenario: 'one-time',
      break: (_, secret) => fault('stream', { delayMs: 600_000, times: 20 }, secret),
    },
    {
      name: 'broken (connection dropped)',
      scenario: 'subscription',
      break: (_, secret) => fault('stream', { network: true, times: 20 }, secret),
    },
    {
      name: 'blocked (the request aborted)',
      scenario: 'seats',
      break: async (page) => {
        await page.route(/\/stream$/, (route) => route.abort('connectionreset'));
      },
    },
  ];
  for (const { name, scenario, break: breakStream } of cases) {
    test(`${name}: the order still completes by re-reading the session (${scenario})`, async ({ page }) => {
      const secret = await ready(page, scenario);
      await breakStream(page, secret);
      await payButton(page).click();
      await expectPaidOnce(page, secret);
    });
  }

  test('silent, and the re-reads failing too: it stops waiting after a bounded time, and Check again finds the order', async ({
    page,
  }) => {
    await page.clock.install();
    const secret = await ready(page, 'pay-what-you-want');
    await fault('stream', { delayMs: 600_000, times: 20 }, secret);
    await payButton(page).click();
    await expect(events(page, 'polar-confirmed')).toHaveCount(1);
    await fault('client_get', { status: 503, times: 1000 }, secret);
    await expect.poll(() => serverStatus(secret)).toBe('succeeded');
    await expect(payButton(page)).toHaveText(/Finishing your order/);
    await page.clock.fastForward(95_000);
    await expect(formError(page)).toContainText(/still being processed/i);
    await expect(payButton(page)).toHaveText(/Check again/);
    await expect(payButton(page)).toHaveAttribute('aria-busy', 'false');
    await screenshotAtPhoneWidth(page, 'still-processing');
    await clearFaults();
    await payButton(page).click();
    await fastForwardToSuccess(page, 2000);
    await expectPaidOnce(page, secret);
  });
});

// ---- Stripe.js ----------------------------------------------------------------------------------------------------

test.describe('the card form', () => {
  test('Stripe.js failing to load: explained, the typing kept, and Try again loads it (subscription)', async ({
    page,
  }) => {
    await serveStripe(page, 'fail');
    const secret = await open(page, 'subscription');
    await expect(formError(page)).toContainText(/payment form couldn’t be loaded/i);
    await expect(events(page, 'polar-error').first()).toContainText('stripe_unavailable');
    await expect(payButton(page)).toBeDisabled();
    await fillBuyer(page);
    await screenshotAtPhoneWidth(page, 'stripe-unavailable');
    await page.unroute('https://js.stripe.com/**');
    await serveStripe(page);
    await tryAgain(page).click();
    await expect(formError(page)).toHaveCount(0);
    await expectBuyerKept(page);
    await fillCard(page, '4242 4242 4242 4242');
    await payButton(page).click();
    await expectPaidOnce(page, secret);
  });

  test('the card form failing to mount: explained, and Try again mounts it (one-time)', async ({ page }) => {
    await serveStripeWith(page, { loadError: 'The card form could not be created.' });
    const secret = await open(page, 'one-time');
    await expect(formError(page)).toContainText(/payment form couldn’t be loaded/i);
    await expect(payButton(page)).toBeDisabled();
    await fillBuyer(page);
    await page.evaluate(
      () =>
        delete (window as unknown as { __STRIPE_DOUBLE_CONFIG__: Record<string, unknown> }).__STRIPE_DOUBLE_CONFIG__
          .loadError,
    );
    await tryAgain(page).click();
    await expect(formError(page)).toHaveCount(0);
    await fillCard(page, '4242 4242 4242 4242');
    await expectBuyerKept(page);
    await payButton(page).click();
    await expectPaidOnce(page, secret);
  });

  test('Stripe.js not answering: after the time limit it says so, and Try again shows the card form once it arrives', async ({
    page,
  }) => {
    await page.clock.install();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await serveStripe(page);
    // Registered last, so asked first: holds Stripe.js back until released, then lets the double be served.
    await page.route('https://js.stripe.com/**', async (route) => {
      await held;
      await route.fallback();
    });
    const secret = await open(page, 'multiple-products');
    await page.clock.fastForward(16_000);
    await expect(formError(page)).toContainText(/taking too long/i);
    await expect(payButton(page)).toBeDisabled();
    release();
    await tryAgain(page).click();
    await expect(formError(page)).toHaveCount(0);
    await fillBuyer(page);
    await fillCard(page, '4242 4242 4242 4242');
    await payButton(page).click();
    await fastForwardToSuccess(page, 1000);
    await expectPaidOnce(page, secret);
  });
});

// ---- pressing Pay many times --------------------------------------------------------------------------------------

test.describe('pressing Pay many times', () => {
  test('a double click, then more clicks while the confirm is slow: one confirm, one order', async ({ page }) => {
    const secret = await ready(page, 'one-time');
    await fault('client_confirm', { delayMs: 1500 }, secret);
    await payButton(page).dblclick();
    await payButton(page).click({ force: true, clickCount: 3 });
    await page
      .locator('polar-checkout')
      .evaluate((element) => (element as unknown as { submit(): Promise<void> }).submit());
    await expectPaidOnce(page, secret);
    expect(await confirmPosts(secret)).toBe(1);
  });

  test('Enter pressed again and again in a field: one confirm, one order', async ({ page }) => {
    const secret = await ready(page, 'custom-fields');
    await fault('client_confirm', { delayMs: 1500 }, secret);
    await field(page, 'customer_name').focus();
    for (let press = 0; press < 8; press++) await page.keyboard.press('Enter', { delay: 20 });
    await expectPaidOnce(page, secret);
    expect(await confirmPosts(secret)).toBe(1);
  });

  test('a double click after a failed confirm: one more confirm, one order', async ({ page }) => {
    const secret = await ready(page, 'discount-codes');
    await fault('client_confirm', { status: 503 }, secret);
    await payButton(page).click();
    await expectRecoverableFormError(page, SERVER);
    await payButton(page).dblclick();
    await expectPaidOnce(page, secret);
    expect(await confirmPosts(secret)).toBe(2);
  });
});

// ---- the element leaving the page mid-payment ---------------------------------------------------------------------

test.describe('the element removed mid-confirm', () => {
  /** Ready to pay, Pay pressed, and the confirm on its way (its answer comes 1.5 s after the server acted). */
  async function payWithSlowConfirm(page: Page, scenario: string): Promise<string> {
    const secret = await ready(page, scenario);
    await fault('client_confirm', { after: true, delayMs: 1500 }, secret);
    const confirmSent = page.waitForRequest(
      (request) => request.method() === 'POST' && request.url().endsWith('/confirm'),
    );
    await payButton(page).click();
    await confirmSent;
    return secret;
  }

  test('no uncaught error, nothing more requested, and put back it shows the order as done', async ({ page }) => {
    const secret = await payWithSlowConfirm(page, 'one-time');
    await page.evaluate(() => {
      const element = document.querySelector('polar-checkout')!;
      (window as unknown as { __removed: Element }).__removed = element;
      element.remove();
    });
    await expect.poll(() => serverStatus(secret)).toBe('succeeded');
    await page.waitForTimeout(2000); // the confirm's answer arrives for nobody
    const requestsWhileAway = (await (
      await fetch(`${sandboxUrl}/__sandbox/requests?client_secret=${secret}`)
    ).json()) as unknown[];
    await page.waitForTimeout(1500);
    const requestsLater = (await (
      await fetch(`${sandboxUrl}/__sandbox/requests?client_secret=${secret}`)
    ).json()) as unknown[];
    expect(requestsLater.length - requestsWhileAway.length).toBeLessThanOrEqual(1); // at most the control read above
    expect(await ordersCreated(secret)).toBe(1);

    await page.evaluate(() =>
      document.querySelector('main')!.append((window as unknown as { __removed: Element }).__removed),
    );
    await expect(successView(page)).toBeVisible();
    await expect(formError(page)).toHaveCount(0);
    expect(
      await page
        .locator('polar-checkout')
        .evaluate((element) => (element as unknown as { checkout: { status: string } }).checkout.status),
    ).toBe('succeeded');
    expect(await ordersCreated(secret)).toBe(1);
    expect(await confirmPosts(secret)).toBe(1);
  });

  test('put back while the confirm is still on its way: it follows the payment to the thank-you state', async ({
    page,
  }) => {
    const secret = await payWithSlowConfirm(page, 'subscription');
    // A framework moving the element: out and straight back in.
    await page.evaluate(() => {
      const element = document.querySelector('polar-checkout')!;
      const parent = element.parentElement!;
      element.remove();
      parent.append(element);
    });
    await expect(successView(page)).toBeVisible({ timeout: 12_000 });
    await expect(formError(page)).toHaveCount(0);
    expect(await serverStatus(secret)).toBe('succeeded');
    expect(await ordersCreated(secret)).toBe(1);
    // The sandbox logs the confirm once its (delayed) answer is written.
    await expect.poll(() => confirmPosts(secret)).toBe(1);
  });
});

// ---- faults meeting each other ------------------------------------------------------------------------------------

test.describe('faults during a payment', () => {
  test('an edit that cannot be saved when Pay is pressed: the confirm carries it, and the order is what the screen shows', async ({
    page,
  }) => {
    const secret = await ready(page, 'one-time');
    await expect(saving(page)).toHaveText('');
    await fault('client_update', { network: true, times: 2 }, secret);
    await field(page, 'customer_name').fill('Grace Hopper');
    await payButton(page).click();
    await expectPaidOnce(page, secret);
    expect((await serverState(secret)).customer_name).toBe('Grace Hopper');
  });

  test('3-D Secure, the confirm answer lost after the server charged: the buyer still gets the challenge and the order goes through', async ({
    page,
  }) => {
    const secret = await ready(page, 'one-time');
    await fillCard(page, '4000 0027 6000 3184');
    await fault('client_confirm', { after: true, network: true }, secret);
    await payButton(page).click();
    const challenge = page.frameLocator('iframe[title="3D Secure challenge"]');
    await challenge.getByRole('button', { name: 'Complete authentication' }).click({ timeout: 8000 });
    await expectPaidOnce(page, secret);
  });
});
