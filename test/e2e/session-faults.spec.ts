// Issue 6 defects that need the whole page: time running out on the wait for the order, and answers lost after the
// server acted. Real Chromium, the demo storefront, the sandbox's fault injection.
import { expect, test, readyToPay, payButton, formError, serverState, sandboxUrl } from './fixtures.js';

test('after the wait for the order gives up, the button offers to check again (not "Finishing your order…"), and checking again finds the order', async ({
  page,
}) => {
  await page.clock.install();
  const secret = await readyToPay(page, 'one-time');
  // The order takes longer than the element waits: every read says "confirmed", and the event stream stays silent.
  let orderMade = false;
  await page.route(`${sandboxUrl}/v1/checkouts/client/**`, async (route) => {
    const request = route.request();
    if (request.url().endsWith('/stream')) return orderMade ? route.continue() : route.abort();
    const response = await route.fetch();
    if (request.method() !== 'GET' || orderMade) return route.fulfill({ response });
    const body = await response.json();
    if (body.status === 'succeeded') body.status = 'confirmed';
    return route.fulfill({ response, json: body });
  });
  await payButton(page).click();
  await expect(payButton(page)).toHaveText(/Finishing your order/);
  await expect.poll(async () => (await serverState(secret)).status).toBe('succeeded');
  await page.clock.fastForward(95_000);
  await expect(formError(page)).toContainText(/still being processed/);
  await expect(payButton(page)).toBeEnabled();
  await expect(payButton(page)).toHaveAttribute('aria-busy', 'false');
  await expect(payButton(page)).toHaveText(/Check again/);
  await expect(page.locator('#events [data-event="polar-error"]').first()).toContainText('still_processing');

  orderMade = true;
  await payButton(page).click();
  await page.clock.fastForward(5_000);
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
  await expect(page.locator('#events [data-event="polar-success"]').first()).toBeAttached();
});
