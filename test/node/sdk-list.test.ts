/**
 * List through Polar's official SDK: every filter, page/limit pagination, `iterList` and sorting, on a sandbox
 * of its own so the sessions it counts are exactly the ones it made.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPolar, createPolarCore, errors } from '@polar-sh/sdk/2026-10';
import type { models } from '@polar-sh/sdk/2026-10';
import { iterListCheckouts, listCheckouts } from '@polar-sh/sdk/2026-10/services/checkouts';
import { organization, productIds } from '../../demo/sandbox/catalogue/index.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { sandboxControl } from './sdk-support.js';

let sandbox: RunningSandbox;
let polar: ReturnType<typeof createPolar>;

/** The sessions made in `before`, by role; `newestFirst` is every id in creation order reversed. */
const made = {} as Record<
  'alice' | 'bob' | 'carol' | 'expired' | 'paid' | 'returning' | 'zed' | 'seats',
  models.Checkout
>;
let newestFirst: string[] = [];

const control = (method: string, path: string, body?: unknown) => sandboxControl(sandbox.url, method, path, body);

async function waitForStatus(id: string, status: models.CheckoutStatus): Promise<models.Checkout> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const checkout = await polar.checkouts.get(id);
    if (checkout.status === status) return checkout;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return assert.fail(`checkout ${id} never reached ${status}`);
}

before(async () => {
  sandbox = await startSandbox({ port: 0, fast: true });
  polar = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
  const create = (body: models.CheckoutCreate) => polar.checkouts.create(body);

  made.alice = await create({
    products: [productIds.oneTime],
    customer_email: 'alice@wonderland.example',
    customer_name: 'Alice Liddell',
    external_customer_id: 'ext_alice',
  });
  made.bob = await create({
    products: [productIds.monthly],
    customer_email: 'bob@builders.example',
    customer_name: 'Bob',
  });
  made.carol = await create({ products: [productIds.monthly, productIds.yearly], customer_email: 'carol@example.com' });
  made.expired = await create({ products: [productIds.payWhatYouWant], customer_email: 'late@example.com' });
  await control('POST', `/checkouts/${made.expired.client_secret}/expire`);
  made.paid = await create({ products: [productIds.oneTime] });
  const confirmed = await polar.checkouts.clientConfirm(made.paid.client_secret, {
    customer_email: 'payer@example.com',
    customer_name: 'Pat Payer',
    customer_billing_address: { country: 'FR' },
    confirmation_token_id: 'ctoken_success_list',
  });
  assert.ok(confirmed.customer_id, 'confirming creates the customer');
  made.paid = await waitForStatus(made.paid.id, 'succeeded');
  made.returning = await create({ products: [productIds.yearly], customer_id: confirmed.customer_id });
  made.zed = await create({ products: [productIds.free], external_customer_id: 'ext_zed' });
  made.seats = await create({ products: [productIds.seats], seats: 3 });
  newestFirst = [made.alice, made.bob, made.carol, made.expired, made.paid, made.returning, made.zed, made.seats]
    .map((checkout) => checkout.id)
    .reverse();
});

after(async () => {
  const violations = await control('GET', '/violations');
  await sandbox.close();
  assert.deepEqual(violations, [], 'the sandbox answered something its contract does not allow');
});

const ids = (page: models.ListResourceCheckout) => page.items.map((item) => item.id);
const sorted = (values: string[]) => [...values].sort();

describe('List filters', () => {
  it('lists everything of the organization, and nothing for another one', async () => {
    const mine = await polar.checkouts.list({ organization_id: organization.id, limit: 100 });
    assert.deepEqual(ids(mine), newestFirst);
    assert.equal(mine.pagination.total_count, 8);
    const other = await polar.checkouts.list({ organization_id: '0b0c6a5e-3a53-4a53-9d2e-4a9c1f1c0d11' });
    assert.deepEqual(other.items, []);
    assert.deepEqual(other.pagination, { total_count: 0, max_page: 0 });
  });

  it('filters by product, one or several (any of them)', async () => {
    const monthly = await polar.checkouts.list({ product_id: productIds.monthly });
    assert.deepEqual(
      sorted(ids(monthly)),
      sorted([made.bob.id, made.carol.id]),
      'the selected product counts, not every offered one',
    );
    const either = await polar.checkouts.list({ product_id: [productIds.free, productIds.seats] });
    assert.deepEqual(ids(either), [made.seats.id, made.zed.id]);
  });

  it('filters by customer and by external customer id', async () => {
    const byCustomer = await polar.checkouts.list({ customer_id: made.paid.customer_id });
    assert.deepEqual(ids(byCustomer), [made.returning.id, made.paid.id]);
    const byExternal = await polar.checkouts.list({ external_customer_id: 'ext_alice' });
    assert.deepEqual(ids(byExternal), [made.alice.id]);
    const byEither = await polar.checkouts.list({ external_customer_id: ['ext_alice', 'ext_zed'] });
    assert.deepEqual(ids(byEither), [made.zed.id, made.alice.id]);
  });

  it('filters by status', async () => {
    const expired = await polar.checkouts.list({ status: 'expired' });
    assert.deepEqual(ids(expired), [made.expired.id]);
    const done = await polar.checkouts.list({ status: ['confirmed', 'succeeded'] });
    assert.deepEqual(ids(done), [made.paid.id]);
    const open = await polar.checkouts.list({ status: 'open' });
    assert.equal(open.pagination.total_count, 6);
    assert.ok(open.items.every((item) => item.status === 'open'));
  });

  it('searches the buyer’s email and name, ignoring case', async () => {
    assert.deepEqual(ids(await polar.checkouts.list({ query: 'ALICE@' })), [made.alice.id]);
    assert.deepEqual(ids(await polar.checkouts.list({ query: 'liddell' })), [made.alice.id]);
    assert.deepEqual(
      ids(await polar.checkouts.list({ query: 'example.com' })),
      [made.returning.id, made.paid.id, made.expired.id, made.carol.id],
      'the returning customer’s session carries their email',
    );
    const none = await polar.checkouts.list({ query: 'nobody-like-this' });
    assert.deepEqual(none.pagination, { total_count: 0, max_page: 0 });
  });

  it('combines filters with AND', async () => {
    const both = await polar.checkouts.list({ product_id: productIds.oneTime, status: 'succeeded' });
    assert.deepEqual(ids(both), [made.paid.id]);
    const clash = await polar.checkouts.list({ product_id: productIds.monthly, external_customer_id: 'ext_alice' });
    assert.deepEqual(clash.items, []);
  });

  it('answers 422 HTTPValidationError for a bad query', async () => {
    let failure: unknown;
    try {
      await polar.checkouts.list({ limit: 0 });
    } catch (error) {
      failure = error;
    }
    assert.ok(failure instanceof errors.HTTPValidationError, `expected HTTPValidationError, got ${String(failure)}`);
    assert.equal(failure.statusCode, 422);
    assert.deepEqual(failure.error.detail?.[0]?.loc, ['query', 'limit']);

    failure = undefined;
    try {
      await polar.checkouts.list({ status: 'lost' as models.CheckoutStatus });
    } catch (error) {
      failure = error;
    }
    assert.ok(failure instanceof errors.HTTPValidationError, `expected HTTPValidationError, got ${String(failure)}`);
    assert.deepEqual(failure.error.detail?.[0]?.loc.slice(0, 2), ['query', 'status']);
  });
});

describe('List pagination and sorting', () => {
  it('pages with total_count and max_page, newest first by default', async () => {
    const first = await polar.checkouts.list({ limit: 3 });
    assert.deepEqual(first.pagination, { total_count: 8, max_page: 3 });
    const pages = [
      first,
      await polar.checkouts.list({ limit: 3, page: 2 }),
      await polar.checkouts.list({ limit: 3, page: 3 }),
    ];
    assert.deepEqual(
      pages.map((page) => page.items.length),
      [3, 3, 2],
    );
    assert.deepEqual(pages.flatMap(ids), newestFirst);
    const beyond = await polar.checkouts.list({ limit: 3, page: 4 });
    assert.deepEqual(beyond.items, []);
    assert.equal(beyond.pagination.total_count, 8);
    const defaults = await polar.checkouts.list();
    assert.equal(defaults.items.length, 8, 'ten per page by default');
  });

  it('walks every page with iterList, one request per page', async () => {
    await control('DELETE', '/faults');
    const before = ((await control('GET', '/requests')) as { operation: string }[]).filter(
      (entry) => entry.operation === 'list',
    ).length;
    const walked: string[] = [];
    for await (const checkout of polar.checkouts.iterList({ limit: 3 })) walked.push(checkout.id);
    assert.deepEqual(walked, newestFirst);
    const after = ((await control('GET', '/requests')) as { operation: string }[]).filter(
      (entry) => entry.operation === 'list',
    ).length;
    assert.equal(after - before, 3);

    const filtered: string[] = [];
    for await (const checkout of polar.checkouts.iterList({ product_id: productIds.monthly, limit: 1 }))
      filtered.push(checkout.id);
    assert.deepEqual(filtered, [made.carol.id, made.bob.id]);
  });

  it('sorts by creation time either way', async () => {
    const oldestFirst = await polar.checkouts.list({ sorting: ['created_at'], limit: 100 });
    assert.deepEqual(ids(oldestFirst), [...newestFirst].reverse());
    const newest = await polar.checkouts.list({ sorting: ['-created_at'], limit: 100 });
    assert.deepEqual(ids(newest), newestFirst);
  });

  it('works through the tree-shakable core functions', async () => {
    const core = createPolarCore({ accessToken: 'polar_oat_sandbox_read', baseUrl: sandbox.url });
    const page = await listCheckouts(core)({ status: 'expired' });
    assert.deepEqual(ids(page), [made.expired.id]);
    const walked: string[] = [];
    for await (const checkout of iterListCheckouts(core)({ sorting: ['created_at'], limit: 5 }))
      walked.push(checkout.id);
    assert.deepEqual(walked, [...newestFirst].reverse());
  });
});
