import { findPrice, findProduct } from '../catalogue/index.js';
import type { CatalogueProduct, ProductPrice } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';
import type { CreateShape } from '../contract/hidden-shapes.js';
import type { ValidationErrorEntry } from '../contract/pydantic-errors.js';
import { businessValidation, fieldError, invalidField } from '../errors.js';
import { defaultPrice } from '../pricing/prices.js';
import { buildAdHocPrices } from './ad-hoc-prices.js';

/**
 * A validated Create body of any of the three shapes; fields with schema defaults may still be absent.
 * `product_id` and `product_price_id` come from the deprecated shapes the published spec hides.
 */
export type CreateInput = Partial<components['schemas']['CheckoutProductsCreate']> & {
  product_id?: string;
  product_price_id?: string;
};

/** What a Create body sells: the checkout's product list, the ad-hoc prices, and the price selected first. */
export interface CreateTarget {
  entries: CatalogueProduct[];
  adHocPrices: Record<string, ProductPrice[]>;
  /** The prices the first product offers in this checkout, ad-hoc or from the catalogue. */
  offered: ProductPrice[];
  price: ProductPrice;
}

function validatedProducts(ids: string[]): CatalogueProduct[] {
  const errors: ValidationErrorEntry[] = [];
  const entries: CatalogueProduct[] = [];
  ids.forEach((id, index) => {
    const entry = findProduct(id);
    if (!entry) errors.push(fieldError(['body', 'products', index], 'value_error', 'Product does not exist.', id));
    else if (entry.product.is_archived)
      errors.push(fieldError(['body', 'products', index], 'value_error', 'Product is archived.', id));
    else entries.push(entry);
  });
  if (errors.length > 0) throw businessValidation(errors);
  return entries;
}

/** Polar's `CheckoutProductsCreate` branch: the first product's default price in the currency, if one is asked. */
function fromProducts(input: CreateInput, nowIso: string): CreateTarget {
  const ids = input.products ?? [];
  const entries = validatedProducts(ids);
  const first = entries[0]!;
  const adHocPrices = input.prices
    ? buildAdHocPrices(
        input.prices,
        entries.map((entry) => entry.product.id),
        nowIso,
      )
    : {};
  const offered = adHocPrices[first.product.id] ?? first.prices;
  const inCurrency = input.currency ? offered.filter((price) => price.price_currency === input.currency) : offered;
  if (inCurrency.length === 0)
    throw invalidField(['products', 0], 'Product is not available in the specified currency.', ids[0]);
  return { entries, adHocPrices, offered, price: defaultPrice(inCurrency) };
}

/** Polar's `_get_validated_product`: that product alone, its default price in the currency, if one is asked. */
function fromProduct(input: CreateInput): CreateTarget {
  const id = input.product_id!;
  const entry = findProduct(id);
  if (!entry) throw invalidField('product_id', 'Product does not exist.', id);
  if (entry.product.is_archived) throw invalidField('product_id', 'Product is archived.', id);
  const inCurrency = input.currency
    ? entry.prices.filter((price) => price.price_currency === input.currency)
    : entry.prices;
  if (inCurrency.length === 0)
    throw invalidField('product_id', 'Product is not available in the specified currency.', id);
  return { entries: [entry], adHocPrices: {}, offered: entry.prices, price: defaultPrice(inCurrency) };
}

/** Polar's `_get_validated_price`: the price's product alone, with exactly that price selected, in its currency. */
function fromPrice(input: CreateInput): CreateTarget {
  const id = input.product_price_id!;
  const found = findPrice(id);
  if (!found) throw invalidField('product_price_id', 'Price does not exist.', id);
  if (found.price.is_archived) throw invalidField('product_price_id', 'Price is archived.', id);
  if (found.entry.product.is_archived) throw invalidField('product_price_id', 'Product is archived.', id);
  return { entries: [found.entry], adHocPrices: {}, offered: found.entry.prices, price: found.price };
}

/** What the body sells, by the union member pydantic matched it to (`isinstance` in Polar's `create`). */
export function resolveCreateTarget(shape: CreateShape, input: CreateInput, nowIso: string): CreateTarget {
  switch (shape) {
    case 'CheckoutPriceCreate':
      return fromPrice(input);
    case 'CheckoutProductCreate':
      return fromProduct(input);
    case 'CheckoutProductsCreate':
      return fromProducts(input, nowIso);
  }
}
