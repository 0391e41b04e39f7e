import type { components } from '../checkouts-schema.js';
import { workshopCustomFields } from './custom-fields.js';
import { CATALOGUE_CREATED_AT, stableUuid } from './ids.js';
import { organization } from './organization.js';

type Schemas = components['schemas'];
export type ProductPrice = Schemas['ProductPrice'];
export type CheckoutProduct = Schemas['CheckoutProduct'];

export type ProductKey =
  'oneTime' | 'monthly' | 'yearly' | 'payWhatYouWant' | 'free' | 'seats' | 'trial' | 'eurInclusive' | 'workshop';

export interface CatalogueProduct {
  key: ProductKey;
  product: CheckoutProduct;
  /** Only the non-legacy prices this sandbox sells (the same objects as `product.prices`). */
  prices: ProductPrice[];
  attachedCustomFields: Schemas['AttachedCustomField'][];
  isTaxApplicable: boolean;
}

interface ProductSpec {
  key: ProductKey;
  name: string;
  description: string;
  recurring?: Schemas['RecurringInterval'];
  trial?: { interval: Schemas['TrialInterval']; count: number };
  benefit: { type: Schemas['BenefitType']; description: string };
  attachedCustomFields?: Schemas['AttachedCustomField'][];
  price: (base: PriceBase) => ProductPrice;
}

type PriceBase = Pick<
  Schemas['ProductPriceFixed'],
  'created_at' | 'modified_at' | 'id' | 'source' | 'is_archived' | 'product_id'
>;

function build(spec: ProductSpec): CatalogueProduct {
  const id = stableUuid(`product:${spec.key}`);
  const price = spec.price({
    created_at: CATALOGUE_CREATED_AT,
    modified_at: null,
    id: stableUuid(`price:${spec.key}`),
    source: 'catalog',
    is_archived: false,
    product_id: id,
  });
  const product: CheckoutProduct = {
    id,
    created_at: CATALOGUE_CREATED_AT,
    modified_at: null,
    trial_interval: spec.trial?.interval ?? null,
    trial_interval_count: spec.trial?.count ?? null,
    name: spec.name,
    description: spec.description,
    visibility: 'public',
    recurring_interval: spec.recurring ?? null,
    recurring_interval_count: spec.recurring ? 1 : null,
    meter_interval: null,
    meter_interval_count: null,
    is_recurring: spec.recurring !== undefined,
    is_archived: false,
    organization_id: organization.id,
    prices: [price],
    benefits: [
      {
        id: stableUuid(`benefit:${spec.key}`),
        created_at: CATALOGUE_CREATED_AT,
        modified_at: null,
        type: spec.benefit.type,
        description: spec.benefit.description,
        selectable: true,
        deletable: true,
        is_deleted: false,
        organization_id: organization.id,
      },
    ],
    medias: [],
  };
  return {
    key: spec.key,
    product,
    prices: [price],
    attachedCustomFields: spec.attachedCustomFields ?? [],
    isTaxApplicable: true,
  };
}

// Dollar prices add tax on top and the euro one includes it, so both behaviors are on show.
const fixed =
  (amount: number, currency = 'usd', taxBehavior: Schemas['TaxBehaviorOption'] = 'exclusive') =>
  (base: PriceBase): Schemas['ProductPriceFixed'] => ({
    ...base,
    amount_type: 'fixed',
    price_currency: currency,
    tax_behavior: taxBehavior,
    price_amount: amount,
  });

const specs: ProductSpec[] = [
  {
    key: 'oneTime',
    name: 'Acme Pro License',
    description: 'A lifetime license for Acme Pro, with a year of updates.',
    benefit: { type: 'license_keys', description: 'Acme Pro license key' },
    price: fixed(4900),
  },
  {
    key: 'monthly',
    name: 'Acme Cloud Monthly',
    description: 'Hosted Acme with automatic backups, billed every month.',
    recurring: 'month',
    benefit: { type: 'custom', description: 'Access to Acme Cloud' },
    price: fixed(1200),
  },
  {
    key: 'yearly',
    name: 'Acme Cloud Yearly',
    description: 'Hosted Acme with automatic backups, billed every year: two months free.',
    recurring: 'year',
    benefit: { type: 'custom', description: 'Access to Acme Cloud' },
    price: fixed(12000),
  },
  {
    key: 'payWhatYouWant',
    name: 'Support Acme',
    description: 'Name a fair price and keep Acme independent.',
    benefit: { type: 'discord', description: 'Supporter role on Discord' },
    price: (base) => ({
      ...base,
      amount_type: 'custom',
      price_currency: 'usd',
      tax_behavior: 'exclusive',
      minimum_amount: 500,
      maximum_amount: 100000,
      preset_amount: null,
    }),
  },
  {
    key: 'free',
    name: 'Acme Community',
    description: 'The community edition, free forever.',
    benefit: { type: 'downloadables', description: 'Community edition download' },
    price: fixed(0),
  },
  {
    key: 'seats',
    name: 'Acme Teams',
    description: 'Acme Cloud for teams, priced per seat: 5 seats or more cost less.',
    recurring: 'month',
    benefit: { type: 'custom', description: 'Team workspace' },
    price: (base) => ({
      ...base,
      amount_type: 'seat_based',
      price_currency: 'usd',
      tax_behavior: 'exclusive',
      seat_tiers: {
        seat_tier_type: 'volume',
        tiers: [
          { min_seats: 1, max_seats: 4, price_per_seat: 1000 },
          { min_seats: 5, max_seats: 50, price_per_seat: 800 },
        ],
        minimum_seats: 1,
        maximum_seats: 50,
      },
    }),
  },
  {
    key: 'trial',
    name: 'Acme Analytics',
    description: 'Dashboards for your Acme data. Try it free for 14 days.',
    recurring: 'month',
    trial: { interval: 'day', count: 14 },
    benefit: { type: 'feature_flag', description: 'Analytics dashboards' },
    price: fixed(2900),
  },
  {
    key: 'eurInclusive',
    name: 'Acme Design Pack',
    description: 'Icons and templates for Acme, priced in euros with VAT included.',
    benefit: { type: 'downloadables', description: 'Design pack download' },
    price: fixed(3900, 'eur', 'inclusive'),
  },
  {
    key: 'workshop',
    name: 'Acme Workshop Ticket',
    description: 'A one-day hands-on Acme workshop, lunch included.',
    benefit: { type: 'custom', description: 'Workshop attendance' },
    attachedCustomFields: workshopCustomFields,
    price: fixed(9900),
  },
];

export const products = Object.fromEntries(specs.map((spec) => [spec.key, build(spec)])) as Record<
  ProductKey,
  CatalogueProduct
>;
