/**
 * The seed's way end to end: a merchant creates the session from a product price, as the Create example of Polar's
 * Go SDK docs does (`CheckoutPriceCreate`), and a buyer pays for it in `<polar-checkout>`.
 */
import type { Page } from '@playwright/test';
import { products } from '../../demo/sandbox/catalogue/index.js';
import {
  expect,
  fillBuyer,
  fillCard,
  payButton,
  sandboxRequests,
  sandboxUrl,
  serveStripe,
  serverState,
  test,
} from './fixtures.js';

/** The seed's Create body, sent to the sandbox's merchant API with an organization access token. */
async function createFromPrice(
  productPriceId: string,
): Promise<{ id: string; client_secret: string; product_price_id: string }> {
  const response = await fetch(`${sandboxUrl}/v1/checkouts/`, {
    method: 'POST',
    headers: {
      Authorization: 'Bearer polar_oat_sandbox_full',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify({
      customer_billing_address: { country: 'SE' },
      success_url: 'https://probable-heating.com/',
      product_price_id: productPriceId,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; client_secret: string; product_price_id: string };
}

/**
 * Mounts `<polar-checkout>` on an existing client secret: a blank page on the demo's origin importing the element
 * from the Vite dev server, logging its events as the storefront does and staying on the page after success.
 */
async function mountOnSecret(page: Page, clientSecret: string): Promise<void> {
  await page.goto('/api/config');
  await page.setContent(`<!doctype html>
    <html lang="en"><body>
      <ol id="events"></ol>
      <script type="module">
        import '/src/index.ts';
        // Created after the import: a tag written in by setContent was never upgraded.
        const checkout = document.createElement('polar-checkout');
        document.body.prepend(checkout);
        for (const name of ['polar-ready', 'polar-change', 'polar-confirmed', 'polar-success', 'polar-error']) {
          checkout.addEventListener(name, (event) => {
            if (name === 'polar-success') event.preventDefault();
            const item = document.createElement('li');
            item.dataset.event = name;
            item.textContent = name;
            document.getElementById('events').prepend(item);
          });
        }
        checkout.serverUrl = ${JSON.stringify(sandboxUrl)};
        checkout.clientSecret = ${JSON.stringify(clientSecret)};
      </script>
    </body></html>`);
  await expect(page.locator('#events [data-event="polar-ready"]').first()).toBeAttached();
}

test('a session created from a price, the seed’s way, is bought through <polar-checkout>', async ({ page }) => {
  const price = products.oneTime.prices[0]!;
  const session = await createFromPrice(price.id);
  expect(session.product_price_id).toBe(price.id);

  await serveStripe(page);
  await mountOnSecret(page, session.client_secret);
  const checkout = page.locator('polar-checkout');
  await expect(checkout.locator('[part~="product"]')).toContainText(products.oneTime.product.name);

  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  await payButton(page).click();

  await expect(checkout.locator('[part~="success"]')).toBeVisible();
  await expect(page.locator('#events [data-event="polar-success"]')).toHaveCount(1);

  const state = await serverState(session.client_secret);
  expect(state.status).toBe('succeeded');
  expect(state.product_price_id).toBe(price.id);
  expect(state.customer_email).toBe('buyer@example.com');
  const confirms = (await sandboxRequests(session.client_secret)).filter(
    (request) => request.operation === 'client_confirm',
  );
  expect(confirms).toHaveLength(1);
});
