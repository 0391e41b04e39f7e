import { expect, test, fillBuyer, fillCard, openCheckout, payButton, serveStripe } from './fixtures.js';

test.use({ viewport: { width: 375, height: 720 }, isMobile: true, hasTouch: true });

test('on a phone the checkout fits the screen and a buyer can pay by tapping', async ({ page }) => {
  await serveStripe(page);
  await openCheckout(page, 'multiple-products');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  await page.locator('polar-checkout [part~="product"]', { hasText: 'Yearly' }).tap();
  await expect(page.locator('polar-checkout [part~="total"]').last()).toContainText('$120');
  await fillBuyer(page);
  await fillCard(page, '4242 4242 4242 4242');
  const button = await payButton(page).boundingBox();
  expect(button!.x).toBeGreaterThanOrEqual(0);
  expect(button!.x + button!.width).toBeLessThanOrEqual(375);
  await payButton(page).tap();
  await expect(page.locator('polar-checkout [part~="success"]')).toBeVisible();
});
