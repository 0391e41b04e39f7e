import { productIds } from './catalogue/index.js';
import type { CreateInput } from './checkout/create.js';

export interface Scenario {
  name: string;
  title: string;
  description: string;
  /** The Create body the scenario posts. */
  body: CreateInput;
  /** Expire the session right after creating it. */
  expire?: boolean;
}

export const DEFAULT_SCENARIO = 'one-time';

/** Named checkout sessions for the demo and the tests. */
export const scenarios: Scenario[] = [
  {
    name: 'one-time',
    title: 'One-time purchase',
    description: 'Acme Pro License, $49 once.',
    body: { products: [productIds.oneTime] },
  },
  {
    name: 'subscription',
    title: 'Monthly subscription',
    description: 'Acme Cloud Monthly, $12 every month.',
    body: { products: [productIds.monthly] },
  },
  {
    name: 'pay-what-you-want',
    title: 'Pay what you want',
    description: 'Support Acme: any amount from $5 to $1,000.',
    body: { products: [productIds.payWhatYouWant] },
  },
  {
    name: 'free',
    title: 'Free product',
    description: 'Acme Community, free: no payment form.',
    body: { products: [productIds.free] },
  },
  {
    name: 'multiple-products',
    title: 'Product switcher',
    description: 'Monthly, yearly or lifetime: three products to switch between.',
    body: { products: [productIds.monthly, productIds.yearly, productIds.oneTime] },
  },
  {
    name: 'discount-codes',
    title: 'Discount codes',
    description: 'Acme Pro License with codes SAVE20 (20%), TENOFF ($10) and FREEFOREVER (100%).',
    body: { products: [productIds.oneTime], allow_discount_codes: true },
  },
  {
    name: 'billing-address',
    title: 'Full billing address',
    description: 'Acme Pro License; the merchant requires a full billing address.',
    body: { products: [productIds.oneTime], require_billing_address: true },
  },
  {
    name: 'trial',
    title: 'Free trial',
    description: 'Acme Analytics, $29/month after a 14-day trial: the card is set up, not charged.',
    body: { products: [productIds.trial], trial_interval: 'day', trial_interval_count: 14 },
  },
  {
    name: 'eur-inclusive-tax',
    title: 'Euros, tax included',
    description: 'Acme Design Pack, €39 with VAT included, in German.',
    body: { products: [productIds.eurInclusive], locale: 'de' },
  },
  {
    name: 'custom-fields',
    title: 'Custom fields',
    description: 'Acme Workshop Ticket: company (required), T-shirt size, and terms to accept (required).',
    body: { products: [productIds.workshop] },
  },
  {
    name: 'seats',
    title: 'Seat-based pricing',
    description: 'Acme Teams: $10 per seat per month, $8 from 5 seats; starts at 3 seats.',
    body: { products: [productIds.seats], seats: 3 },
  },
  {
    name: 'prefilled',
    title: 'Prefilled buyer',
    description: 'Acme Pro License with the email, name and a New York billing address already filled in.',
    body: {
      products: [productIds.oneTime],
      customer_email: 'jane.doe@example.com',
      customer_name: 'Jane Doe',
      customer_billing_address: {
        country: 'US',
        state: 'NY',
        line1: '350 Fifth Avenue',
        city: 'New York',
        postal_code: '10118',
      },
    },
  },
  {
    name: 'expired',
    title: 'Expired session',
    description: 'A session whose 24 hours are over: every client endpoint answers 410.',
    body: { products: [productIds.oneTime] },
    expire: true,
  },
];

export function findScenario(name: string): Scenario | undefined {
  return scenarios.find((scenario) => scenario.name === (name === 'default' ? DEFAULT_SCENARIO : name));
}
