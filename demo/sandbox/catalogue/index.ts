import { discounts } from './discounts.js';
import type { CatalogueDiscount, DiscountKey } from './discounts.js';
import { organization } from './organization.js';
import { products } from './products.js';
import type { CatalogueProduct, ProductKey, ProductPrice } from './products.js';

export { organization, STRIPE_PUBLISHABLE_KEY } from './organization.js';
export { products } from './products.js';
export type { CatalogueProduct, CheckoutProduct, ProductKey, ProductPrice } from './products.js';
export { discounts } from './discounts.js';
export type { CatalogueDiscount, CheckoutDiscount, DiscountKey } from './discounts.js';
export { stableUuid } from './ids.js';

/** Everything the sandbox's organization sells. Product and price ids are stable across runs. */
export const catalogue = { organization, products, discounts };

/** Product ids by catalogue key, for tests and the demo. */
export const productIds = Object.fromEntries(
  Object.entries(products).map(([key, entry]) => [key, entry.product.id]),
) as Record<ProductKey, string>;

export const discountIds = Object.fromEntries(
  Object.entries(discounts).map(([key, entry]) => [key, entry.view.id]),
) as Record<DiscountKey, string>;

export function findProduct(id: string): CatalogueProduct | undefined {
  return Object.values(products).find((entry) => entry.product.id === id);
}

export function findDiscountById(id: string): CatalogueDiscount | undefined {
  return Object.values(discounts).find((entry) => entry.view.id === id);
}

/** Codes match case-insensitively, as Polar compares `upper(code)`. */
export function findDiscountByCode(code: string): CatalogueDiscount | undefined {
  const wanted = code.toUpperCase();
  return Object.values(discounts).find((entry) => entry.view.code?.toUpperCase() === wanted);
}

/** A catalogue price with the product that offers it. */
export function findPrice(id: string): { entry: CatalogueProduct; price: ProductPrice } | undefined {
  for (const entry of Object.values(products)) {
    const price = entry.prices.find((candidate) => candidate.id === id);
    if (price) return { entry, price };
  }
  return undefined;
}
