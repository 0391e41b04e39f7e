import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import type { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';
import { startTestSandbox, stopTestSandbox } from './sandbox-support.js';

let sandbox: RunningSandbox;
let api: SandboxClient;
let tokens = 0;
const token = (outcome = 'card') => `ctoken_${outcome}_${Date.now()}${(tokens += 1)}`;
/** Longer than the fast success delay (100 ms). */
const SETTLE_MS = 300;

before(async () => ({ sandbox, api } = await startTestSandbox()));
after(() => stopTestSandbox(sandbox, api));

const buyer = {
  customer_email: 'jane@example.com',
  customer_name: 'Jane Doe',
  customer_billing_address: { country: 'FR' },
};
const locs = (body: { detail: { loc: unknown[] }[] }) => body.detail.map((entry) => entry.loc.join('.'));

describe('confirm: required fields', () => {
  it('lists every missing field with type missing', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.confirm(client_secret, {});
    assert.equal(status, 422);
    assert.deepEqual(locs(body), [
      'body.customer_email',
      'body.customer_billing_address',
      'body.customer_billing_address.country',
      'body.confirmation_token_id',
    ]);
    assert.ok(body.detail.every((entry: { type: string }) => entry.type === 'missing'));
  });

  it('asks for the state and street address of a US buyer', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { body } = await api.confirm(client_secret, {
      customer_email: 'jane@example.com',
      customer_billing_address: { country: 'US' },
      confirmation_token_id: token(),
    });
    assert.deepEqual(locs(body), [
      'body.customer_billing_address.state',
      'body.customer_billing_address.line1',
      'body.customer_billing_address.city',
      'body.customer_billing_address.postal_code',
    ]);
  });

  it('asks a business for its name and a full address', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { body } = await api.confirm(client_secret, {
      ...buyer,
      is_business_customer: true,
      confirmation_token_id: token(),
    });
    assert.deepEqual(locs(body), [
      'body.customer_billing_name',
      'body.customer_billing_address.line1',
      'body.customer_billing_address.city',
      'body.customer_billing_address.postal_code',
      'body.customer_billing_address',
    ]);
    const full = body.detail.find((entry: { type: string }) => entry.type === 'value_error');
    assert.equal(full.msg, 'Full billing address is required.');
  });

  it('enforces required custom fields on confirm only', async () => {
    const { client_secret } = await api.scenario('custom-fields');
    const missing = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.deepEqual(locs(missing.body), ['body.custom_field_data.company', 'body.custom_field_data.accept_terms']);
    const unchecked = await api.confirm(client_secret, {
      ...buyer,
      custom_field_data: { company: 'Acme', accept_terms: false },
      confirmation_token_id: token(),
    });
    assert.deepEqual(locs(unchecked.body), ['body.custom_field_data.accept_terms']);
    const ok = await api.confirm(client_secret, {
      ...buyer,
      custom_field_data: { company: 'Acme', accept_terms: true, tshirt_size: 'm' },
      confirmation_token_id: token(),
    });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.custom_field_data, { company: 'Acme', accept_terms: true, tshirt_size: 'm' });
  });
});

describe('confirm: outcomes by confirmation token', () => {
  it('confirms, then succeeds after the delay', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.equal(status, 200);
    assert.equal(body.status, 'confirmed');
    assert.equal(body.payment_processor_metadata.intent_status, 'succeeded');
    assert.match(body.payment_processor_metadata.intent_client_secret, /^pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+$/);
    assert.match(body.customer_session_token, /^polar_cst_/);
    assert.equal(body.total_amount, 5880, 'the confirm recomputed French VAT');
    assert.equal((await api.get(client_secret)).body.status, 'confirmed');
    await sleep(SETTLE_MS);
    const settled = await api.get(client_secret);
    assert.equal(settled.body.status, 'succeeded');
    assert.ok(settled.body.customer_id, 'a customer was created');
  });

  it('answers 400 PaymentError for a declined card and keeps the checkout open', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token('decline') });
    assert.equal(status, 400);
    assert.deepEqual(body, {
      error: 'PaymentError',
      detail: 'The payment failed: Your card was declined. Please try again with a different payment method.',
    });
    const after = await api.get(client_secret);
    assert.equal(after.body.status, 'open');
    assert.equal(after.body.customer_email, null, 'a failed confirm stores nothing');
  });

  it('answers 400 for insufficient funds and for a reused token', async () => {
    const { client_secret } = await api.scenario('one-time');
    const insufficient = token('insufficient');
    const first = await api.confirm(client_secret, { ...buyer, confirmation_token_id: insufficient });
    assert.equal(first.status, 400);
    assert.equal(
      first.body.detail,
      'The payment failed: Your card has insufficient funds. Please try again with a different payment method.',
    );
    const reused = await api.confirm(client_secret, { ...buyer, confirmation_token_id: insufficient });
    assert.equal(reused.status, 400);
    assert.match(reused.body.detail, /already been used/);
    const retry = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.equal(retry.status, 200);
  });

  it('answers 404 for an unknown secret, after validating the body', async () => {
    const unknown = await api.confirm('polar_c_unknown', { customer_email: 'jane@example.com' });
    assert.deepEqual([unknown.status, unknown.body], [404, { error: 'ResourceNotFound', detail: 'Not found' }]);
    const invalid = await api.confirm('polar_c_unknown', { confirmation_token_id: 42 });
    assert.equal(invalid.status, 422, 'FastAPI validates the body before the endpoint looks the session up');
  });

  it('answers 403 NotOpenCheckout once confirmed', async () => {
    const { client_secret, id } = await api.scenario('one-time');
    await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    const again = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.equal(again.status, 403);
    assert.deepEqual(again.body, { error: 'NotOpenCheckout', detail: `Checkout ${id} is not open: confirmed` });
    const patch = await api.update(client_secret, { customer_name: 'Late' });
    assert.equal(patch.status, 403);
    assert.equal(patch.body.error, 'NotOpenCheckout');
  });

  it('confirms a free checkout without a token', async () => {
    const { client_secret } = await api.scenario('free');
    const { status, body } = await api.confirm(client_secret, { customer_email: 'jane@example.com' });
    assert.equal(status, 200);
    assert.equal(body.status, 'confirmed');
    assert.equal(body.payment_processor_metadata.intent_client_secret, undefined);
    await sleep(SETTLE_MS);
    assert.equal((await api.get(client_secret)).body.status, 'succeeded');
  });

  it('needs no token once a 100% discount applies', async () => {
    const { client_secret } = await api.scenario('discount-codes');
    const { status } = await api.confirm(client_secret, {
      customer_email: 'jane@example.com',
      discount_code: 'FREEFOREVER',
    });
    assert.equal(status, 200);
  });

  it('sets up the card of a trial without charging', async () => {
    const { client_secret } = await api.scenario('trial');
    const missing = await api.confirm(client_secret, buyer);
    assert.deepEqual(locs(missing.body), ['body.confirmation_token_id']);
    const { status, body } = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.equal(status, 200);
    assert.equal(body.is_payment_required, false);
    assert.equal(body.is_payment_setup_required, true);
  });
});

describe('3-D Secure', () => {
  it('confirms with requires_action, then succeeds when authenticated', async () => {
    const { client_secret } = await api.scenario('subscription');
    const stream = await api.stream(client_secret);
    const { status, body } = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token('3ds') });
    assert.equal(status, 200);
    assert.equal(body.payment_processor_metadata.intent_status, 'requires_action');
    const intentId = body.payment_processor_metadata.intent_client_secret.split('_secret_')[0];
    const intent = await api.request('GET', `/__stripe/intents/${intentId}`);
    assert.deepEqual(intent.body, { id: intentId, status: 'requires_action' });

    await sleep(SETTLE_MS);
    assert.equal((await api.get(client_secret)).body.status, 'confirmed', 'nothing happens before authentication');

    const authenticated = await api.request('POST', `/__stripe/intents/${intentId}/authenticate`, {
      outcome: 'succeeded',
    });
    assert.deepEqual(authenticated.body, { id: intentId, status: 'succeeded' });
    await stream.waitFor('checkout.webhook_event_delivered', 'succeeded');
    stream.close();
    const settled = await api.get(client_secret);
    assert.equal(settled.body.status, 'succeeded');
    assert.equal(settled.body.payment_processor_metadata.intent_status, 'succeeded');
    assert.ok(stream.events.some((event) => event.key === 'checkout.subscription_created'));

    const twice = await api.request('POST', `/__stripe/intents/${intentId}/authenticate`, { outcome: 'succeeded' });
    assert.equal(twice.status, 400);
  });

  it('reopens the checkout without the intent when authentication fails', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { body } = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token('3ds') });
    const intentId = body.payment_processor_metadata.intent_client_secret.split('_secret_')[0];
    const stream = await api.stream(client_secret);
    const failed = await api.request('POST', `/__stripe/intents/${intentId}/authenticate`, { outcome: 'failed' });
    assert.equal(failed.body.status, 'requires_payment_method');
    await stream.waitFor('checkout.updated', 'open');
    stream.close();
    const reopened = await api.get(client_secret);
    assert.equal(reopened.body.status, 'open');
    assert.equal('intent_status' in reopened.body.payment_processor_metadata, false);
    assert.equal('intent_client_secret' in reopened.body.payment_processor_metadata, false);
    const retry = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.equal(retry.status, 200);
  });

  it('answers 404 for an unknown intent', async () => {
    const { status, body } = await api.request('GET', '/__stripe/intents/pi_nope');
    assert.equal(status, 404);
    assert.equal(body.error.code, 'resource_missing');
  });
});

describe('event stream', () => {
  it('delivers the events of a paid one-time checkout in order', async () => {
    const { client_secret } = await api.scenario('one-time');
    const stream = await api.stream(client_secret);
    await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    await stream.waitFor('checkout.webhook_event_delivered', 'succeeded');
    stream.close();
    assert.deepEqual(
      stream.events.map((event) => [event.key, event.payload['status'] ?? null]),
      [
        ['checkout.updated', 'confirmed'],
        ['checkout.webhook_event_delivered', 'confirmed'],
        ['checkout.order_created', null],
        ['checkout.updated', 'succeeded'],
        ['checkout.webhook_event_delivered', 'succeeded'],
      ],
    );
    assert.ok(stream.events.every((event) => typeof event.id === 'string' && event.id.length > 0));
  });

  it('announces the subscription before the order for recurring products', async () => {
    const { client_secret } = await api.scenario('subscription');
    const stream = await api.stream(client_secret);
    await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    await stream.waitFor('checkout.updated', 'succeeded');
    stream.close();
    const keys = stream.events.map((event) => event.key);
    assert.ok(keys.indexOf('checkout.subscription_created') < keys.indexOf('checkout.order_created'));
  });

  it('publishes checkout.updated on every update', async () => {
    const { client_secret } = await api.scenario('one-time');
    const stream = await api.stream(client_secret);
    await api.update(client_secret, { customer_name: 'Jane' });
    const event = await stream.waitFor('checkout.updated', 'open');
    stream.close();
    assert.deepEqual(event.payload, { status: 'open' });
  });

  it('loses events published while nobody listened, like Polar', async () => {
    const { client_secret } = await api.scenario('free');
    await api.confirm(client_secret, { customer_email: 'jane@example.com' });
    await sleep(SETTLE_MS);
    const late = await api.stream(client_secret);
    await sleep(150);
    late.close();
    assert.deepEqual(late.events, [], 'no replay for a late listener');
    const history = await api.request('GET', `/__sandbox/events?client_secret=${client_secret}`);
    const success = history.body.find(
      (entry: { event: { key: string; payload: { status?: string } } }) =>
        entry.event.key === 'checkout.updated' && entry.event.payload.status === 'succeeded',
    );
    assert.equal(success.listeners, 0);
  });

  it('answers 404 and 410 before streaming, and tells listeners about expiry', async () => {
    const unknown = await api.request('GET', '/v1/checkouts/client/polar_c_unknown/stream');
    assert.equal(unknown.status, 404);
    const { client_secret } = await api.scenario('one-time');
    const stream = await api.stream(client_secret);
    await api.request('POST', `/__sandbox/checkouts/${client_secret}/expire`);
    await stream.waitFor('checkout.updated', 'expired');
    stream.close();
    const gone = await api.request('GET', `/v1/checkouts/client/${client_secret}/stream`);
    assert.equal(gone.status, 410);
  });

  it('survives a listener that disconnects mid-stream', async () => {
    const { client_secret } = await api.scenario('one-time');
    const stream = await api.stream(client_secret);
    stream.close();
    await sleep(50);
    const { status } = await api.confirm(client_secret, { ...buyer, confirmation_token_id: token() });
    assert.equal(status, 200);
    await sleep(SETTLE_MS);
    assert.equal((await api.get(client_secret)).body.status, 'succeeded');
  });
});

describe('expiry', () => {
  it('expires after the TTL and answers 410 on every client endpoint', async () => {
    const created = await api.scenario('one-time');
    const ttl = Date.parse(created.expires_at) - Date.parse(created.created_at);
    assert.equal(ttl, 24 * 60 * 60 * 1000);
    const expired = await api.request('POST', `/__sandbox/checkouts/${created.client_secret}/expire`);
    assert.equal(expired.body.record.status, 'expired');
    for (const response of [
      await api.get(created.client_secret),
      await api.update(created.client_secret, { customer_name: 'Jane' }),
      await api.confirm(created.client_secret, { ...buyer, confirmation_token_id: token() }),
    ]) {
      assert.equal(response.status, 410);
      assert.deepEqual(response.body, { error: 'ExpiredCheckoutError', detail: 'This checkout session has expired.' });
    }
  });
});
