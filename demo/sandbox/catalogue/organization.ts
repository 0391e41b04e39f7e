import type { components } from '../checkouts-schema.js';
import { CATALOGUE_CREATED_AT, stableUuid } from './ids.js';

export const organization: components['schemas']['CheckoutOrganization'] = {
  created_at: CATALOGUE_CREATED_AT,
  modified_at: null,
  id: stableUuid('organization:acme-sandbox'),
  name: 'Acme Sandbox',
  slug: 'acme-sandbox',
  avatar_url: null,
  proration_behavior: 'prorate',
  allow_customer_updates: true,
};

/** Stands in for `settings.STRIPE_PUBLISHABLE_KEY`; the Stripe test double accepts any key. */
export const STRIPE_PUBLISHABLE_KEY = 'pk_test_polar_sandbox';
