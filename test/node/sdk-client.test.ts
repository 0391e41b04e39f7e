/**
 * ClientGet, ClientUpdate and ClientConfirm through Polar's official SDK: the three calls a buyer's page makes
 * with the session's client secret (no access token), from first look to a paid order.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPolar, createPolarCore, errors } from '@polar-sh/sdk/2026-10';
import type { models } from '@polar-sh/sdk/2026-10';
import {
  clientConfirmCheckouts,
  clientGetCheckouts,
  clientUpdateCheckouts,
} from '@polar-sh/sdk/2026-10/services/checkouts';
import { productIds } from '../../demo/sandbox/catalogue/index.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { rejectionOf, locations } from './sdk-support.js';

let sandbox: RunningSandbox;
/** The merchant's client, only to create sessions and read them back. */
let merchant: ReturnType<typeof createPolar>;
/** The buyer's side: no access token at all, as in a browser. */
let buyer: ReturnType<typeof createPolar>;

before(async () => {
  sandbox = await startSandbox({ port: 0, fast: true });
  merchant = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
  buyer = createPolar({ accessToken: '', baseUrl: sandbox.url });
});

after(async () => {
  const violations = await (await fetch(`${sandbox.url}/__sandbox/violations`)).json();
  await sandbox.close();
  assert.deepEqual(violations, [], 'the sandbox answered something its contract does not allow');
});

async function session(body: Partial<models.CheckoutCreate> = {}): Promise<models.Checkout> {
  return merchant.checkouts.create({ products: [productIds.oneTime], ...body });
}

async function expire(clientSecret: string): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/checkouts/${clientSecret}/expire`, { method: 'POST' });
  assert.equal(response.status, 200);
}

/** Polls ClientGet, as the page does, until the session reaches `status`. */
async function waitForStatus(clientSecret: string, status: models.CheckoutStatus): Promise<models.CheckoutPublic> {
  let last: models.CheckoutPublic | null = null;
  for (let attempt = 0; attempt < 60; attempt++) {
    last = await buyer.checkouts.clientGet(clientSecret);
    if (last.status === status) return last;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return assert.fail(`the session stayed ${last?.status}, never ${status}`);
}

const payer = {
  customer_email: 'buyer@example.com',
  customer_name: 'Bea Buyer',
  customer_billing_address: { country: 'SE' as const },
};

describe('ClientGet', () => {
  it('shows the buyer the products, price and prefill, without the merchant’s metadata', async () => {
    const created = await session({
      products: [productIds.oneTime, productIds.monthly],
      customer_email: 'prefill@example.com',
      metadata: { internal: 'do-not-show' },
      external_customer_id: 'user_7',
    });
    const view = await buyer.checkouts.clientGet(created.client_secret);
    assert.equal(view.id, created.id);
    assert.equal(view.status, 'open');
    assert.equal(view.product?.name, 'Acme Pro License');
    assert.deepEqual(
      view.products.map((product) => product.id),
      [productIds.oneTime, productIds.monthly],
    );
    assert.equal(view.amount, 4900);
    assert.equal(view.currency, 'usd');
    assert.equal(view.customer_email, 'prefill@example.com');
    assert.equal(view.is_payment_form_required, true);
    assert.ok(!('metadata' in view), 'metadata stays with the merchant');
    assert.ok(!('external_customer_id' in view), 'so does the external customer id');
  });

  it('answers 404 ResourceNotFound for an unknown client secret', async () => {
    const missing = await rejectionOf(
      buyer.checkouts.clientGet('polar_c_doesnotexist0000000000000000000000'),
      errors.ResourceNotFound,
    );
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.error, { error: 'ResourceNotFound', detail: 'Not found' });
  });

  it('answers 410 ExpiredCheckoutError on all three calls once the session expired', async () => {
    const created = await session();
    await expire(created.client_secret);
    const onGet = await rejectionOf(buyer.checkouts.clientGet(created.client_secret), errors.ExpiredCheckoutError);
    assert.equal(onGet.statusCode, 410);
    assert.equal(onGet.error.error, 'ExpiredCheckoutError');
    await rejectionOf(
      buyer.checkouts.clientUpdate(created.client_secret, { customer_name: 'Late' }),
      errors.ExpiredCheckoutError,
    );
    await rejectionOf(
      buyer.checkouts.clientConfirm(created.client_secret, { ...payer, confirmation_token_id: 'ctoken_success_late' }),
      errors.ExpiredCheckoutError,
    );
    assert.equal((await merchant.checkouts.get(created.id)).customer_name, null, 'nothing was saved');
  });
});

describe('ClientUpdate', () => {
  it('saves the buyer’s details and recomputes the totals', async () => {
    const created = await session();
    assert.equal(created.tax_amount, null, 'no tax before a country is known');
    const updated = await buyer.checkouts.clientUpdate(created.client_secret, {
      customer_email: 'lisa@example.se',
      customer_name: 'Lisa',
      customer_billing_address: { country: 'SE' },
    });
    assert.equal(updated.customer_email, 'lisa@example.se');
    assert.equal(updated.customer_billing_address?.country, 'SE');
    assert.equal(updated.tax_amount, 1225, 'Swedish VAT of 25% on top of 49 dollars');
    assert.equal(updated.total_amount, 4900 + 1225);
    const stored = await merchant.checkouts.get(created.id);
    assert.equal(stored.customer_name, 'Lisa', 'the merchant sees what the buyer saved');
  });

  it('switches product and applies a discount code', async () => {
    const created = await session({ products: [productIds.oneTime, productIds.yearly] });
    const switched = await buyer.checkouts.clientUpdate(created.client_secret, { product_id: productIds.yearly });
    assert.equal(switched.product_id, productIds.yearly);
    assert.equal(switched.amount, 12000);
    const discounted = await buyer.checkouts.clientUpdate(created.client_secret, { discount_code: 'tenoff' });
    assert.equal(discounted.discount?.code, 'TENOFF');
    assert.equal(discounted.net_amount, 11000);
  });

  it('answers 422 HTTPValidationError naming the field', async () => {
    const created = await session();
    const badEmail = await rejectionOf(
      buyer.checkouts.clientUpdate(created.client_secret, { customer_email: 'lisa@' }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(badEmail), ['body.customer_email']);
    const badCode = await rejectionOf(
      buyer.checkouts.clientUpdate(created.client_secret, { discount_code: 'NOPE' }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(badCode), ['body.discount_code']);
    const foreignProduct = await rejectionOf(
      buyer.checkouts.clientUpdate(created.client_secret, { product_id: productIds.free }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(foreignProduct), ['body.product_id']);
    assert.equal(
      (await buyer.checkouts.clientGet(created.client_secret)).product_id,
      productIds.oneTime,
      'nothing changed',
    );
  });
});

describe('ClientConfirm', () => {
  it('answers 422 listing every missing field', async () => {
    const created = await session();
    const missing = await rejectionOf(
      buyer.checkouts.clientConfirm(created.client_secret, {}),
      errors.HTTPValidationError,
    );
    assert.equal(missing.statusCode, 422);
    assert.deepEqual(locations(missing), [
      'body.customer_email',
      'body.customer_billing_address',
      'body.customer_billing_address.country',
      'body.confirmation_token_id',
    ]);
    const usAddress = await rejectionOf(
      buyer.checkouts.clientConfirm(created.client_secret, {
        ...payer,
        customer_billing_address: { country: 'US', state: 'NY' },
        confirmation_token_id: 'ctoken_success_us',
      }),
      errors.HTTPValidationError,
    );
    assert.deepEqual(locations(usAddress), [
      'body.customer_billing_address.line1',
      'body.customer_billing_address.city',
      'body.customer_billing_address.postal_code',
    ]);
  });

  it('answers 400 PaymentError for a declined card and leaves the session open', async () => {
    const created = await session();
    const declined = await rejectionOf(
      buyer.checkouts.clientConfirm(created.client_secret, { ...payer, confirmation_token_id: 'ctoken_decline_x' }),
      errors.PaymentError,
    );
    assert.equal(declined.statusCode, 400);
    assert.equal(declined.error.error, 'PaymentError');
    assert.match(declined.error.detail, /Your card was declined\./);
    const after = await buyer.checkouts.clientGet(created.client_secret);
    assert.equal(after.status, 'open', 'the buyer can try another card');
  });

  it('confirms with a good card, reaches succeeded, then refuses changes with 403 NotOpenCheckout', async () => {
    const created = await session({ metadata: { order: 'A-77' } });
    const confirmed = await buyer.checkouts.clientConfirm(created.client_secret, {
      ...payer,
      confirmation_token_id: 'ctoken_success_x',
    });
    assert.equal(confirmed.status, 'confirmed');
    assert.match(confirmed.customer_session_token ?? '', /^polar_cst_/);
    assert.ok(confirmed.customer_id, 'the buyer became a customer');
    assert.equal(confirmed.total_amount, 4900 + 1225);

    const succeeded = await waitForStatus(created.client_secret, 'succeeded');
    assert.equal(succeeded.customer_email, 'buyer@example.com');
    const merchantView = await merchant.checkouts.get(created.id);
    assert.equal(merchantView.status, 'succeeded');
    assert.equal(merchantView.customer_id, confirmed.customer_id);
    assert.deepEqual(merchantView.metadata, { order: 'A-77' });

    const update = await rejectionOf(
      buyer.checkouts.clientUpdate(created.client_secret, { customer_name: 'Too late' }),
      errors.CheckoutsClientUpdate403Error,
    );
    assert.equal(update.statusCode, 403);
    assert.equal(update.error.error, 'NotOpenCheckout');
    const again = await rejectionOf(
      buyer.checkouts.clientConfirm(created.client_secret, { ...payer, confirmation_token_id: 'ctoken_success_again' }),
      errors.CheckoutsClientConfirm403Error,
    );
    assert.equal(again.error.error, 'NotOpenCheckout');
    const merchantUpdate = await rejectionOf(
      merchant.checkouts.update(created.id, { metadata: {} }),
      errors.CheckoutsUpdate403Error,
    );
    assert.equal(merchantUpdate.error.error, 'NotOpenCheckout');
  });

  it('waits in confirmed while 3-D Secure is pending', async () => {
    const created = await session();
    const confirmed = await buyer.checkouts.clientConfirm(created.client_secret, {
      ...payer,
      confirmation_token_id: 'ctoken_3ds_x',
    });
    assert.equal(confirmed.status, 'confirmed');
    assert.equal(confirmed.payment_processor_metadata['intent_status'], 'requires_action');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(
      (await buyer.checkouts.clientGet(created.client_secret)).status,
      'confirmed',
      'no order before the buyer authenticates',
    );
  });

  it('confirms a free product without a card', async () => {
    const created = await session({ products: [productIds.free] });
    const confirmed = await buyer.checkouts.clientConfirm(created.client_secret, {
      customer_email: 'free@example.com',
    });
    assert.equal(confirmed.status, 'confirmed');
    await waitForStatus(created.client_secret, 'succeeded');
  });
});

describe('the client calls through the tree-shakable core functions', () => {
  it('gets, updates and confirms with only the client secret', async () => {
    const created = await session({ products: [productIds.seats], seats: 2 });
    const core = createPolarCore({ accessToken: '', baseUrl: sandbox.url });
    const view = await clientGetCheckouts(core)(created.client_secret);
    assert.equal(view.amount, 2000);
    const updated = await clientUpdateCheckouts(core)(created.client_secret, { seats: 5 });
    assert.equal(updated.amount, 4000, 'five seats at the cheaper tier');
    const confirmed = await clientConfirmCheckouts(core)(created.client_secret, {
      ...payer,
      confirmation_token_id: 'ctoken_success_core',
    });
    assert.equal(confirmed.seats, 5);
    assert.equal(confirmed.status, 'confirmed');
  });
});
