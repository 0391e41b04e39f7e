/** What a careless or hostile client can throw at the sandbox: it must answer as Polar would and stay up. */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, afterEach, before, describe, it } from 'node:test';
import { RequestLog } from '../../demo/sandbox/control/request-log.js';
import type { LoggedRequest } from '../../demo/sandbox/control/request-log.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import type { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';
import { startTestSandbox, stopTestSandbox } from './sandbox-support.js';

let sandbox: RunningSandbox;
let api: SandboxClient;

before(async () => ({ sandbox, api } = await startTestSandbox()));
after(() => stopTestSandbox(sandbox, api));

// Every abuse must leave a sandbox that still answers, and that has not broken its contract.
afterEach(async () => {
  await api.request('DELETE', '/__sandbox/faults');
  const scenarios = await api.request('GET', '/__sandbox/scenarios');
  assert.equal(scenarios.status, 200, 'the sandbox still answers');
  assert.deepEqual((await api.request('GET', '/__sandbox/violations')).body, [], 'no contract violation was recorded');
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** Sends exactly this path and body, which `fetch` would not: it normalizes dot segments and encodes bodies. */
function rawRequest(
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(sandbox.url);
    const req = httpRequest({
      host: hostname,
      port,
      method,
      path,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

const MiB = 1024 * 1024;

/** The size of what `GET /__sandbox/requests` hands out: what the log retains, give or take. */
async function loggedBytes(): Promise<number> {
  const response = await fetch(`${sandbox.url}/__sandbox/requests`);
  assert.equal(response.status, 200, 'the request log is readable');
  return Buffer.byteLength(await response.text());
}

describe('request log under large bodies', () => {
  it('logs a summary of a huge body instead of the body', async () => {
    const { client_secret } = await api.scenario('one-time');
    const body = JSON.stringify({ customer_name: 'x'.repeat(MiB - 100) });
    // 24 of them would keep 24 MB before the log was bounded in bytes.
    for (let i = 0; i < 24; i++) {
      const { status } = await api.update(client_secret, body);
      assert.ok(status < 500, `PATCH ${i} answered ${status}`);
    }
    const { body: entries } = await api.request('GET', `/__sandbox/requests?client_secret=${client_secret}`);
    const patches = entries.filter((entry: { method: string }) => entry.method === 'PATCH');
    assert.equal(patches.length, 24);
    // Compared as text so that a failure does not print a megabyte.
    assert.equal(
      JSON.stringify(patches[0].body).slice(0, 100),
      JSON.stringify({ truncated: true, bytes: Buffer.byteLength(body) }),
    );
    assert.ok((await loggedBytes()) < 16 * MiB);
  });

  it('forgets the oldest entries once it holds 16 MiB', async () => {
    await api.request('POST', '/__sandbox/reset');
    const { client_secret } = await api.scenario('one-time');
    // Small enough to be logged whole: 320 × 60 kB is 19 MB of bodies.
    const body = (i: number) => JSON.stringify({ customer_name: `${i}:${'y'.repeat(60_000)}` });
    for (let i = 0; i < 320; i++) await api.update(client_secret, body(i));
    const bytes = await loggedBytes();
    assert.ok(bytes <= 16 * MiB + 64 * 1024, `the log holds ${bytes} bytes`);
    assert.ok(bytes > 12 * MiB, 'it keeps as much as it may');
    const { body: entries } = await api.request('GET', `/__sandbox/requests?client_secret=${client_secret}`);
    assert.ok(JSON.stringify(entries.at(-1).body) === body(319), 'the latest request is kept whole');
    assert.ok(entries.length < 300, 'the oldest requests were forgotten');
  });
});

describe('RequestLog', () => {
  const entry = (body: unknown): LoggedRequest => ({
    at: new Date(0).toISOString(),
    method: 'PATCH',
    path: '/v1/checkouts/client/polar_c_x',
    operation: 'client_update',
    status: 200,
    body,
    origin: null,
    hasCookie: false,
    authorization: null,
    clientSecret: 'polar_c_x',
  });

  it('weighs its entries as JSON and keeps within its byte budget', () => {
    const log = new RequestLog({ maxBytes: 5_000, maxEntries: 100 });
    for (let i = 0; i < 50; i++) log.add(entry({ customer_name: `${i}`.padEnd(500, '.') }));
    assert.ok(log.bytes <= 5_000);
    assert.equal(
      log.bytes,
      Buffer.byteLength(JSON.stringify(log.list())) - log.list().length - 1,
      'the figure is the JSON it hands out',
    );
    assert.equal((log.list().at(-1)!.body as { customer_name: string }).customer_name.split('.')[0], '49');
  });

  it('keeps an entry bigger than the budget until the next one arrives', () => {
    const log = new RequestLog({ maxBytes: 100, maxEntries: 100 });
    log.add(entry('z'.repeat(1_000)));
    assert.equal(log.list().length, 1);
    log.add(entry(null));
    assert.deepEqual(
      log.list().map((logged) => logged.body),
      [null],
    );
  });

  it('replaces a body that cannot be serialized, so that listing it cannot fail', () => {
    const log = new RequestLog();
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    log.add(entry(cyclic));
    assert.equal(JSON.stringify(log.list().map((logged) => logged.body)), '[{"unserializable":true}]');
  });
});

describe('JSON nested too deep', () => {
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const merchant = { authorization: 'Bearer polar_oat_sandbox_full' };

  it('answers 422 json_invalid for nesting deeper than 64 levels, before validating anything', async () => {
    const { client_secret } = await api.scenario('one-time');
    const body = `{"customer_name": ${nested(5_000)}}`;
    const { status, body: answer } = await api.update(client_secret, body);
    assert.equal(status, 422);
    assert.equal(answer.error, 'RequestValidationError');
    assert.deepEqual(answer.detail, [
      {
        type: 'json_invalid',
        loc: ['body', 18 + 63],
        msg: 'JSON decode error',
        input: {},
        ctx: { error: 'Nested deeper than 64 levels' },
      },
    ]);
    assert.equal((await api.get(client_secret)).body.customer_name, null);
  });

  it('answers the same on the merchant API and on the control routes', async () => {
    const create = await api.request('POST', '/v1/checkouts/', `{"products": ${nested(5_000)}}`, merchant);
    assert.equal(create.status, 422);
    assert.equal(create.body.detail[0].type, 'json_invalid');
    const fault = await api.request(
      'POST',
      '/__sandbox/faults',
      `{"operation": "client_get", "status": 500, "body": ${nested(5_000)}}`,
    );
    assert.equal(fault.status, 422);
    assert.deepEqual((await api.request('GET', '/__sandbox/faults')).body, []);
  });

  it('parses 64 levels and validates them as usual', async () => {
    const { client_secret } = await api.scenario('one-time');
    const within = await api.update(client_secret, `{"customer_name": ${nested(63)}}`);
    assert.equal(within.status, 422);
    assert.equal(within.body.detail[0].type, 'string_type');
    const beyond = await api.update(client_secret, `{"customer_name": ${nested(64)}}`);
    assert.equal(beyond.body.detail[0].type, 'json_invalid');
    const inString = await api.update(client_secret, JSON.stringify({ customer_name: `\\"${'['.repeat(100)}` }));
    assert.equal(inString.status, 200, 'brackets inside a string do not nest');
  });

  it('keeps the request log readable after a deep body it never parsed', async () => {
    // Refused before its body is looked at: no token.
    const unauthorized = await api.request('POST', '/v1/checkouts/', nested(20_000));
    assert.equal(unauthorized.status, 401);
    const log = await api.request('GET', '/__sandbox/requests');
    assert.equal(log.status, 200);
    assert.equal(log.body.at(-1).body, nested(20_000), 'logged as the text it came as');
  });
});

describe('fault definitions', () => {
  const addFault = (fault: unknown) => api.request('POST', '/__sandbox/faults', fault);

  async function assertRefused(fault: unknown, detail: RegExp): Promise<void> {
    const { status, body } = await addFault(fault);
    assert.equal(status, 400, `${JSON.stringify(fault)} answered ${status}`);
    assert.equal(body.error, 'InvalidFault');
    assert.match(body.detail, detail);
    assert.deepEqual((await api.request('GET', '/__sandbox/faults')).body, [], 'nothing was queued');
  }

  it('refuses header names that are not tokens and values with CR, LF or NUL', async () => {
    await assertRefused(
      { operation: 'client_get', status: 429, headers: { 'retry-after': '1\r\nx-injected: yes' } },
      /retry-after/,
    );
    await assertRefused({ operation: 'client_get', status: 429, headers: { 'retry-after': '1\n' } }, /CR, LF, NUL/);
    await assertRefused({ operation: 'client_get', status: 429, headers: { 'retry-after': '1\u0000' } }, /CR, LF, NUL/);
    await assertRefused(
      { operation: 'client_get', status: 429, headers: { 'retry after': '1' } },
      /not a valid HTTP token/,
    );
    await assertRefused({ operation: 'client_get', status: 429, headers: { 'x-a:b': '1' } }, /not a valid HTTP token/);
    await assertRefused({ operation: 'client_get', status: 429, headers: { '': '1' } }, /not a valid HTTP token/);
    await assertRefused(
      { operation: 'client_get', status: 429, headers: { 'Content-Length': '0' } },
      /set by the sandbox/,
    );
    const { client_secret } = await api.scenario('one-time');
    assert.equal((await api.get(client_secret)).status, 200, 'no request is broken by a refused fault');
  });

  it('sends valid headers, whatever their case', async () => {
    const { client_secret } = await api.scenario('one-time');
    const added = await addFault({
      operation: 'client_get',
      status: 429,
      headers: { 'Retry-After': '30', 'X-RateLimit-Reset': 'soon' },
      client_secret,
    });
    assert.equal(added.status, 201);
    assert.deepEqual(added.body.headers, { 'retry-after': '30', 'x-ratelimit-reset': 'soon' });
    const limited = await api.get(client_secret);
    assert.deepEqual(
      [limited.status, limited.headers.get('retry-after'), limited.headers.get('x-ratelimit-reset')],
      [429, '30', 'soon'],
    );
  });

  it('refuses delays over ten minutes, negative or not finite', async () => {
    await assertRefused({ operation: 'client_get', delayMs: 2 ** 31 }, /delayMs/);
    await assertRefused({ operation: 'client_get', delayMs: 600_001 }, /delayMs/);
    await assertRefused({ operation: 'client_get', delayMs: -1 }, /delayMs/);
    await assertRefused('{"operation": "client_get", "delayMs": 1e400}', /delayMs/);
    await assertRefused({ operation: 'client_get', delayMs: '100' }, /delayMs/);
    const tenMinutes = await addFault({ operation: 'client_get', delayMs: 600_000, client_secret: 'polar_c_nobody' });
    assert.equal(tenMinutes.status, 201);
  });

  it('refuses unknown fields and malformed new options', async () => {
    await assertRefused({ operation: 'client_get', delay: 100 }, /Unknown field delay/);
    await assertRefused({ operation: 'client_get', status: 500, after: 'yes' }, /after must be a boolean/);
    await assertRefused({ operation: 'stream', network: true, after: true }, /after does not apply to stream/);
    await assertRefused({ operation: 'client_get', rawBody: { id: 1 } }, /rawBody must be a string/);
    await assertRefused({ operation: 'client_get', rawBody: 'null', body: null }, /body or rawBody/);
  });
});

describe('faults applied to the answer (after: true)', () => {
  const buyer = {
    customer_email: 'jane@example.com',
    customer_name: 'Jane Doe',
    customer_billing_address: { country: 'FR' },
  };
  let tokens = 0;
  const token = () => `ctoken_card_${Date.now()}${(tokens += 1)}`;

  it('loses the answer of a confirm that did charge', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', {
      operation: 'client_confirm',
      network: true,
      after: true,
      client_secret,
    });
    await assert.rejects(api.confirm(client_secret, { ...buyer, confirmation_token_id: token() }));
    const state = (await api.request('GET', `/__sandbox/checkouts/${client_secret}`)).body;
    assert.ok(['confirmed', 'succeeded'].includes(state.status), `the confirm went through: ${state.status}`);
    const retry = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.deepEqual(
      [retry.status, retry.body.error],
      [403, 'NotOpenCheckout'],
      'a retry finds it confirmed, as on Polar',
    );
    const logged = (await api.request('GET', `/__sandbox/requests?client_secret=${client_secret}`)).body;
    assert.equal(logged.find((entry: { operation: string }) => entry.operation === 'client_confirm').status, 0);
  });

  it('replaces the answer of an update that was stored', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', {
      operation: 'client_update',
      status: 503,
      after: true,
      client_secret,
    });
    const { status, body } = await api.update(client_secret, { customer_name: 'Jane' });
    assert.deepEqual([status, body], [503, { error: 'InternalServerError', detail: 'Internal Server Error' }]);
    assert.equal((await api.get(client_secret)).body.customer_name, 'Jane');
  });

  it('delays the real answer', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', {
      operation: 'client_update',
      delayMs: 250,
      after: true,
      client_secret,
    });
    const start = Date.now();
    const updating = api.update(client_secret, { customer_name: 'Jane' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await api.get(client_secret)).body.customer_name, 'Jane', 'stored before the answer left');
    const { status, body } = await updating;
    assert.deepEqual([status, body.customer_name], [200, 'Jane']);
    assert.ok(Date.now() - start >= 240);
  });

  it('leaves the event stream alone', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', { operation: 'any', status: 500, after: true, client_secret });
    const stream = await api.stream(client_secret);
    stream.close();
    assert.equal((await api.get(client_secret)).status, 500, 'the next whole answer takes it');
  });
});

describe('raw fault bodies', () => {
  it('sends the text as is, as JSON, with status 200 by default', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', { operation: 'client_get', rawBody: '{"id": ', client_secret });
    const response = await fetch(`${sandbox.url}/v1/checkouts/client/${client_secret}`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(await response.text(), '{"id": ');
  });

  it('takes a status, and applies after processing too', async () => {
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', '/__sandbox/faults', {
      operation: 'client_update',
      rawBody: 'null',
      status: 201,
      after: true,
      client_secret,
    });
    const { status, body } = await api.update(client_secret, { customer_name: 'Jane' });
    assert.deepEqual([status, body], [201, null]);
    assert.equal((await api.get(client_secret)).body.customer_name, 'Jane');
  });
});

describe('paths with dot segments', () => {
  const notFound = (response: RawResponse) =>
    assert.deepEqual([response.status, JSON.parse(response.text)], [404, { detail: 'Not Found' }]);

  it('never climb from a Polar route to a control route', async () => {
    const { client_secret } = await api.scenario('one-time');
    for (const path of [
      '/v1/checkouts/client/x/../../../../__sandbox/reset',
      '/v1/checkouts/client/x/%2e%2e/%2E%2E/%2e./.%2e/__sandbox/reset',
      '/v1/../__sandbox/reset',
      '/__sandbox/./reset',
      '/__sandbox/reset/.',
    ]) {
      notFound(await rawRequest('POST', path));
    }
    assert.equal((await api.get(client_secret)).status, 200, 'nothing was reset');
  });

  it('answer 404 on Polar routes too, rather than resolving them', async () => {
    const { client_secret } = await api.scenario('one-time');
    notFound(await rawRequest('GET', `/v1/checkouts/client/${client_secret}/stream/..`));
    notFound(await rawRequest('GET', `/v1/checkouts/client/x/../${client_secret}`));
    notFound(
      await rawRequest('GET', '/v1/checkouts/client/..', undefined, { authorization: 'Bearer polar_oat_sandbox_full' }),
    );
    notFound(
      await rawRequest('GET', '/v1/checkouts/%2e', undefined, { authorization: 'Bearer polar_oat_sandbox_full' }),
    );
  });

  it('are matched as sent: the absolute form, a query string and dots inside a segment are fine', async () => {
    const { client_secret } = await api.scenario('one-time');
    const absolute = await rawRequest('GET', `${sandbox.url}/v1/checkouts/client/${client_secret}?x=../..`);
    assert.equal(absolute.status, 200);
    const dotted = await rawRequest('GET', '/v1/checkouts/client/polar_c_a..b');
    assert.deepEqual(
      [dotted.status, JSON.parse(dotted.text).error],
      [404, 'ResourceNotFound'],
      'routed; just no such checkout',
    );
    notFound(await rawRequest('GET', '//127.0.0.1/__sandbox/scenarios'));
    const log = (await api.request('GET', '/__sandbox/requests')).body as { path: string }[];
    assert.ok(
      log.some((entry) => entry.path === '/v1/checkouts/client/x/../../../../__sandbox/reset'),
      'logged as sent',
    );
  });
});

describe('bodies', () => {
  it('answers 413 to a body of 1 MiB + 1 byte, and takes 1 MiB', async () => {
    const { client_secret } = await api.scenario('one-time');
    const padded = (bytes: number) => {
      const head = '{"customer_name": "Jane", "padding": "';
      return `${head}${'p'.repeat(bytes - head.length - 2)}"}`;
    };
    const tooBig = await api.update(client_secret, padded(MiB + 1));
    assert.deepEqual([tooBig.status, tooBig.body], [413, { detail: 'Request body too large' }]);
    assert.equal((await api.get(client_secret)).body.customer_name, null);
    const justRight = await api.update(client_secret, padded(MiB));
    assert.equal(justRight.status, 200);
    assert.equal(justRight.body.customer_name, 'Jane');
  });

  it('answers 413 to an upload far over the limit instead of resetting the connection', async () => {
    const { client_secret } = await api.scenario('one-time');
    for (const bytes of [MiB + 1, 1.5 * MiB, 4 * MiB, 16 * MiB]) {
      const start = Date.now();
      const response = await api.update(client_secret, ' '.repeat(bytes)).catch((error: Error) => error);
      assert.ok(!(response instanceof Error), `${bytes} bytes: ${String((response as Error).cause ?? response)}`);
      assert.equal(response.status, 413);
      assert.ok(Date.now() - start < 5_000, `${bytes} bytes took ${Date.now() - start} ms`);
    }
  });

  it('answers 400 to invalid UTF-8, as FastAPI does, and stores nothing', async () => {
    const { client_secret } = await api.scenario('one-time');
    const body = Buffer.concat([
      Buffer.from('{"customer_name": "Ja'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('ne"}'),
    ]);
    const response = await rawRequest('PATCH', `/v1/checkouts/client/${client_secret}`, body);
    assert.deepEqual(
      [response.status, JSON.parse(response.text)],
      [400, { detail: 'There was an error parsing the body' }],
    );
    assert.equal((await api.get(client_secret)).body.customer_name, null);
    const overlong = await rawRequest('POST', '/__sandbox/faults', Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]));
    assert.equal(overlong.status, 400, 'an overlong encoding is invalid too');
  });

  it('reads a UTF-8 body with a byte order mark, as Python does', async () => {
    const { client_secret } = await api.scenario('one-time');
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"customer_name": "Jäne"}')]);
    const response = await rawRequest('PATCH', `/v1/checkouts/client/${client_secret}`, body);
    assert.equal(response.status, 200);
    assert.equal(JSON.parse(response.text).customer_name, 'Jäne');
  });

  it('takes a body with 60,000 fields in reasonable time', async () => {
    const { client_secret } = await api.scenario('custom-fields');
    const fields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, i]));
    const start = Date.now();
    const extra = await api.update(client_secret, { customer_name: 'Jane', ...fields(60_000) });
    assert.equal(extra.status, 200, 'unknown fields are ignored, as pydantic does');
    assert.equal(extra.body.customer_name, 'Jane');
    const customFields = await api.update(client_secret, { custom_field_data: fields(60_000) });
    assert.ok(
      customFields.status === 200 || customFields.status === 422,
      `custom_field_data answered ${customFields.status}`,
    );
    const metadata = await api.request(
      'POST',
      '/v1/checkouts/',
      { products: [], metadata: fields(60_000) },
      { authorization: 'Bearer polar_oat_sandbox_full' },
    );
    assert.equal(metadata.status, 422);
    assert.ok(Date.now() - start < 10_000, `took ${Date.now() - start} ms`);
    const logged = (await api.request('GET', `/__sandbox/requests?client_secret=${client_secret}`)).body;
    assert.equal(logged.at(-1).body.truncated, true);
  });
});

describe('concurrent confirms of one session', () => {
  const buyer = {
    customer_email: 'jane@example.com',
    customer_name: 'Jane Doe',
    customer_billing_address: { country: 'FR' },
  };

  it('confirms once, refuses the others as Polar does, and succeeds once', async () => {
    const { client_secret } = await api.scenario('one-time');
    const confirms = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.confirm(client_secret, { ...buyer, confirmation_token_id: `ctoken_card_${Date.now()}_race${i}` }),
      ),
    );
    const statuses = confirms.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 200).length, 1, `statuses ${statuses.join(', ')}`);
    for (const refused of confirms.filter((response) => response.status !== 200)) {
      assert.ok(
        (refused.status === 403 && refused.body.error === 'NotOpenCheckout') ||
          (refused.status === 409 && refused.body.error === 'CheckoutLocked'),
        `${refused.status} ${JSON.stringify(refused.body)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal((await api.get(client_secret)).body.status, 'succeeded');
    const events = (await api.request('GET', `/__sandbox/events?client_secret=${client_secret}`)).body as {
      event: { key: string; payload: { status?: string } };
    }[];
    const keys = events.map(({ event }) => `${event.key} ${event.payload.status ?? ''}`.trim());
    assert.equal(keys.filter((key) => key === 'checkout.order_created').length, 1, 'one order');
    assert.equal(keys.filter((key) => key === 'checkout.updated confirmed').length, 1, 'confirmed once');
    assert.equal(keys.filter((key) => key === 'checkout.updated succeeded').length, 1, 'succeeded once');
  });

  it('lets nothing else through while the first confirm is in flight', async () => {
    const { client_secret } = await api.scenario('one-time');
    // The first confirm's answer is held back after it was processed: the others arrive while it is "in flight".
    await api.request('POST', '/__sandbox/faults', {
      operation: 'client_confirm',
      delayMs: 200,
      after: true,
      client_secret,
    });
    const first = api.confirm(client_secret, { ...buyer, confirmation_token_id: `ctoken_card_${Date.now()}_first` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const later = await Promise.all([
      api.confirm(client_secret, { ...buyer, confirmation_token_id: `ctoken_card_${Date.now()}_second` }),
      api.update(client_secret, { customer_name: 'Mallory' }),
    ]);
    assert.deepEqual(
      later.map((response) => [response.status, response.body.error]),
      [
        [403, 'NotOpenCheckout'],
        [403, 'NotOpenCheckout'],
      ],
    );
    assert.equal((await first).status, 200);
    assert.equal((await api.get(client_secret)).body.customer_name, 'Jane Doe');
  });
});
