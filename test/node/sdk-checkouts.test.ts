/**
 * Create, Get and Update through Polar's official SDK, as a storefront's server calls them, against the local
 * sandbox. Everything asserted here is what a merchant's code would read back from Polar.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPolar, createPolarCore, errors } from '@polar-sh/sdk/2026-10';
import type { models } from '@polar-sh/sdk/2026-10';
import { createCheckouts, getCheckouts, updateCheckouts } from '@polar-sh/sdk/2026-10/services/checkouts';
import { discountIds, organization, productIds } from '../../demo/sandbox/catalogue/index.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { rejectionOf, locations } from './sdk-support.js';

let sandbox: RunningSandbox;
let polar: ReturnType<typeof createPolar>;

before(async () => {
  sandbox = await startSandbox({ port: 0, fast: true });
  polar = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
});

after(async () => {
  const violations = await (await fetch(`${sandbox.url}/__sandbox/violations`)).json();
  await sandbox.close();
  assert.deepEqual(violations, [], 'the sandbox answered something its contract does not allow');
});

/** The rejection of an SDK call, which must be an instance of `type`. */
async function expire(clientSecret: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/checkouts/${clientSecret}/expire`, { method: 'POST' });
  assert.equal(response.status, 200);
}

const UNKNOWN_ID = '5e8bd0b5-6c65-4f0a-9b3d-2f3b2b7f0a11';

describe('Create', () => {
  it('opens a session for several products with the buyer prefilled and the way back set', async () => {
    const checkout = await polar.checkouts.create({
      products: [productIds.monthly, productIds.yearly, productIds.oneTime],
      customer_email: 'ada@example.com',
      customer_name: 'Ada Lovelace',
      customer_billing_address: { country: 'GB', line1: '12 St James Square', city: 'London', postal_code: 'SW1Y 4JH' },
      external_customer_id: 'user_42',
      success_url: 'https://shop.example/thanks?checkout={CHECKOUT_ID}',
      return_url: 'https://shop.example/cart',
      embed_origin: 'https://shop.example',
      metadata: { order: 'A-1', priority: 2, gift: true },
    });

    assert.equal(checkout.status, 'open');
    assert.match(checkout.client_secret, /^polar_c_/);
    assert.equal(checkout.organization_id, organization.id);
    assert.deepEqual(
      checkout.products.map((product) => product.id),
      [productIds.monthly, productIds.yearly, productIds.oneTime],
    );
    assert.equal(checkout.product_id, productIds.monthly, 'the first product is the one selected');
    assert.equal(checkout.amount, 1200);
    assert.equal(checkout.currency, 'usd');
    assert.equal(checkout.customer_email, 'ada@example.com');
    assert.equal(checkout.customer_name, 'Ada Lovelace');
    assert.equal(checkout.external_customer_id, 'user_42');
    assert.deepEqual(checkout.customer_billing_address, {
      country: 'GB',
      line1: '12 St James Square',
      line2: null,
      city: 'London',
      postal_code: 'SW1Y 4JH',
      state: null,
    });
    assert.equal(checkout.require_billing_address, true, 'a prefilled street address asks for a full address');
    assert.equal(checkout.success_url, `https://shop.example/thanks?checkout=${checkout.id}`);
    assert.equal(checkout.return_url, 'https://shop.example/cart');
    assert.equal(checkout.embed_origin, 'https://shop.example');
    assert.deepEqual(checkout.metadata, { order: 'A-1', priority: 2, gift: true });
    assert.ok(Date.parse(checkout.expires_at) > Date.parse(checkout.created_at));

    const buyerView = await polar.checkouts.clientGet(checkout.client_secret);
    assert.equal(buyerView.id, checkout.id);
    assert.equal(buyerView.customer_email, 'ada@example.com');
    assert.equal(buyerView.products.length, 3);
    assert.equal(buyerView.billing_address_fields.line1, 'required');
  });

  it('sells at ad hoc prices set for this session only', async () => {
    const checkout = await polar.checkouts.create({
      products: [productIds.oneTime, productIds.payWhatYouWant],
      prices: {
        [productIds.oneTime]: [{ amount_type: 'fixed', price_amount: 1999, price_currency: 'usd' }],
        [productIds.payWhatYouWant]: [{ amount_type: 'custom', minimum_amount: 1000, price_currency: 'usd' }],
      },
    });
    const price = checkout.prices?.[productIds.oneTime]?.[0];
    assert.equal(price?.source, 'ad_hoc');
    assert.equal(checkout.product_price_id, price?.id);
    assert.equal(checkout.amount, 1999, 'not the catalogue price of 4900');

    const other = await polar.checkouts.create({ products: [productIds.oneTime] });
    assert.equal(other.amount, 4900, 'the catalogue price is untouched');

    const foreign = await rejectionOf(
      polar.checkouts.create({
        products: [productIds.oneTime],
        prices: { [productIds.free]: [{ amount_type: 'fixed', price_amount: 100, price_currency: 'usd' }] },
      }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(foreign), [`body.prices.${productIds.free}`]);
  });

  it('takes a pay-what-you-want amount within the price’s bounds', async () => {
    const checkout = await polar.checkouts.create({ products: [productIds.payWhatYouWant], amount: 2500 });
    assert.equal(checkout.amount, 2500);

    const below = await rejectionOf(
      polar.checkouts.create({ products: [productIds.payWhatYouWant], amount: 300 }),
      errors.HTTPValidationError,
    );
    assert.equal(below.statusCode, 422);
    assert.deepEqual(locations(below), ['body.amount']);
    assert.equal(below.error.detail?.[0]?.msg, 'Amount is below minimum.');
  });

  it('prices seats by tier and refuses seats outside the tiers or on a product without seats', async () => {
    const checkout = await polar.checkouts.create({ products: [productIds.seats], seats: 6 });
    assert.equal(checkout.seats, 6);
    assert.equal(checkout.amount, 6 * 800, 'five seats or more cost 8 dollars each');

    const tooMany = await rejectionOf(
      polar.checkouts.create({ products: [productIds.seats], seats: 60 }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(tooMany), ['body.seats']);
    const noSeats = await rejectionOf(
      polar.checkouts.create({ products: [productIds.oneTime], seats: 2 }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(noSeats), ['body.seats']);
  });

  it('applies a merchant discount by id and can turn discount codes off', async () => {
    const discounted = await polar.checkouts.create({
      products: [productIds.oneTime],
      discount_id: discountIds.welcome10,
    });
    assert.equal(discounted.discount?.id, discountIds.welcome10);
    assert.equal(discounted.discount_amount, 490);
    assert.equal(discounted.net_amount, 4410);

    const unknown = await rejectionOf(
      polar.checkouts.create({ products: [productIds.oneTime], discount_id: UNKNOWN_ID }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(unknown), ['body.discount_id']);

    const noCodes = await polar.checkouts.create({ products: [productIds.oneTime], allow_discount_codes: false });
    assert.equal(noCodes.allow_discount_codes, false);
    const ignored = await polar.checkouts.clientUpdate(noCodes.client_secret, { discount_code: 'SAVE20' });
    assert.equal(ignored.discount, null, 'a code typed by the buyer is ignored');
    assert.equal(ignored.net_amount, 4900);

    const withCodes = await polar.checkouts.create({ products: [productIds.oneTime] });
    assert.equal(withCodes.allow_discount_codes, true, 'codes are allowed by default');
    const applied = await polar.checkouts.clientUpdate(withCodes.client_secret, { discount_code: 'SAVE20' });
    assert.equal(applied.net_amount, 3920);
  });

  it('requires a full billing address when asked, even where the country alone would do', async () => {
    const relaxed = await polar.checkouts.create({
      products: [productIds.oneTime],
      customer_billing_address: { country: 'FR' },
    });
    assert.equal(relaxed.require_billing_address, false);
    assert.equal(relaxed.billing_address_fields.line1, 'disabled');

    const strict = await polar.checkouts.create({
      products: [productIds.oneTime],
      customer_billing_address: { country: 'FR' },
      require_billing_address: true,
    });
    assert.equal(strict.require_billing_address, true);
    assert.equal(strict.billing_address_fields.line1, 'required');
    assert.equal(strict.billing_address_fields.city, 'required');
    assert.equal(strict.billing_address_fields.postal_code, 'required');
  });

  it('sets the trial from the session, overriding the product’s, or leaves it out', async () => {
    const before = Date.now();
    const weeks = await polar.checkouts.create({
      products: [productIds.trial],
      trial_interval: 'week',
      trial_interval_count: 3,
    });
    assert.equal(weeks.active_trial_interval, 'week');
    assert.equal(weeks.active_trial_interval_count, 3);
    const trialDays = (Date.parse(weeks.trial_end ?? '') - before) / 86_400_000;
    assert.ok(trialDays > 20.9 && trialDays < 21.1, `trial ends after 21 days, not ${trialDays}`);

    const productTrial = await polar.checkouts.create({ products: [productIds.trial] });
    assert.equal(productTrial.active_trial_interval, 'day');
    assert.equal(productTrial.active_trial_interval_count, 14);

    const noTrial = await polar.checkouts.create({ products: [productIds.trial], allow_trial: false });
    assert.equal(noTrial.trial_end, null);
    assert.equal(noTrial.active_trial_interval, null);
  });

  it('stores custom field data and checks it against the product’s fields', async () => {
    const checkout = await polar.checkouts.create({
      products: [productIds.workshop],
      custom_field_data: { company: 'Initech', tshirt_size: 'm' },
    });
    assert.deepEqual(checkout.custom_field_data, { company: 'Initech', tshirt_size: 'm' });
    assert.deepEqual(
      checkout.attached_custom_fields?.map((field) => [field.custom_field.slug, field.required]),
      [
        ['company', true],
        ['tshirt_size', false],
        ['accept_terms', true],
      ],
    );
    const badSize = await rejectionOf(
      polar.checkouts.create({ products: [productIds.workshop], custom_field_data: { tshirt_size: 'xxl' } }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(badSize), ['body.custom_field_data.tshirt_size']);
  });

  it('answers 422 HTTPValidationError naming each invalid field', async () => {
    const unknownProduct = await rejectionOf(
      polar.checkouts.create({ products: [productIds.oneTime, UNKNOWN_ID] }),
      errors.HTTPValidationError,
    );
    assert.equal(unknownProduct.statusCode, 422);
    assert.deepEqual(locations(unknownProduct), ['body.products.1']);
    assert.equal(unknownProduct.error.detail?.[0]?.msg, 'Product does not exist.');

    const badEmail = await rejectionOf(
      polar.checkouts.create({ products: [productIds.oneTime], customer_email: 'ada.example.com' }),
      errors.HTTPValidationError,
    );
    // Polar's Create body is a union of three shapes: a body none accepts answers every shape's errors, tagged.
    assert.deepEqual(locations(badEmail), [
      'body.CheckoutProductsCreate.customer_email',
      'body.CheckoutProductCreate.product_id',
      'body.CheckoutProductCreate.customer_email',
      'body.CheckoutPriceCreate.product_price_id',
      'body.CheckoutPriceCreate.customer_email',
    ]);
    assert.equal(badEmail.error.detail?.[0]?.input, 'ada.example.com');

    const several = await rejectionOf(
      polar.checkouts.create({ products: [], success_url: 'not a url' }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(
      locations(several)
        .filter((loc) => loc.startsWith('body.CheckoutProductsCreate.'))
        .sort(),
      ['body.CheckoutProductsCreate.products', 'body.CheckoutProductsCreate.success_url'],
    );

    const badCountry = await rejectionOf(
      polar.checkouts.create({
        products: [productIds.oneTime],
        customer_billing_address: { country: 'XX' } as unknown as models.AddressInput,
      }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(
      locations(badCountry).filter((loc) => loc.startsWith('body.CheckoutProductsCreate.')),
      ['body.CheckoutProductsCreate.customer_billing_address.country'],
    );
  });

  it('works through the tree-shakable core client and service functions', async () => {
    const core = createPolarCore({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
    const created = await createCheckouts(core)({ products: [productIds.yearly], metadata: { via: 'core' } });
    assert.equal(created.amount, 12000);
    const read = await getCheckouts(core)(created.id);
    assert.equal(read.id, created.id);
    assert.deepEqual(read.metadata, { via: 'core' });
    const updated = await updateCheckouts(core)(created.id, { customer_name: 'Core Buyer' });
    assert.equal(updated.customer_name, 'Core Buyer');
    const missing = await rejectionOf(getCheckouts(core)(UNKNOWN_ID), errors.ResourceNotFound);
    assert.equal(missing.statusCode, 404);
  });
});

describe('Get', () => {
  it('reads a session back as the merchant sees it, with its client secret', async () => {
    const created = await polar.checkouts.create({ products: [productIds.oneTime], metadata: { cart: 'c-9' } });
    const read = await polar.checkouts.get(created.id);
    assert.equal(read.id, created.id);
    assert.equal(read.client_secret, created.client_secret);
    assert.equal(read.status, 'open');
    assert.deepEqual(read.metadata, { cart: 'c-9' });
  });

  it('answers 404 ResourceNotFound for an unknown id and 422 for one that is not a UUID', async () => {
    const missing = await rejectionOf(polar.checkouts.get(UNKNOWN_ID), errors.ResourceNotFound);
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.error, { error: 'ResourceNotFound', detail: 'Not found' });

    const malformed = await rejectionOf(polar.checkouts.get('not-a-uuid'), errors.HTTPValidationError);
    assert.deepEqual(locations(malformed), ['path.id']);
  });
});

describe('Update', () => {
  it('changes metadata and the buyer’s details, which the buyer then sees', async () => {
    const created = await polar.checkouts.create({ products: [productIds.oneTime], metadata: { step: 1 } });
    const updated = await polar.checkouts.update(created.id, {
      metadata: { step: 2, source: 'crm' },
      customer_email: 'grace@example.com',
      customer_name: 'Grace Hopper',
      customer_billing_address: { country: 'SE' },
    });
    assert.deepEqual(updated.metadata, { step: 2, source: 'crm' }, 'metadata is replaced, not merged');
    assert.equal(updated.customer_email, 'grace@example.com');
    assert.ok(updated.modified_at !== null);

    const buyerView = await polar.checkouts.clientGet(created.client_secret);
    assert.equal(buyerView.customer_email, 'grace@example.com');
    assert.equal(buyerView.customer_name, 'Grace Hopper');
    assert.equal(buyerView.customer_billing_address?.country, 'SE');
    assert.equal((await polar.checkouts.get(created.id)).customer_name, 'Grace Hopper');
  });

  it('switches the discount and validates the body', async () => {
    const created = await polar.checkouts.create({ products: [productIds.oneTime] });
    const discounted = await polar.checkouts.update(created.id, { discount_id: discountIds.tenOff });
    assert.equal(discounted.discount_amount, 1000);
    const cleared = await polar.checkouts.update(created.id, { discount_id: null });
    assert.equal(cleared.discount, null);

    const badEmail = await rejectionOf(
      polar.checkouts.update(created.id, { customer_email: 'nope' }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(badEmail), ['body.customer_email']);
    const missing = await rejectionOf(polar.checkouts.update(UNKNOWN_ID, { metadata: {} }), errors.ResourceNotFound);
    assert.equal(missing.statusCode, 404);
  });

  it('answers 403 NotOpenCheckout once the session has expired, and still lets the merchant read it', async () => {
    const created = await polar.checkouts.create({ products: [productIds.oneTime] });
    await expire(created.client_secret);
    const refused = await rejectionOf(
      polar.checkouts.update(created.id, { metadata: { late: true } }),
      errors.CheckoutsUpdate403Error,
    );
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.error.error, 'NotOpenCheckout');
    const read = await polar.checkouts.get(created.id);
    assert.equal(read.status, 'expired');
    assert.deepEqual(read.metadata, {}, 'the refused update changed nothing');
  });
});
