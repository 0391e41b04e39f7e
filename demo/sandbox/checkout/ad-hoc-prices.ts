import { randomUUID } from 'node:crypto';
import type { ProductPrice } from '../catalogue/index.js';
import type { components } from '../checkouts-schema.js';
import type { ValidationErrorEntry } from '../contract/pydantic-errors.js';
import { businessValidation, fieldError } from '../errors.js';

type Schemas = components['schemas'];
type PriceCreate =
  | Schemas['ProductPriceFixedCreate']
  | Schemas['ProductPriceCustomCreate']
  | Schemas['ProductPriceSeatBasedCreate']
  | Schemas['ProductPriceMeteredUnitCreate'];

function buildPrice(create: PriceCreate, productId: string, now: string): ProductPrice | string {
  const base = {
    created_at: now,
    modified_at: null,
    id: randomUUID(),
    source: 'ad_hoc' as const,
    price_currency: create.price_currency ?? 'usd',
    tax_behavior: create.tax_behavior ?? null,
    is_archived: false,
    product_id: productId,
  };
  switch (create.amount_type) {
    case 'fixed':
      return { ...base, amount_type: 'fixed', price_amount: create.price_amount };
    case 'custom':
      return {
        ...base,
        amount_type: 'custom',
        minimum_amount: create.minimum_amount ?? 50,
        maximum_amount: create.maximum_amount ?? null,
        preset_amount: create.preset_amount ?? null,
      };
    case 'seat_based': {
      const tiers = create.seat_tiers.tiers;
      return {
        ...base,
        amount_type: 'seat_based',
        seat_tiers: {
          seat_tier_type: create.seat_tiers.seat_tier_type ?? 'volume',
          tiers,
          minimum_seats: tiers[0]?.min_seats ?? 1,
          maximum_seats: tiers[tiers.length - 1]?.max_seats ?? null,
        },
      };
    }
    case 'metered_unit':
      return 'Meter does not exist.';
  }
}

/** Ad hoc prices from a Create body, per product; they must target products of that checkout. */
export function buildAdHocPrices(
  prices: Record<string, PriceCreate[]>,
  productIds: string[],
  now: string,
): Record<string, ProductPrice[]> {
  const errors: ValidationErrorEntry[] = [];
  const result: Record<string, ProductPrice[]> = {};
  for (const [productId, creates] of Object.entries(prices)) {
    if (!productIds.includes(productId)) {
      errors.push(
        fieldError(['body', 'prices', productId], 'value_error', 'Product is not set on that checkout.', productId),
      );
      continue;
    }
    result[productId] = [];
    creates.forEach((create, index) => {
      const price = buildPrice(create, productId, now);
      if (typeof price === 'string') {
        errors.push(
          fieldError(
            ['body', 'prices', productId, index, 'meter_id'],
            'value_error',
            price,
            'meter_id' in create ? create.meter_id : null,
          ),
        );
      } else {
        result[productId]!.push(price);
      }
    });
  }
  if (errors.length > 0) throw businessValidation(errors);
  return result;
}
