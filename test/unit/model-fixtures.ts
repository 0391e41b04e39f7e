// Builders for checkout sessions shaped exactly like the generated API types, for the model tests.
import type { components } from '../../src/api/schema.js';

type Schemas = components['schemas'];
type CheckoutPublic = Schemas['CheckoutPublic'];
type CheckoutProduct = Schemas['CheckoutProduct'];
type Price = CheckoutProduct['prices'][number];

const NOW = '2026-05-01T12:00:00Z';
let counter = 0;
const id = (prefix: string) => `${prefix}-${(++counter).toString().padStart(4, '0')}`;

const priceBase = (productId: string, currency = 'usd') => ({
  created_at: NOW,
  modified_at: null,
  id: id('price'),
  source: 'catalog' as const,
  price_currency: currency,
  tax_behavior: null,
  is_archived: false,
  product_id: productId,
});

export function fixedPrice(amount: number, productId = 'product-1', currency = 'usd'): Schemas['ProductPriceFixed'] {
  return { ...priceBase(productId, currency), amount_type: 'fixed', price_amount: amount };
}

export function customPrice(
  options: { minimum?: number; maximum?: number | null; preset?: number | null } = {},
  productId = 'product-1',
  currency = 'usd',
): Schemas['ProductPriceCustom'] {
  return {
    ...priceBase(productId, currency),
    amount_type: 'custom',
    minimum_amount: options.minimum ?? 500,
    maximum_amount: options.maximum ?? null,
    preset_amount: options.preset ?? null,
  };
}

export function seatPrice(
  tiers: { min_seats: number; max_seats?: number | null; price_per_seat: number }[],
  type: 'volume' | 'graduated' = 'volume',
  productId = 'product-1',
  currency = 'usd',
): Schemas['ProductPriceSeatBased'] {
  return {
    ...priceBase(productId, currency),
    amount_type: 'seat_based',
    seat_tiers: {
      seat_tier_type: type,
      tiers,
      minimum_seats: tiers[0]?.min_seats ?? 1,
      maximum_seats: tiers[tiers.length - 1]?.max_seats ?? null,
    },
  };
}

export function meteredPrice(
  unitAmount: string,
  meter: Partial<Schemas['ProductPriceMeter']> = {},
  productId = 'product-1',
  currency = 'usd',
): Schemas['ProductPriceMeteredUnit'] {
  return {
    ...priceBase(productId, currency),
    amount_type: 'metered_unit',
    unit_amount: unitAmount,
    cap_amount: null,
    meter_id: 'meter-1',
    meter: { id: 'meter-1', name: 'API calls', unit: 'scalar', custom_label: null, custom_multiplier: null, ...meter },
  };
}

export function legacyFixedPrice(
  amount: number,
  interval: Schemas['RecurringInterval'],
  productId = 'product-1',
): Schemas['LegacyRecurringProductPriceFixed'] {
  return { ...priceBase(productId), amount_type: 'fixed', type: 'recurring', recurring_interval: interval, price_amount: amount, legacy: true };
}

export function product(overrides: Partial<CheckoutProduct> & { prices?: Price[] } = {}): CheckoutProduct {
  return {
    id: 'product-1',
    created_at: NOW,
    modified_at: null,
    trial_interval: null,
    trial_interval_count: null,
    name: 'Pro plan',
    description: null,
    visibility: 'public',
    recurring_interval: null,
    recurring_interval_count: null,
    meter_interval: null,
    meter_interval_count: null,
    is_recurring: false,
    is_archived: false,
    organization_id: 'org-1',
    prices: [],
    benefits: [],
    medias: [],
    ...overrides,
  };
}

export function monthly(overrides: Partial<CheckoutProduct> = {}): Partial<CheckoutProduct> {
  return { recurring_interval: 'month', recurring_interval_count: 1, is_recurring: true, ...overrides };
}

/** A one-product checkout for `$49`, payable, tax not yet known. `product`/`prices` follow the given product. */
export function checkout(overrides: Partial<CheckoutPublic> = {}, theProduct?: CheckoutProduct): CheckoutPublic {
  const selected = theProduct ?? product({ prices: [fixedPrice(4900)] });
  const mainPrice = selected.prices.find((price) => price.amount_type !== 'metered_unit') ?? null;
  const base: CheckoutPublic = {
    id: 'checkout-1',
    created_at: NOW,
    modified_at: null,
    payment_processor: 'stripe',
    status: 'open',
    client_secret: 'polar_c_test',
    url: 'https://polar.test/checkout/polar_c_test',
    expires_at: '2026-05-02T12:00:00Z',
    success_url: 'https://shop.test/thanks',
    return_url: null,
    embed_origin: null,
    amount: 4900,
    discount_amount: 0,
    net_amount: 4900,
    tax_amount: null,
    tax_behavior: null,
    total_amount: 4900,
    currency: 'usd',
    allow_trial: null,
    active_trial_interval: null,
    active_trial_interval_count: null,
    trial_end: null,
    organization_id: 'org-1',
    product_id: selected.id,
    product_price_id: mainPrice?.id ?? null,
    discount_id: null,
    allow_discount_codes: true,
    require_billing_address: false,
    is_discount_applicable: true,
    is_free_product_price: false,
    is_payment_required: true,
    is_payment_setup_required: false,
    is_payment_form_required: true,
    customer_id: null,
    is_business_customer: false,
    customer_name: null,
    customer_email: null,
    customer_ip_address: null,
    customer_billing_name: null,
    customer_billing_address: null,
    customer_tax_id: null,
    payment_method_type: null,
    payment_processor_metadata: {},
    billing_address_fields: {
      country: 'required',
      state: 'disabled',
      city: 'disabled',
      postal_code: 'disabled',
      line1: 'disabled',
      line2: 'disabled',
    },
    products: [selected],
    product: selected,
    product_price: mainPrice,
    prices: { [selected.id]: selected.prices },
    discount: null,
    organization: {
      created_at: NOW,
      modified_at: null,
      id: 'org-1',
      name: 'Acme',
      slug: 'acme',
      avatar_url: null,
      proration_behavior: 'prorate',
      allow_customer_updates: true,
    },
    attached_custom_fields: [],
  };
  return { ...base, ...overrides };
}
