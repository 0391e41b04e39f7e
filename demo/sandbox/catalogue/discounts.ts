import type { components } from '../checkouts-schema.js';
import { stableUuid } from './ids.js';

type Schemas = components['schemas'];
export type CheckoutDiscount =
  | Schemas['CheckoutDiscountFixedOnceForeverDuration']
  | Schemas['CheckoutDiscountFixedRepeatDuration']
  | Schemas['CheckoutDiscountPercentageOnceForeverDuration']
  | Schemas['CheckoutDiscountPercentageRepeatDuration'];

export type DiscountKey = 'save20' | 'tenOff' | 'freeForever' | 'welcome10';

export interface CatalogueDiscount {
  key: DiscountKey;
  /** The discount as Polar embeds it in a checkout. */
  view: CheckoutDiscount;
  /** Products it is restricted to; empty means every product of the organization. */
  productIds: string[];
}

export const discounts: Record<DiscountKey, CatalogueDiscount> = {
  save20: {
    key: 'save20',
    productIds: [],
    view: {
      duration: 'once',
      type: 'percentage',
      basis_points: 2000,
      id: stableUuid('discount:save20'),
      name: 'Save 20%',
      code: 'SAVE20',
    },
  },
  tenOff: {
    key: 'tenOff',
    productIds: [],
    view: {
      duration: 'once',
      type: 'fixed',
      amount: 1000,
      currency: 'usd',
      amounts: { usd: 1000 },
      id: stableUuid('discount:tenoff'),
      name: '$10 off',
      code: 'TENOFF',
    },
  },
  freeForever: {
    key: 'freeForever',
    productIds: [],
    view: {
      duration: 'forever',
      type: 'percentage',
      basis_points: 10000,
      id: stableUuid('discount:freeforever'),
      name: 'Free forever',
      code: 'FREEFOREVER',
    },
  },
  welcome10: {
    key: 'welcome10',
    productIds: [],
    view: {
      duration: 'repeating',
      duration_in_months: 3,
      type: 'percentage',
      basis_points: 1000,
      id: stableUuid('discount:welcome10'),
      name: 'Welcome: 10% for 3 months',
      code: null,
    },
  },
};
