/**
 * What a storefront's server sees from Polar's official SDK when things go wrong: missing, unknown and
 * under-scoped tokens, a Polar it cannot reach, a slow Polar, server errors and rate limiting.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, it } from 'node:test';
import { PolarClientError, PolarError, PolarNetworkError, PolarRateLimitError, PolarServerError } from '@polar-sh/sdk';
import { createPolar, errors } from '@polar-sh/sdk/2026-10';
import { productIds } from '../../demo/sandbox/catalogue/index.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { rejectionOf, sandboxControl } from './sdk-support.js';

let sandbox: RunningSandbox;
let polar: ReturnType<typeof createPolar>;
let readOnly: ReturnType<typeof createPolar>;

const control = (method: string, path: string, body?: unknown) => sandboxControl(sandbox.url, method, path, body);

before(async () => {
  sandbox = await startSandbox({ port: 0, fast: true });
  polar = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: sandbox.url });
  readOnly = createPolar({ accessToken: 'polar_oat_sandbox_read', baseUrl: sandbox.url });
});

afterEach(async () => {
  await control('DELETE', '/faults');
});

after(async () => {
  const violations = await control('GET', '/violations');
  await sandbox.close();
  assert.deepEqual(violations, [], 'the sandbox answered something its contract does not allow');
});

/**
 * For statuses an operation does not declare (401 everywhere, 403 on Create) the SDK throws the base
 * `PolarClientError` with the body as unparsed text.
 */
function parsedBody(error: PolarClientError): { error: string } {
  assert.equal(typeof error.error, 'string');
  return JSON.parse(error.error as string) as { error: string };
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('authentication', () => {
  it('answers 401 without a token', async () => {
    const anonymous = createPolar({ accessToken: '', baseUrl: sandbox.url });
    const failure = await rejectionOf(anonymous.checkouts.list(), PolarClientError);
    assert.equal(failure.statusCode, 401);
    assert.equal(failure.name, 'PolarClientError');
    assert.deepEqual(parsedBody(failure), { error: 'Unauthorized', detail: 'Unauthorized' });
    const onCreate = await rejectionOf(
      anonymous.checkouts.create({ products: [productIds.oneTime] }),
      PolarClientError,
    );
    assert.equal(onCreate.statusCode, 401);
  });

  it('answers 401 invalid_token for an unknown token, and for a token left undefined', async () => {
    const wrong = createPolar({ accessToken: 'polar_oat_not_ours', baseUrl: sandbox.url });
    const failure = await rejectionOf(wrong.checkouts.list(), PolarClientError);
    assert.equal(failure.statusCode, 401);
    assert.equal(parsedBody(failure).error, 'invalid_token');

    // What `createPolar({ accessToken: process.env.POLAR_ACCESS_TOKEN })` does with the variable unset: it sends `Bearer undefined`.
    const unset = createPolar({ accessToken: undefined as unknown as string, baseUrl: sandbox.url });
    const unsetFailure = await rejectionOf(
      unset.checkouts.create({ products: [productIds.oneTime] }),
      PolarClientError,
    );
    assert.equal(unsetFailure.statusCode, 401);
    assert.equal(parsedBody(unsetFailure).error, 'invalid_token');
  });

  it('rejects an unknown token even on the client endpoints, which need none', async () => {
    const { client_secret } = await polar.checkouts.create({ products: [productIds.oneTime] });
    const wrong = createPolar({ accessToken: 'polar_oat_not_ours', baseUrl: sandbox.url });
    const failure = await rejectionOf(wrong.checkouts.clientGet(client_secret), PolarClientError);
    assert.equal(failure.statusCode, 401);
    const anonymous = createPolar({ accessToken: '', baseUrl: sandbox.url });
    assert.equal((await anonymous.checkouts.clientGet(client_secret)).status, 'open');
  });

  it('lets a read-only token list and get, and answers 403 insufficient_scope on Create and Update', async () => {
    const created = await polar.checkouts.create({ products: [productIds.oneTime] });
    const listed = await readOnly.checkouts.list();
    assert.ok(listed.items.some((item) => item.id === created.id));
    assert.equal((await readOnly.checkouts.get(created.id)).id, created.id);

    const onCreate = await rejectionOf(readOnly.checkouts.create({ products: [productIds.oneTime] }), PolarClientError);
    assert.equal(onCreate.statusCode, 403);
    assert.equal(parsedBody(onCreate).error, 'insufficient_scope');

    // Update declares a 403, so the SDK parses it, typed as a CheckoutForbiddenError although it is not one.
    const onUpdate = await rejectionOf(
      readOnly.checkouts.update(created.id, { metadata: { x: 1 } }),
      errors.CheckoutsUpdate403Error,
    );
    assert.equal(onUpdate.statusCode, 403);
    assert.equal(onUpdate.error.error as string, 'insufficient_scope');
    assert.deepEqual((await polar.checkouts.get(created.id)).metadata, {}, 'nothing was written');
  });

  it('takes a per-request token over the client’s', async () => {
    const created = await readOnly.checkouts.create(
      { products: [productIds.oneTime] },
      { accessToken: 'polar_oat_sandbox_full' },
    );
    assert.equal(created.status, 'open');
  });
});

describe('transport failures', () => {
  it('throws PolarNetworkError when nothing listens on the port', async () => {
    const nowhere = createPolar({
      accessToken: 'polar_oat_sandbox_full',
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    const failure = await rejectionOf(nowhere.checkouts.list(), PolarNetworkError);
    assert.ok(failure instanceof PolarError);
    assert.ok(!(failure instanceof PolarClientError), 'no status to speak of');
    assert.match(failure.message, /^Polar API network error/);
  });

  it('throws PolarNetworkError once the sandbox is closed', async () => {
    const other = await startSandbox({ port: 0, fast: true });
    const client = createPolar({ accessToken: 'polar_oat_sandbox_full', baseUrl: other.url });
    const created = await client.checkouts.create({ products: [productIds.oneTime] });
    await other.close();
    await rejectionOf(client.checkouts.get(created.id), PolarNetworkError);
    await rejectionOf(client.checkouts.clientGet(created.client_secret), PolarNetworkError);
  });

  it('throws PolarNetworkError when the connection drops mid-request', async () => {
    await control('POST', '/faults', { operation: 'create', network: true });
    await rejectionOf(polar.checkouts.create({ products: [productIds.oneTime] }), PolarNetworkError);
    const retried = await polar.checkouts.create({ products: [productIds.oneTime] });
    assert.equal(retried.status, 'open', 'the fault was used up');
  });

  it('gives up after the request timeout', async () => {
    await control('POST', '/faults', { operation: 'list', delayMs: 1500 });
    const started = Date.now();
    await rejectionOf(polar.checkouts.list({}, { timeout: 0.2 }), PolarNetworkError);
    assert.ok(Date.now() - started < 1200, 'it did not wait for the slow answer');
  });
});

describe('server errors and rate limiting', () => {
  it('throws PolarServerError for a 5xx, with the status in its message', async () => {
    await control('POST', '/faults', { operation: 'create', status: 503 });
    const failure = await rejectionOf(polar.checkouts.create({ products: [productIds.oneTime] }), PolarServerError);
    assert.match(failure.message, /server error: 503/);
    assert.match(failure.message, /InternalServerError/, 'the body is kept in the message');
    assert.ok(!(failure instanceof PolarClientError));

    await control('POST', '/faults', { operation: 'client_get', status: 500 });
    const { client_secret } = await polar.checkouts.create({ products: [productIds.oneTime] });
    await rejectionOf(polar.checkouts.clientGet(client_secret), PolarServerError);
  });

  it('throws PolarRateLimitError for a 429, with Retry-After when Polar sends it', async () => {
    await control('POST', '/faults', { operation: 'list', status: 429, headers: { 'retry-after': '30' } });
    const limited = await rejectionOf(polar.checkouts.list(), PolarRateLimitError);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.retryAfter, 30);
    assert.ok(limited instanceof PolarClientError);

    await control('POST', '/faults', { operation: 'create', status: 429 });
    const bare = await rejectionOf(polar.checkouts.create({ products: [productIds.oneTime] }), PolarRateLimitError);
    assert.equal(bare.retryAfter, null);
  });

  it('throws CheckoutLocked for a 409 while the session is being processed', async () => {
    const { client_secret } = await polar.checkouts.create({ products: [productIds.oneTime] });
    await control('POST', '/faults', { operation: 'client_update', status: 409, client_secret });
    const locked = await rejectionOf(
      polar.checkouts.clientUpdate(client_secret, { customer_name: 'Wait' }),
      errors.CheckoutLocked,
    );
    assert.equal(locked.statusCode, 409);
    assert.equal(locked.error.error, 'CheckoutLocked');
    const retried = await polar.checkouts.clientUpdate(client_secret, { customer_name: 'Wait' });
    assert.equal(retried.customer_name, 'Wait');
  });
});
