/**
 * The seed's own calls (`../shared/docs/seed-polar-go-checkouts.txt`): each of the seven Checkouts examples of
 * Polar's Go SDK docs, sent as polar-go sends it, with the success shape and every row of the example's error table.
 * Where `@polar-sh/sdk` sends a different request (headers, List defaults, a hidden Create shape), it is covered too.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { createPolar, errors } from '@polar-sh/sdk/2026-10';
import { organization, productIds, products } from '../../demo/sandbox/catalogue/index.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import type { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';
import { startTestSandbox, stopTestSandbox } from './sandbox-support.js';
import { rejectionOf, sandboxControl } from './sdk-support.js';

let sandbox: RunningSandbox;
let api: SandboxClient;
let polar: ReturnType<typeof createPolar>;

const TOKEN = 'polar_oat_sandbox_full';
/** The organization id the seed's List example filters by: not the sandbox's, so it matches nothing. */
const SEED_ORGANIZATION_ID = '1dbfc517-0bbf-4301-9ba8-555ca42b9737';
const UNKNOWN_ID = '5e8bd0b5-6c65-4f0a-9b3d-2f3b2b7f0a11';
const SEED_CREATE_BODY = { customer_billing_address: { country: 'SE' }, success_url: 'https://probable-heating.com/' };
const monthlyPriceId = products.monthly.prices[0]!.id;

interface GoResponse {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the sandbox, probed field by field by the tests
  body: any;
}

/**
 * One request as polar-go's generated client builds it: `Accept: application/json`, its own User-Agent,
 * `Content-Type` only with a body, the bearer token only when the client was built `WithSecurity`, no
 * `Polar-Version`, and the query encoded by `url.Values.Encode` (keys sorted, arrays as repeated keys).
 */
async function goRequest(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; query?: [string, string][] } = {},
): Promise<GoResponse> {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'speakeasy-sdk/go polar-go' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const query = [...(options.query ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const search = query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  const response = await fetch(`${sandbox.url}${path}${search}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** polar-go's `CheckoutsListRequest` with only `OrganizationID` set: `Page` and `Limit` carry their defaults. */
const goListQuery = (organizationIds: string[], page: number): [string, string][] => [
  ...organizationIds.map((id): [string, string] => ['organization_id', id]),
  ['page', String(page)],
  ['limit', '10'],
];

const control = (method: string, path: string, body?: unknown) => sandboxControl(sandbox.url, method, path, body);

/** Injects one answer for `operation`, for the 4XX/5XX rows the sandbox has no natural way to produce. */
const injectFault = (operation: string, status: number, body?: unknown) =>
  control('POST', '/faults', { operation, status, ...(body === undefined ? {} : { body }) });

const createSession = async (body: Record<string, unknown> = { products: [productIds.oneTime] }) => {
  const created = await goRequest('POST', '/v1/checkouts/', { token: TOKEN, body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body as { id: string; client_secret: string; [key: string]: unknown };
};

const assertValidationError = (response: GoResponse, loc: (string | number)[]) => {
  assert.equal(response.status, 422);
  assert.ok(Array.isArray(response.body.detail), 'HTTPValidationError has a detail list');
  const locs = response.body.detail.map((entry: { loc: unknown[] }) => JSON.stringify(entry.loc));
  assert.ok(locs.includes(JSON.stringify(loc)), `expected ${JSON.stringify(loc)} among ${locs.join(', ')}`);
};

before(async () => {
  ({ sandbox, api } = await startTestSandbox());
  polar = createPolar({ accessToken: TOKEN, baseUrl: sandbox.url });
});

afterEach(async () => {
  await control('DELETE', '/faults');
});

after(async () => {
  await stopTestSandbox(sandbox, api);
});

describe('List with an organization_id filter, paged to the end', () => {
  it('pages as the Go example’s Next() loop does, and as the TypeScript SDK’s iterList does', async () => {
    await control('POST', '/reset');
    for (let index = 0; index < 12; index += 1) await createSession();

    const seen: string[] = [];
    let page = 1;
    for (;;) {
      const response = await goRequest('GET', '/v1/checkouts/', {
        token: TOKEN,
        query: goListQuery([organization.id], page),
      });
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(response.body).sort(), ['items', 'pagination']);
      seen.push(...response.body.items.map((item: { id: string }) => item.id));
      // Next(): stop once max_page is not past this page, or the page came back empty.
      if (response.body.pagination.max_page <= page || response.body.items.length === 0) break;
      page += 1;
    }
    assert.equal(page, 2);
    assert.equal(seen.length, 12);
    assert.equal(new Set(seen).size, 12);

    const logged = (await control('GET', '/requests')) as { operation: string; path: string }[];
    const listPaths = logged.filter((entry) => entry.operation === 'list').map((entry) => entry.path);
    assert.deepEqual(listPaths.slice(-2), [
      `/v1/checkouts/?limit=10&organization_id=${organization.id}&page=1`,
      `/v1/checkouts/?limit=10&organization_id=${organization.id}&page=2`,
    ]);

    // @polar-sh/sdk also sends `sorting=-created_at` and `Polar-Version`; the same sessions come back.
    const viaTypeScript: string[] = [];
    for await (const item of polar.checkouts.iterList({ organization_id: [organization.id] }))
      viaTypeScript.push(item.id);
    assert.deepEqual(viaTypeScript, seen);
  });

  it('answers the seed’s own organization id with an empty first page, which ends the loop', async () => {
    const response = await goRequest('GET', '/v1/checkouts/', {
      token: TOKEN,
      query: goListQuery([SEED_ORGANIZATION_ID], 1),
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.body.items, []);
    assert.ok(response.body.pagination.max_page <= 1);
  });

  it('422 HTTPValidationError for a malformed filter', async () => {
    const response = await goRequest('GET', '/v1/checkouts/', { token: TOKEN, query: goListQuery(['not-a-uuid'], 1) });
    // The filter is a list of UUID4 once it may repeat, so the entry is located by index.
    assertValidationError(response, ['query', 'organization_id', 0]);
    await rejectionOf(polar.checkouts.list({ organization_id: ['not-a-uuid'] }), errors.HTTPValidationError);
  });

  it('4XX and 5XX APIError', async () => {
    const anonymous = await goRequest('GET', '/v1/checkouts/', { query: goListQuery([organization.id], 1) });
    assert.equal(anonymous.status, 401);
    await injectFault('list', 503);
    const unavailable = await goRequest('GET', '/v1/checkouts/', {
      token: TOKEN,
      query: goListQuery([organization.id], 1),
    });
    assert.equal(unavailable.status, 503);
  });
});

describe('Create from a product price (CheckoutPriceCreate)', () => {
  it('creates the session the seed’s way, from polar-go and from @polar-sh/sdk', async () => {
    const created = await createSession({ ...SEED_CREATE_BODY, product_price_id: monthlyPriceId });
    assert.equal(created['product_price_id'], monthlyPriceId);
    assert.equal(created['product_id'], productIds.monthly);
    assert.deepEqual(
      (created['products'] as { id: string }[]).map((product) => product.id),
      [productIds.monthly],
    );
    assert.equal((created['customer_billing_address'] as { country: string }).country, 'SE');
    assert.equal(created['success_url'], 'https://probable-heating.com/');
    assert.equal(created['status'], 'open');

    // The published spec hides this shape, so @polar-sh/sdk's types refuse it; its client sends it as given.
    const viaTypeScript = await polar.checkouts.create({
      ...SEED_CREATE_BODY,
      product_price_id: monthlyPriceId,
    } as never);
    assert.equal(viaTypeScript.product_price_id, monthlyPriceId);
  });

  it('creates from a product (CheckoutProductCreate), with an optional currency', async () => {
    const created = await createSession({ product_id: productIds.eurInclusive, currency: 'eur' });
    assert.equal(created['product_id'], productIds.eurInclusive);
    assert.equal(created['currency'], 'eur');
    const wrongCurrency = await goRequest('POST', '/v1/checkouts/', {
      token: TOKEN,
      body: { product_id: productIds.monthly, currency: 'eur' },
    });
    assert.equal(wrongCurrency.status, 422);
    assert.deepEqual(wrongCurrency.body.detail, [
      {
        type: 'value_error',
        loc: ['body', 'product_id'],
        msg: 'Product is not available in the specified currency.',
        input: productIds.monthly,
      },
    ]);
  });

  it('422 HTTPValidationError: the seed’s placeholder id, and a price that does not exist', async () => {
    const placeholder = await goRequest('POST', '/v1/checkouts/', {
      token: TOKEN,
      body: { ...SEED_CREATE_BODY, product_price_id: '<value>' },
    });
    assert.equal(placeholder.status, 422);
    assert.deepEqual(
      placeholder.body.detail.map((entry: { loc: string[]; type: string }) => [entry.loc.join('.'), entry.type]),
      [
        ['body.CheckoutProductsCreate.products', 'missing'],
        ['body.CheckoutProductCreate.product_id', 'missing'],
        ['body.CheckoutPriceCreate.product_price_id', 'uuid_parsing'],
      ],
    );
    const unknown = await goRequest('POST', '/v1/checkouts/', {
      token: TOKEN,
      body: { ...SEED_CREATE_BODY, product_price_id: UNKNOWN_ID },
    });
    assert.equal(unknown.status, 422);
    assert.deepEqual(unknown.body, {
      error: 'PolarRequestValidationError',
      detail: [
        { type: 'value_error', loc: ['body', 'product_price_id'], msg: 'Price does not exist.', input: UNKNOWN_ID },
      ],
    });
    const viaTypeScript = await rejectionOf(
      polar.checkouts.create({ product_price_id: UNKNOWN_ID } as never),
      errors.HTTPValidationError,
    );
    assert.equal(viaTypeScript.error.detail?.[0]?.msg, 'Price does not exist.');
  });

  it('4XX and 5XX APIError', async () => {
    const body = { ...SEED_CREATE_BODY, product_price_id: monthlyPriceId };
    assert.equal((await goRequest('POST', '/v1/checkouts/', { body })).status, 401);
    const readOnly = await goRequest('POST', '/v1/checkouts/', { token: 'polar_oat_sandbox_read', body });
    assert.equal(readOnly.status, 403);
    await injectFault('create', 500);
    assert.equal((await goRequest('POST', '/v1/checkouts/', { token: TOKEN, body })).status, 500);
  });
});

describe('Get', () => {
  it('answers the Checkout', async () => {
    const created = await createSession({ ...SEED_CREATE_BODY, product_price_id: monthlyPriceId });
    const response = await goRequest('GET', `/v1/checkouts/${created.id}`, { token: TOKEN });
    assert.equal(response.status, 200);
    assert.equal(response.body.id, created.id);
    assert.equal(response.body.product_price_id, monthlyPriceId);
  });

  it('404 ResourceNotFound, 422 HTTPValidationError for the seed’s `<id>`', async () => {
    const missing = await goRequest('GET', `/v1/checkouts/${UNKNOWN_ID}`, { token: TOKEN });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: 'ResourceNotFound', detail: 'Not found' });
    assertValidationError(await goRequest('GET', `/v1/checkouts/${encodeURIComponent('<id>')}`, { token: TOKEN }), [
      'path',
      'id',
    ]);
  });

  it('4XX and 5XX APIError', async () => {
    const created = await createSession();
    assert.equal((await goRequest('GET', `/v1/checkouts/${created.id}`)).status, 401);
    await injectFault('get', 502);
    assert.equal((await goRequest('GET', `/v1/checkouts/${created.id}`, { token: TOKEN })).status, 502);
  });
});

describe('Update with an empty CheckoutUpdate', () => {
  it('answers the Checkout, from polar-go and from @polar-sh/sdk', async () => {
    const created = await createSession();
    const response = await goRequest('PATCH', `/v1/checkouts/${created.id}`, { token: TOKEN, body: {} });
    assert.equal(response.status, 200);
    assert.equal(response.body.id, created.id);
    assert.equal(response.body.product_price_id, created['product_price_id']);
    assert.equal((await polar.checkouts.update(created.id, {})).id, created.id);
  });

  it('takes the deprecated product_price_id with product_id, as legacy prices need', async () => {
    const created = await createSession({ products: [productIds.monthly, productIds.yearly] });
    const yearlyPriceId = products.yearly.prices[0]!.id;
    const switched = await goRequest('PATCH', `/v1/checkouts/${created.id}`, {
      token: TOKEN,
      body: { product_id: productIds.yearly, product_price_id: yearlyPriceId },
    });
    assert.equal(switched.status, 200);
    assert.equal(switched.body.product_price_id, yearlyPriceId);
    const foreign = await goRequest('PATCH', `/v1/checkouts/${created.id}`, {
      token: TOKEN,
      body: { product_id: productIds.yearly, product_price_id: monthlyPriceId },
    });
    assert.equal(foreign.status, 422);
    assert.deepEqual(foreign.body.detail[0].loc, ['body', 'product_price_id']);
  });

  it('403 CheckoutForbiddenError, 404 ResourceNotFound, 422 HTTPValidationError', async () => {
    const created = await createSession({ products: [productIds.free], customer_email: 'ada@example.com' });
    const confirmed = await goRequest('POST', `/v1/checkouts/client/${created.client_secret}/confirm`, {
      token: TOKEN,
      body: {},
    });
    assert.equal(confirmed.status, 200);
    const forbidden = await goRequest('PATCH', `/v1/checkouts/${created.id}`, { token: TOKEN, body: {} });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.error, 'NotOpenCheckout');
    await rejectionOf(polar.checkouts.update(created.id, {}), errors.CheckoutsUpdate403Error);

    const missing = await goRequest('PATCH', `/v1/checkouts/${UNKNOWN_ID}`, { token: TOKEN, body: {} });
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error, 'ResourceNotFound');
    assertValidationError(
      await goRequest('PATCH', `/v1/checkouts/${encodeURIComponent('<value>')}`, { token: TOKEN, body: {} }),
      ['path', 'id'],
    );
    const open = await createSession();
    assertValidationError(
      await goRequest('PATCH', `/v1/checkouts/${open.id}`, { token: TOKEN, body: { customer_email: 'nope' } }),
      ['body', 'customer_email'],
    );
  });

  it('4XX and 5XX APIError', async () => {
    const created = await createSession();
    assert.equal((await goRequest('PATCH', `/v1/checkouts/${created.id}`, { body: {} })).status, 401);
    assert.equal(
      (await goRequest('PATCH', `/v1/checkouts/${created.id}`, { token: 'polar_oat_sandbox_read', body: {} })).status,
      403,
    );
    await injectFault('update', 500);
    assert.equal((await goRequest('PATCH', `/v1/checkouts/${created.id}`, { token: TOKEN, body: {} })).status, 500);
  });
});

describe('ClientGet, without a token', () => {
  it('answers the CheckoutPublic', async () => {
    const created = await createSession({ ...SEED_CREATE_BODY, product_price_id: monthlyPriceId });
    const response = await goRequest('GET', `/v1/checkouts/client/${created.client_secret}`);
    assert.equal(response.status, 200);
    assert.equal(response.body.id, created.id);
    assert.equal(response.body.product_price_id, monthlyPriceId);
    assert.equal('metadata' in response.body, false, 'the public view hides merchant fields');
    assert.equal((await polar.checkouts.clientGet(created.client_secret)).id, created.id);
  });

  it('404 ResourceNotFound for the seed’s `<value>`', async () => {
    const missing = await goRequest('GET', `/v1/checkouts/client/${encodeURIComponent('<value>')}`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: 'ResourceNotFound', detail: 'Not found' });
  });

  it('422 HTTPValidationError, injected: any client secret parses', async () => {
    const created = await createSession();
    await injectFault('client_get', 422, {
      detail: [{ type: 'missing', loc: ['path', 'client_secret'], msg: 'Field required', input: null }],
    });
    assertValidationError(await goRequest('GET', `/v1/checkouts/client/${created.client_secret}`), [
      'path',
      'client_secret',
    ]);
  });

  it('4XX (410 once expired) and 5XX APIError', async () => {
    const expired = await api.scenario('expired');
    assert.equal((await goRequest('GET', `/v1/checkouts/client/${expired.client_secret}`)).status, 410);
    const created = await createSession();
    await injectFault('client_get', 503);
    assert.equal((await goRequest('GET', `/v1/checkouts/client/${created.client_secret}`)).status, 503);
  });
});

describe('ClientUpdate with an empty CheckoutUpdatePublic', () => {
  it('answers the CheckoutPublic', async () => {
    const created = await createSession({ ...SEED_CREATE_BODY, product_price_id: monthlyPriceId });
    const response = await goRequest('PATCH', `/v1/checkouts/client/${created.client_secret}`, { body: {} });
    assert.equal(response.status, 200);
    assert.equal(response.body.id, created.id);
    assert.equal(response.body.product_price_id, monthlyPriceId);
    assert.equal((await polar.checkouts.clientUpdate(created.client_secret, {})).id, created.id);
  });

  it('403 CheckoutForbiddenError, 404 ResourceNotFound, 422 HTTPValidationError', async () => {
    const created = await createSession({ products: [productIds.free], customer_email: 'ada@example.com' });
    assert.equal(
      (await goRequest('POST', `/v1/checkouts/client/${created.client_secret}/confirm`, { token: TOKEN, body: {} }))
        .status,
      200,
    );
    const forbidden = await goRequest('PATCH', `/v1/checkouts/client/${created.client_secret}`, { body: {} });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.error, 'NotOpenCheckout');

    assert.equal(
      (await goRequest('PATCH', `/v1/checkouts/client/${encodeURIComponent('<value>')}`, { body: {} })).status,
      404,
    );
    const open = await createSession();
    assertValidationError(
      await goRequest('PATCH', `/v1/checkouts/client/${open.client_secret}`, { body: { customer_email: 'nope' } }),
      ['body', 'customer_email'],
    );
  });

  it('4XX (409 while locked, 410 once expired) and 5XX APIError', async () => {
    const created = await createSession();
    await injectFault('client_update', 409);
    const locked = await goRequest('PATCH', `/v1/checkouts/client/${created.client_secret}`, { body: {} });
    assert.equal(locked.status, 409);
    assert.equal(locked.body.error, 'CheckoutLocked');
    const expired = await api.scenario('expired');
    assert.equal((await goRequest('PATCH', `/v1/checkouts/client/${expired.client_secret}`, { body: {} })).status, 410);
    await injectFault('client_update', 500);
    assert.equal((await goRequest('PATCH', `/v1/checkouts/client/${created.client_secret}`, { body: {} })).status, 500);
  });
});

describe('ClientConfirm with an empty CheckoutConfirmStripe', () => {
  it('confirms a session that needs no payment, with the token the Go example sends', async () => {
    const created = await createSession({ products: [productIds.free], customer_email: 'ada@example.com' });
    const response = await goRequest('POST', `/v1/checkouts/client/${created.client_secret}/confirm`, {
      token: TOKEN,
      body: {},
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.id, created.id);
    assert.equal(response.body.status, 'confirmed');
    assert.equal(typeof response.body.customer_session_token, 'string');
  });

  it('400 PaymentError when the card is declined', async () => {
    const created = await createSession({
      ...SEED_CREATE_BODY,
      product_price_id: products.oneTime.prices[0]!.id,
      customer_email: 'ada@example.com',
    });
    const declined = await goRequest('POST', `/v1/checkouts/client/${created.client_secret}/confirm`, {
      token: TOKEN,
      body: { confirmation_token_id: 'ctoken_decline_seed' },
    });
    assert.equal(declined.status, 400);
    assert.equal(declined.body.error, 'PaymentError');
  });

  it('403 CheckoutForbiddenError, 404 ResourceNotFound, 422 HTTPValidationError', async () => {
    const free = await createSession({ products: [productIds.free], customer_email: 'ada@example.com' });
    assert.equal(
      (await goRequest('POST', `/v1/checkouts/client/${free.client_secret}/confirm`, { token: TOKEN, body: {} }))
        .status,
      200,
    );
    const again = await goRequest('POST', `/v1/checkouts/client/${free.client_secret}/confirm`, {
      token: TOKEN,
      body: {},
    });
    assert.equal(again.status, 403);
    assert.equal(again.body.error, 'NotOpenCheckout');
    await rejectionOf(polar.checkouts.clientConfirm(free.client_secret, {}), errors.CheckoutsClientConfirm403Error);

    const missing = await goRequest('POST', `/v1/checkouts/client/${encodeURIComponent('<value>')}/confirm`, {
      token: TOKEN,
      body: {},
    });
    assert.equal(missing.status, 404);

    // A paid session confirmed with the example's empty body lacks the payment: Polar names the missing token.
    const paid = await createSession({
      ...SEED_CREATE_BODY,
      product_price_id: monthlyPriceId,
      customer_email: 'ada@example.com',
    });
    assertValidationError(
      await goRequest('POST', `/v1/checkouts/client/${paid.client_secret}/confirm`, { token: TOKEN, body: {} }),
      ['body', 'confirmation_token_id'],
    );
  });

  it('4XX (409 while locked, 410 once expired) and 5XX APIError', async () => {
    const created = await createSession({ products: [productIds.free], customer_email: 'ada@example.com' });
    await injectFault('client_confirm', 409);
    assert.equal(
      (await goRequest('POST', `/v1/checkouts/client/${created.client_secret}/confirm`, { token: TOKEN, body: {} }))
        .status,
      409,
    );
    const expired = await api.scenario('expired');
    assert.equal(
      (await goRequest('POST', `/v1/checkouts/client/${expired.client_secret}/confirm`, { token: TOKEN, body: {} }))
        .status,
      410,
    );
    await injectFault('client_confirm', 502);
    assert.equal(
      (await goRequest('POST', `/v1/checkouts/client/${created.client_secret}/confirm`, { token: TOKEN, body: {} }))
        .status,
      502,
    );
  });
});
