import type { CatalogueDiscount } from '../catalogue/index.js';
import { polarRound } from './rounding.js';

export function discountAmount(discount: CatalogueDiscount, amount: number, currency: string): number {
  const view = discount.view;
  if (view.type === 'percentage' && 'basis_points' in view) return polarRound((amount * view.basis_points) / 10_000);
  if ('amounts' in view) return Math.min(view.amounts[currency] ?? 0, amount);
  return 0;
}

/** A fixed discount only exists in the currencies it has an amount for; a restricted one only for its products. */
export function isDiscountApplicable(discount: CatalogueDiscount, productId: string, currency: string): boolean {
  const view = discount.view;
  if ('amounts' in view && !(currency in view.amounts)) return false;
  return discount.productIds.length === 0 || discount.productIds.includes(productId);
}

/** A 100% discount forever makes a subscription free for good, so no card needs to be set up. */
export function isFreeForever(discount: CatalogueDiscount): boolean {
  const view = discount.view;
  return (
    view.duration === 'forever' && view.type === 'percentage' && 'basis_points' in view && view.basis_points === 10_000
  );
}
