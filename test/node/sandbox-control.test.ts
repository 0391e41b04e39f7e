import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkResponse } from '../../demo/sandbox/contract/responses.js';
import { Contract } from '../../demo/sandbox/contract/spec.js';
import { ViolationLog } from '../../demo/sandbox/contract/violations.js';
import { startSandbox } from '../../demo/sandbox/server.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';
import { startTestSandbox, stopTestSandbox } from './sandbox-support.js';

let sandbox: RunningSandbox;
let api: SandboxClient;

before(async () => ({ sandbox, api } = await startTestSandbox()));
after(() => stopTestSandbox(sandbox, api));

const preflight = (path: string, method: string, headers: string) =>
  fetch(`${sandbox.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://shop.example',
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });

describe('startSandbox', () => {
  it('listens on loopback with a URL without trailing slash', () => {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(sandbox.url, `http://127.0.0.1:${sandbox.port}`);
  });

  it('keeps two sandboxes apart', async () => {
    const other = await startSandbox({ port: 0, fast: true });
    try {
      const { client_secret } = await api.scenario('one-time');
      const elsewhere = await new SandboxClient(other.url).get(client_secret);
      assert.equal(elsewhere.status, 404);
    } finally {
      await other.close();
    }
  });

  it('ends open event streams when it closes', async () => {
    const other = await startSandbox({ port: 0, fast: true });
    const client = new SandboxClient(other.url);
    const { client_secret } = await client.scenario('one-time');
    const response = await fetch(`${other.url}/v1/checkouts/client/${client_secret}/stream`);
    const reader = response.body!.getReader();
    await other.close();
    const { done } = await reader.read();
    assert.equal(done, true);
  });

  it('delays API answers and preflights by latencyMs, not the control endpoints', async () => {
    const slow = await startSandbox({ port: 0, fast: true, latencyMs: 150 });
    const client = new SandboxClient(slow.url);
    try {
      const timed = async (request: () => Promise<unknown>) => {
        const start = performance.now();
        await request();
        return performance.now() - start;
      };
      const { client_secret } = await client.scenario('one-time');
      const path = `/v1/checkouts/client/${client_secret}`;
      assert.ok((await timed(() => client.request('GET', '/__sandbox/scenarios'))) < 100);
      assert.ok((await timed(() => client.get(client_secret))) >= 150);
      const options = {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'PATCH' },
      };
      assert.ok((await timed(() => fetch(`${slow.url}${path}`, options))) >= 150);
    } finally {
      await slow.close();
    }
  });
});

describe('CORS, as Polar configures it', () => {
  it('answers the preflight of a PATCH with the allowed methods and headers', async () => {
    const { client_secret } = await api.scenario('one-time');
    const response = await preflight(
      `/v1/checkouts/client/${client_secret}`,
      'PATCH',
      'content-type,authorization,polar-version',
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    assert.match(response.headers.get('access-control-allow-methods') ?? '', /PATCH/);
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const header of [
      'Accept',
      'Accept-Language',
      'Content-Language',
      'Content-Type',
      'Authorization',
      'Polar-Version',
    ]) {
      assert.ok(allowed.includes(header), `${header} is allowed`);
    }
  });

  it('refuses request headers Polar does not allow', async () => {
    const response = await preflight('/v1/checkouts/client/whatever', 'GET', 'x-custom');
    assert.equal(response.status, 400);
    assert.equal(await response.text(), 'Disallowed CORS headers');
  });

  it('marks actual responses for any origin, without credentials', async () => {
    const { client_secret } = await api.scenario('one-time');
    const response = await api.request('GET', `/v1/checkouts/client/${client_secret}`, undefined, {
      origin: 'https://shop.example',
    });
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
    const error = await api.request('GET', '/v1/checkouts/client/unknown', undefined, {
      origin: 'https://shop.example',
    });
    assert.equal(error.headers.get('access-control-allow-origin'), '*', 'errors are readable cross-origin too');
  });
});

describe('faults', () => {
  it('answers the next matching request with the injected status, then recovers', async () => {
    const { client_secret } = await api.scenario('one-time');
    const added = await api.request('POST', '/__sandbox/faults', { operation: 'client_update', status: 409 });
    assert.equal(added.status, 201);
    const locked = await api.update(client_secret, { customer_name: 'Jane' });
    assert.equal(locked.status, 409);
    assert.deepEqual(locked.body, {
      error: 'CheckoutLocked',
      detail: 'Checkout is currently being processed. Please try again.',
    });
    assert.equal((await api.get(client_secret)).body.customer_name, null, 'the faulted request did nothing');
    const next = await api.update(client_secret, { customer_name: 'Jane' });
    assert.equal(next.status, 200);
  });

  it('applies `times` and a custom body, and only to its operation', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', {
      operation: 'client_get',
      times: 2,
      status: 503,
      body: { detail: 'down' },
    });
    assert.equal((await api.update(client_secret, { locale: 'en' })).status, 200, 'other operations are untouched');
    const first = await api.get(client_secret);
    assert.deepEqual([first.status, first.body], [503, { detail: 'down' }]);
    assert.equal((await api.get(client_secret)).status, 503);
    assert.equal((await api.get(client_secret)).status, 200);
  });

  it('slows requests down without changing them', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', { operation: 'any', delayMs: 250, client_secret });
    const start = Date.now();
    const { status } = await api.get(client_secret);
    assert.equal(status, 200);
    assert.ok(Date.now() - start >= 240, 'the request was delayed');
  });

  it('drops the connection for a network fault', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', { operation: 'client_confirm', network: true });
    await assert.rejects(api.confirm(client_secret, { customer_email: 'jane@example.com' }));
    assert.equal((await api.get(client_secret)).body.status, 'open');
  });

  it('faults the event stream', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', { operation: 'stream', status: 502 });
    const response = await api.request('GET', `/v1/checkouts/client/${client_secret}/stream`);
    assert.equal(response.status, 502);
  });

  it('lists, clears and rejects malformed faults', async () => {
    await api.request('POST', '/__sandbox/faults', { operation: 'client_get', status: 500 });
    assert.equal((await api.request('GET', '/__sandbox/faults')).body.length, 1);
    assert.deepEqual((await api.request('DELETE', '/__sandbox/faults')).body, { cleared: 1 });
    const bad = await api.request('POST', '/__sandbox/faults', { operation: 'teleport', status: 500 });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error, 'InvalidFault');
  });
});

describe('request log', () => {
  it('records what the browser sent, per checkout', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.update(client_secret, { customer_name: 'Jane' });
    await api.request('GET', `/v1/checkouts/client/${client_secret}`, undefined, {
      origin: 'https://shop.example',
      cookie: 'session=1',
      authorization: 'Bearer ',
    });
    const { body } = await api.request('GET', `/__sandbox/requests?client_secret=${client_secret}`);
    assert.deepEqual(
      body.map((entry: { method: string; operation: string; status: number }) => [
        entry.method,
        entry.operation,
        entry.status,
      ]),
      [
        ['PATCH', 'client_update', 200],
        ['GET', 'client_get', 200],
      ],
    );
    assert.deepEqual(body[0].body, { customer_name: 'Jane' });
    assert.equal(body[1].origin, 'https://shop.example');
    assert.equal(body[1].hasCookie, true);
    assert.equal(body[1].authorization, 'Bearer');
    assert.ok(!Number.isNaN(Date.parse(body[0].at)));
  });
});

describe('control endpoints and routing', () => {
  it('lists the scenarios', async () => {
    const { body } = await api.request('GET', '/__sandbox/scenarios');
    const names = body.map((scenario: { name: string }) => scenario.name);
    for (const name of [
      'one-time',
      'subscription',
      'pay-what-you-want',
      'free',
      'multiple-products',
      'discount-codes',
      'billing-address',
      'trial',
      'eur-inclusive-tax',
      'custom-fields',
      'seats',
      'prefilled',
      'expired',
    ]) {
      assert.ok(names.includes(name), `scenario ${name}`);
    }
    assert.ok(body.every((scenario: { title: string; description: string }) => scenario.title && scenario.description));
  });

  it('merges a body into a scenario and validates it like Create', async () => {
    const created = await api.scenario('prefilled', { customer_email: 'other@example.com' });
    assert.equal(created.customer_email, 'other@example.com');
    assert.equal(created.customer_name, 'Jane Doe');
    assert.equal(created.customer_billing_address.state, 'US-NY');
    const invalid = await api.request('POST', '/__sandbox/scenarios/one-time', { customer_email: 'nope' });
    assert.equal(invalid.status, 422);
    const unknown = await api.request('POST', '/__sandbox/scenarios/nope');
    assert.equal(unknown.status, 404);
  });

  it('shows the stored state of a session', async () => {
    const { client_secret, id } = await api.scenario('one-time');
    await api.update(client_secret, { customer_billing_address: { country: 'GB' } });
    const { status, body } = await api.request('GET', `/__sandbox/checkouts/${client_secret}`);
    assert.equal(status, 200);
    assert.equal(body.id, id);
    assert.equal(body.status, 'open');
    assert.equal(body.customer_billing_address.country, 'GB');
    assert.equal(body.total_amount, 5880);
    assert.equal(body.record.taxAmount, 980);
    assert.equal(body.public.organization.slug, 'acme-sandbox');
    assert.equal((await api.request('GET', '/__sandbox/checkouts/polar_c_nope')).status, 404);
  });

  it('answers unknown routes and methods with JSON', async () => {
    const unknown = await api.request('GET', '/v1/nothing-here');
    assert.deepEqual([unknown.status, unknown.body], [404, { detail: 'Not Found' }]);
    const method = await api.request('DELETE', '/v1/checkouts/client/whatever');
    assert.deepEqual([method.status, method.body], [405, { detail: 'Method Not Allowed' }]);
  });

  it('echoes the API version and refuses versions Polar does not know', async () => {
    const { client_secret } = await api.scenario('one-time');
    const known = await api.request('GET', `/v1/checkouts/client/${client_secret}`, undefined, {
      'polar-version': '2026-10',
    });
    assert.equal(known.status, 200);
    assert.equal(known.headers.get('polar-version'), '2026-10');
    const unknown = await api.request('GET', `/v1/checkouts/client/${client_secret}`, undefined, {
      'polar-version': '1999-01',
    });
    assert.deepEqual([unknown.status, unknown.body], [404, { detail: 'Not Found' }]);
  });

  it('forgets everything on reset', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/reset');
    assert.equal((await api.get(client_secret)).status, 404);
    assert.deepEqual((await api.request('GET', '/__sandbox/faults')).body, []);
  });
});

describe('contract enforcement', () => {
  it('records a response that breaks the spec and explains why', () => {
    const contract = new Contract();
    const violations = new ViolationLog();
    const originalWrite = process.stderr.write.bind(process.stderr);
    const printed: string[] = [];
    process.stderr.write = ((chunk: string) =>
      printed.push(String(chunk)) > 0) as unknown as typeof process.stderr.write;
    try {
      const problem = checkResponse(contract, violations, 'client_get', 404, { error: 'ResourceNotFound' });
      assert.match(problem ?? '', /detail/);
      const undeclared = checkResponse(contract, violations, 'client_get', 409, {});
      assert.match(undeclared ?? '', /not declared/);
      assert.equal(
        checkResponse(contract, violations, 'client_get', 404, { error: 'ResourceNotFound', detail: 'Not found' }),
        null,
      );
    } finally {
      process.stderr.write = originalWrite;
    }
    assert.equal(violations.list().length, 2);
    assert.equal(printed.length, 2, 'violations are printed to stderr');
  });

  it('registers the pydantic formats instead of ignoring them', () => {
    const contract = new Contract();
    const product = contract.component('CheckoutProduct');
    assert.equal(product({ id: 'not-a-uuid' }), false);
    const organization = contract.component('CheckoutOrganization');
    const valid = {
      created_at: '2026-01-01T00:00:00Z',
      modified_at: null,
      id: '5e8bd0b5-6c65-4f0a-9b3d-2f3b2b7f0a11',
      name: 'x',
      slug: 'x',
      avatar_url: null,
      proration_behavior: 'prorate',
      allow_customer_updates: true,
    };
    assert.equal(organization(valid), true);
    assert.equal(
      organization({ ...valid, id: '5e8bd0b5-6c65-1f0a-9b3d-2f3b2b7f0a11' }),
      false,
      'a UUID v1 is not a uuid4',
    );
  });
});
