/**
 * Hostile and pathological merchant text in every string the element renders: nothing runs, nothing overflows the
 * page, the totals stay on screen and the element's own words keep their direction. The sandbox's real answers are
 * rewritten on the way to the page, so the rest of the flow (PATCHes, the Stripe form) stays real.
 */
import type { Page } from '@playwright/test';
import { expect, openCheckout, sandboxUrl, serveStripe, test } from './fixtures.js';

const payloads: Record<string, string> = {
  markup: '<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>',
  'markdown-link': '[x](javascript:window.__pwned=1) and [y](  JaVaScRiPt:window.__pwned=1 )',
  // Unterminated: without isolation it reverses whatever follows, e.g. the element's own "Optional".
  'rtl-override': 'Acme \u202Eerawtfos',
  isolates: '\u2066left \u2067right \u2068first \u2069\u2067open',
  // Pops that close nothing of the merchant's would end the element's isolation and let the override out.
  'stray-pop-isolate': 'Acme\u2069\u2069 \u202Eerawtfos',
  'zero-width': 'Ac\u200Bme\u200C Pro\u200D\uFEFF\u2060',
  'word-39': 'Supercalifragilisticexpialidocious12345',
  'word-10000': 'W'.repeat(10_000),
  'emoji-zwj': '👩‍👩‍👧‍👦🏳️‍🌈👨🏽‍💻'.repeat(40),
};

const scenarios = ['one-time', 'multiple-products', 'custom-fields', 'subscription'] as const;
const viewports = [320, 1280] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- session JSON walked and rewritten field by field
type Json = Record<string, any>;

/** Puts the payload in every string of the session a merchant wrote (and a discount, so its name and code show). */
function poison(checkout: Json, text: string): Json {
  checkout.organization.name = text;
  const products: Json[] = [...(checkout.products ?? []), ...(checkout.product ? [checkout.product] : [])];
  for (const product of products) {
    product.name = text;
    product.description = text;
    for (const benefit of product.benefits ?? []) benefit.description = text;
    for (const price of product.prices ?? []) poisonMeter(price, text);
  }
  for (const prices of Object.values<Json[]>(checkout.prices ?? {}))
    for (const price of prices) poisonMeter(price, text);
  if (checkout.product_price) poisonMeter(checkout.product_price, text);
  for (const attached of checkout.attached_custom_fields ?? []) {
    const field = attached.custom_field;
    field.name = text;
    field.properties.form_label = text;
    field.properties.form_help_text = text;
    field.properties.form_placeholder = text;
    for (const option of field.properties.options ?? []) option.label = text;
  }
  if (!checkout.is_free_product_price) {
    checkout.allow_discount_codes = true;
    checkout.is_discount_applicable = true;
    checkout.discount = {
      id: 'discount-corpus',
      type: 'percentage',
      basis_points: 1000,
      duration: 'once',
      name: text,
      code: text,
    };
  }
  return checkout;
}

function poisonMeter(price: Json, text: string): void {
  if (!price.meter) return;
  price.meter.name = text;
  if (price.meter.unit === 'custom') price.meter.custom_label = text;
}

/** Rewrites the element's GET and PATCH answers; the event stream and confirm pass untouched. */
async function serveMerchantText(page: Page, text: string): Promise<void> {
  await page.route(`${sandboxUrl}/v1/checkouts/client/**`, async (route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname;
    if (!/^\/v1\/checkouts\/client\/[^/]+$/.test(path) || !['GET', 'PATCH'].includes(request.method())) {
      return route.fallback();
    }
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    return route.fulfill({ response, json: poison(await response.json(), text) });
  });
}

async function openPoisoned(page: Page, scenario: string, text: string): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await serveStripe(page);
  await serveMerchantText(page, text);
  await openCheckout(page, scenario);
  await expect(page.locator('polar-checkout [part~="summary"]')).toBeVisible();
  return dialogs;
}

/** The visual left edges of each letter of the element's "Optional" marker, in reading order. */
function optionalLetterPositions(page: Page): Promise<number[][]> {
  return page.locator('polar-checkout').evaluate((element) =>
    [...element.shadowRoot!.querySelectorAll('.optional')].map((marker) => {
      // Lit puts comment markers around bindings: find the text node itself.
      const text = document.createTreeWalker(marker, NodeFilter.SHOW_TEXT).nextNode()!;
      return [...(text.textContent ?? '')].map((_, index) => {
        const range = document.createRange();
        range.setStart(text, index);
        range.setEnd(text, index + 1);
        return range.getBoundingClientRect().left;
      });
    }),
  );
}

for (const scenario of scenarios) {
  for (const width of viewports) {
    test.describe(`${scenario} at ${width} px`, () => {
      test.use({ viewport: { width, height: 800 } });

      for (const [name, text] of Object.entries(payloads)) {
        test(`merchant text "${name}"`, async ({ page }) => {
          const dialogs = await openPoisoned(page, scenario, text);
          const checkout = page.locator('polar-checkout');

          // The payload reached the page as text.
          // (Pops of isolates that close nothing are dropped: they would end the element's isolation early.)
          const withoutIsolates = (shown: string | null) => (shown ?? '').replace(/[\u2066-\u2069]/g, '');
          await expect(checkout.locator('.product-name').first()).toBeVisible();
          expect(withoutIsolates(await checkout.locator('.product-name').first().textContent())).toContain(
            withoutIsolates([...text].slice(0, 12).join('')),
          );

          // Nothing ran, nothing was made into markup or a script link.
          expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
          expect(dialogs).toEqual([]);
          await expect(checkout.locator('img[src="x"], script, a[href^="javascript:" i]')).toHaveCount(0);

          // Nothing is wider than the screen.
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
          const box = (await checkout.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(innerWidth);

          // The total is on screen once scrolled to.
          const total = checkout.locator('dd[part~="total"]').last();
          await total.scrollIntoViewIfNeeded();
          const totalBox = (await total.boundingBox())!;
          // Whole rows of pixels: the scroll position is rounded, the layout is not (a 0.1 px sliver is not a cut).
          const viewportHeight = page.viewportSize()!.height;
          expect(totalBox.y).toBeGreaterThan(-0.5);
          expect(totalBox.y + totalBox.height).toBeLessThan(viewportHeight + 0.5);
          expect(totalBox.x).toBeGreaterThanOrEqual(0);
          expect(totalBox.x + totalBox.width).toBeLessThanOrEqual(innerWidth);

          // The element's own "Optional" reads left to right, whatever the label before it does.
          if (scenario === 'custom-fields') {
            const markers = await optionalLetterPositions(page);
            expect(markers.length).toBeGreaterThan(0);
            for (const lefts of markers) {
              expect(lefts).toHaveLength('Optional'.length);
              lefts.slice(1).forEach((left, index) => expect(left).toBeGreaterThan(lefts[index]!));
            }
          }

          if (width === 320 && ['rtl-override', 'word-39', 'word-10000', 'emoji-zwj'].includes(name)) {
            await page.screenshot({ path: `/tmp/corpus-${scenario}-${name}-total.png` });
            if (name !== 'word-10000') {
              await checkout
                .locator('[part~="summary"]')
                .screenshot({ path: `/tmp/corpus-${scenario}-${name}-summary.png` });
            }
            if (scenario === 'custom-fields') {
              await checkout.locator('[data-field="custom_field_data.tshirt_size"]').screenshot({
                path: `/tmp/corpus-${scenario}-${name}-optional.png`,
              });
            }
          }
        });
      }
    });
  }
}
