import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPolar } from '@polar-sh/sdk/2026-10';
import {
  clientConfirmCheckouts,
  clientGetCheckouts,
  clientUpdateCheckouts,
} from '@polar-sh/sdk/2026-10/services/checkouts';
import { createPolarCore } from '@polar-sh/sdk/2026-10';
import { discountIds, organization, productIds } from '../../demo/sandbox/catalogue/index.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';

let sandbox: RunningSandbox;
let api: SandboxClient;
let polar: ReturnType<typeof createPolar>;
let readOnly: ReturnType<typeof createPolar>;

const FULL = { authorization: 'Bearer polar_oat_sandbox_full' };

before(async () => {
  sandbox = await startSandbox({ port: 0, fast: true });
  api = new SandboxClient(sandbox.url);
  polar = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
  readOnly = createPolar({ accessToken: 'polar_oat_sandbox_read', baseUrl: sandbox.url });
});

after(async () => {
  const violations = await api.request('GET', '/__sandbox/violations');
  await sandbox.close();
  assert.deepEqual(violations.body, [], 'the sandbox recorded contract violations');
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK error body as JSON, probed by assertions
async function rejection(promise: Promise<unknown>): Promise<{ name: string; statusCode: number; error: any }> {
  try {
    await promise;
  } catch (error) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK error body as JSON, probed by assertions
    return error as { name: string; statusCode: number; error: any };
  }
  throw new Error('expected the SDK call to fail');
}

describe('authentication', () => {
  it('answers 401 Unauthorized without a token', async () => {
    const { status, body, headers } = await api.request('GET', '/v1/checkouts/');
    assert.equal(status, 401);
    assert.deepEqual(body, { error: 'Unauthorized', detail: 'Unauthorized' });
    assert.equal(headers.get('www-authenticate'), 'Bearer realm="polar"');
  });

  it('answers 401 invalid_token for an unknown token, on client endpoints too', async () => {
    const { client_secret } = await api.scenario('one-time');
    for (const path of ['/v1/checkouts/', `/v1/checkouts/client/${client_secret}`]) {
      const { status, body } = await api.request('GET', path, undefined, { authorization: 'Bearer polar_oat_wrong' });
      assert.equal(status, 401);
      assert.equal(body.error, 'invalid_token');
    }
  });

  it('answers 403 insufficient_scope when a read-only token writes', async () => {
    const failure = await rejection(readOnly.checkouts.create({ products: [productIds.oneTime] }));
    assert.equal(failure.statusCode, 403);
    const { status, body } = await api.request(
      'POST',
      '/v1/checkouts/',
      { products: [productIds.oneTime] },
      {
        authorization: 'Bearer polar_oat_sandbox_read',
      },
    );
    assert.equal(status, 403);
    assert.equal(body.error, 'insufficient_scope');
    const list = await readOnly.checkouts.list({});
    assert.ok(Array.isArray(list.items), 'reading is fine');
  });
});

describe('create, get, update through the official SDK', () => {
  it('creates a session with the merchant prefill', async () => {
    const checkout = await polar.checkouts.create({
      products: [productIds.oneTime, productIds.monthly],
      customer_email: 'buyer@example.com',
      customer_name: 'Buyer',
      external_customer_id: 'user_42',
      success_url: 'https://shop.example/thanks?checkout={CHECKOUT_ID}',
      return_url: 'https://shop.example/cart',
      embed_origin: 'https://shop.example',
      metadata: { order: 'A-1', priority: 2 },
      discount_id: discountIds.save20,
      locale: 'sv',
    } as Parameters<typeof polar.checkouts.create>[0]);
    assert.equal(checkout.status, 'open');
    assert.equal(checkout.success_url, `https://shop.example/thanks?checkout=${checkout.id}`);
    assert.equal(checkout.return_url, 'https://shop.example/cart');
    assert.equal(checkout.embed_origin, 'https://shop.example');
    assert.deepEqual(checkout.metadata, { order: 'A-1', priority: 2 });
    assert.equal(checkout.customer_email, 'buyer@example.com');
    assert.equal(checkout.external_customer_id, 'user_42');
    assert.equal(checkout.discount_amount, 980);
    assert.equal(checkout.products.length, 2);
    assert.equal(checkout.organization_id, organization.id);
    assert.equal(checkout.locale, 'sv');
  });

  it('serves the same session to the buyer', async () => {
    const checkout = await polar.checkouts.create({ products: [productIds.seats], seats: 7 } as Parameters<
      typeof polar.checkouts.create
    >[0]);
    const core = createPolarCore({ accessToken: '', baseUrl: sandbox.url });
    const publicView = await clientGetCheckouts(core)(checkout.client_secret);
    assert.equal(publicView.id, checkout.id);
    assert.equal(publicView.amount, 5600);
    const updated = await clientUpdateCheckouts(core)(checkout.client_secret, { seats: 4 });
    assert.equal(updated.amount, 4000);
    const confirmed = await clientConfirmCheckouts(core)(checkout.client_secret, {
      customer_email: 'team@example.com',
      customer_billing_address: { country: 'SE' },
      confirmation_token_id: 'ctoken_card_sdk',
    } as Parameters<ReturnType<typeof clientConfirmCheckouts>>[1]);
    assert.equal(confirmed.status, 'confirmed');
    const merchantView = await polar.checkouts.get(checkout.id);
    assert.equal(merchantView.status, 'confirmed');
    assert.equal(merchantView.seats, 4);
    assert.equal(merchantView.customer_id, confirmed.customer_id);
  });

  it('sells at ad hoc prices', async () => {
    const checkout = await polar.checkouts.create({
      products: [productIds.oneTime, productIds.payWhatYouWant],
      prices: {
        [productIds.oneTime]: [{ amount_type: 'fixed', price_amount: 1999, price_currency: 'usd' }],
        [productIds.payWhatYouWant]: [{ amount_type: 'custom', minimum_amount: 1000, price_currency: 'usd' }],
      },
    } as Parameters<typeof polar.checkouts.create>[0]);
    assert.equal(checkout.amount, 1999);
    const price = checkout.prices![productIds.oneTime]![0]!;
    assert.equal(price.source, 'ad_hoc');
    assert.equal(checkout.product_price_id, price.id);
    const switched = await api.update(checkout.client_secret, { product_id: productIds.payWhatYouWant });
    assert.equal(switched.body.amount, 1000);
    const below = await api.update(checkout.client_secret, { amount: 600 });
    assert.equal(below.status, 422, 'the ad hoc minimum applies, not the catalogue one');

    const foreign = await api.request(
      'POST',
      '/v1/checkouts/',
      {
        products: [productIds.oneTime],
        prices: { [productIds.free]: [{ amount_type: 'fixed', price_amount: 100 }] },
      },
      FULL,
    );
    assert.equal(foreign.status, 422);
    assert.deepEqual(foreign.body.detail[0].loc, ['body', 'prices', productIds.free]);
  });

  it('rejects unknown products with one 422 entry per product', async () => {
    const failure = await rejection(
      polar.checkouts.create({ products: [productIds.oneTime, '5e8bd0b5-6c65-4f0a-9b3d-2f3b2b7f0a11'] } as Parameters<
        typeof polar.checkouts.create
      >[0]),
    );
    assert.equal(failure.statusCode, 422);
    assert.deepEqual(failure.error.detail[0].loc, ['body', 'products', 1]);
    assert.equal(failure.error.detail[0].msg, 'Product does not exist.');
  });

  it('validates create bodies against the schema', async () => {
    const { status, body } = await api.request(
      'POST',
      '/v1/checkouts/',
      { products: [], success_url: 'not a url' },
      FULL,
    );
    assert.equal(status, 422);
    const byLoc = Object.fromEntries(
      body.detail.map((entry: { loc: string[]; type: string }) => [entry.loc.join('.'), entry.type]),
    );
    assert.equal(byLoc['body.CheckoutProductsCreate.products'], 'too_short');
    assert.equal(byLoc['body.CheckoutProductsCreate.success_url'], 'url_parsing');
    assert.equal(byLoc['body.CheckoutPriceCreate.product_price_id'], 'missing');
  });

  it('answers 404 for an unknown id and 422 for a malformed one', async () => {
    const missing = await rejection(polar.checkouts.get('5e8bd0b5-6c65-4f0a-9b3d-2f3b2b7f0a11'));
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.error, { error: 'ResourceNotFound', detail: 'Not found' });
    const malformed = await api.request('GET', '/v1/checkouts/not-a-uuid', undefined, FULL);
    assert.equal(malformed.status, 422);
    assert.deepEqual(malformed.body.detail[0].loc, ['path', 'id']);
  });

  it('updates merchant-only fields, and refuses once the session is not open', async () => {
    const created = await polar.checkouts.create({ products: [productIds.oneTime] } as Parameters<
      typeof polar.checkouts.create
    >[0]);
    const updated = await polar.checkouts.update(created.id, {
      metadata: { note: 'vip' },
      discount_id: discountIds.tenOff,
      require_billing_address: true,
    } as Parameters<typeof polar.checkouts.update>[1]);
    assert.deepEqual(updated.metadata, { note: 'vip' });
    assert.equal(updated.discount_amount, 1000);
    assert.equal(updated.billing_address_fields.line1, 'required');

    await api.request('POST', `/__sandbox/checkouts/${created.client_secret}/expire`);
    const failure = await rejection(
      polar.checkouts.update(created.id, { metadata: {} } as Parameters<typeof polar.checkouts.update>[1]),
    );
    assert.equal(failure.statusCode, 403);
    assert.equal(failure.error.error, 'NotOpenCheckout');
    assert.equal((await polar.checkouts.get(created.id)).status, 'expired', 'merchants still read expired sessions');
  });
});

describe('list', () => {
  it('paginates with Polar’s pagination object, newest first by default', async () => {
    await api.request('POST', '/__sandbox/reset');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await api.scenario('one-time', { customer_email: `list${i}@example.com` }));
    const page2 = await polar.checkouts.list({ limit: 2, page: 2 });
    assert.deepEqual(page2.pagination, { total_count: 5, max_page: 3 });
    assert.deepEqual(
      page2.items.map((item) => item.id),
      [made[2].id, made[1].id],
    );
    const ascending = await polar.checkouts.list({ sorting: ['created_at'], limit: 1 });
    assert.equal(ascending.items[0]!.id, made[0].id);
    const all: string[] = [];
    for await (const item of polar.checkouts.iterList({ limit: 2 })) all.push(item.id);
    assert.equal(all.length, 5);
  });

  it('filters by product, status, customer and email search', async () => {
    await api.request('POST', '/__sandbox/reset');
    const subscription = await api.scenario('subscription', {
      customer_email: 'sub@example.com',
      external_customer_id: 'ext_1',
    });
    const lifetime = await api.scenario('one-time', { customer_email: 'life@example.com' });
    await api.scenario('expired');
    const confirmed = await api.confirm(lifetime.client_secret, {
      customer_billing_address: { country: 'FR' },
      confirmation_token_id: 'ctoken_card_list',
    });

    const byProduct = await polar.checkouts.list({ product_id: productIds.monthly });
    assert.deepEqual(
      byProduct.items.map((item) => item.id),
      [subscription.id],
    );
    const byStatus = await polar.checkouts.list({ status: ['expired'] });
    assert.equal(byStatus.pagination.total_count, 1);
    const bySearch = await polar.checkouts.list({ query: 'LIFE@' });
    assert.deepEqual(
      bySearch.items.map((item) => item.id),
      [lifetime.id],
    );
    const byCustomer = await polar.checkouts.list({ customer_id: confirmed.body.customer_id });
    assert.deepEqual(
      byCustomer.items.map((item) => item.id),
      [lifetime.id],
    );
    const byExternal = await polar.checkouts.list({ external_customer_id: 'ext_1' });
    assert.deepEqual(
      byExternal.items.map((item) => item.id),
      [subscription.id],
    );
    const byOrganization = await polar.checkouts.list({ organization_id: organization.id });
    assert.equal(byOrganization.pagination.total_count, 3);
  });

  it('validates the query string', async () => {
    const badStatus = await api.request('GET', '/v1/checkouts/?status=lost', undefined, FULL);
    assert.equal(badStatus.status, 422);
    assert.deepEqual(badStatus.body.detail[0].loc.slice(0, 2), ['query', 'status']);
    const badPage = await api.request('GET', '/v1/checkouts/?page=zero', undefined, FULL);
    assert.equal(badPage.status, 422);
    assert.equal(badPage.body.detail[0].type, 'int_parsing');
    const zero = await api.request('GET', '/v1/checkouts/?limit=0', undefined, FULL);
    assert.equal(zero.status, 422);
    assert.equal(zero.body.detail[0].type, 'greater_than');
  });
});
