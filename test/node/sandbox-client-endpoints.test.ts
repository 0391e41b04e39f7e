import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { productIds } from '../../demo/sandbox/catalogue/index.js';
import type { RunningSandbox } from '../../demo/sandbox/server.js';
import type { SandboxClient } from '../../demo/sandbox/testing/sandbox-client.js';
import { startTestSandbox, stopTestSandbox } from './sandbox-support.js';

let sandbox: RunningSandbox;
let api: SandboxClient;

before(async () => ({ sandbox, api } = await startTestSandbox()));
after(() => stopTestSandbox(sandbox, api));

const locs = (body: { detail: { loc: unknown[] }[] }) => body.detail.map((entry) => entry.loc.join('.'));

describe('GET /v1/checkouts/client/{client_secret}', () => {
  it('returns the public view of a fresh session', async () => {
    const created = await api.scenario('one-time');
    const { status, body } = await api.get(created.client_secret);
    assert.equal(status, 200);
    assert.equal(body.id, created.id);
    assert.equal(body.status, 'open');
    assert.equal(body.amount, 4900);
    assert.equal(body.total_amount, 4900);
    assert.equal(body.currency, 'usd');
    assert.equal(body.tax_amount, null, 'no tax before a country is known');
    assert.equal(body.organization.slug, 'acme-sandbox');
    assert.equal(body.product.id, productIds.oneTime);
    assert.equal(body.is_payment_form_required, true);
    assert.equal(body.payment_processor_metadata.publishable_key.startsWith('pk_test_'), true);
    assert.match(body.client_secret, /^polar_c_[A-Za-z0-9]{43}$/);
    assert.deepEqual(body.billing_address_fields, {
      country: 'required',
      state: 'disabled',
      line1: 'disabled',
      line2: 'disabled',
      city: 'disabled',
      postal_code: 'disabled',
    });
    assert.equal('metadata' in body, false, 'merchant-only fields stay private');
  });

  it('answers 404 ResourceNotFound for an unknown secret', async () => {
    const { status, body } = await api.get('polar_c_doesnotexist');
    assert.equal(status, 404);
    assert.deepEqual(body, { error: 'ResourceNotFound', detail: 'Not found' });
  });

  it('answers 410 ExpiredCheckoutError for an expired session', async () => {
    const created = await api.scenario('expired');
    assert.equal(created.status, 'expired');
    const { status, body } = await api.get(created.client_secret);
    assert.equal(status, 410);
    assert.deepEqual(body, { error: 'ExpiredCheckoutError', detail: 'This checkout session has expired.' });
  });
});

describe('PATCH /v1/checkouts/client/{client_secret}: validation', () => {
  it('rejects an invalid email with a field-level 422', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.update(client_secret, { customer_email: 'jane.example.com' });
    assert.equal(status, 422);
    assert.equal(body.detail.length, 1);
    assert.deepEqual(body.detail[0].loc, ['body', 'customer_email']);
    assert.equal(body.detail[0].type, 'value_error');
    assert.match(body.detail[0].msg, /^value is not a valid email address: /);
    assert.equal(body.detail[0].input, 'jane.example.com');
  });

  it('normalizes a valid email like pydantic does', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.update(client_secret, { customer_email: 'Jane.Doe@Example.COM' });
    assert.equal(status, 200);
    assert.equal(body.customer_email, 'Jane.Doe@example.com');
  });

  it('reports every problem of a body, one entry each', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.update(client_secret, {
      customer_email: 'nope',
      seats: 0,
      customer_billing_address: { country: 'XX' },
      is_business_customer: 'yes',
    });
    assert.equal(status, 422);
    assert.deepEqual(locs(body).sort(), [
      'body.customer_billing_address.country',
      'body.customer_email',
      'body.is_business_customer',
      'body.seats',
    ]);
    const seats = body.detail.find((entry: { loc: string[] }) => entry.loc[1] === 'seats');
    assert.equal(seats.type, 'greater_than_equal');
    assert.deepEqual(seats.ctx, { ge: 1 });
  });

  it('answers json_invalid for malformed JSON and missing for an empty body', async () => {
    const { client_secret } = await api.scenario('one-time');
    const malformed = await api.request('PATCH', `/v1/checkouts/client/${client_secret}`, '{"customer_email": ');
    assert.equal(malformed.status, 422);
    assert.equal(malformed.body.detail[0].type, 'json_invalid');
    assert.equal(malformed.body.detail[0].loc[0], 'body');
    const empty = await api.request('PATCH', `/v1/checkouts/client/${client_secret}`);
    assert.equal(empty.status, 422);
    assert.deepEqual(empty.body.detail[0], { type: 'missing', loc: ['body'], msg: 'Field required', input: null });
  });

  it('does not read a text/plain body as JSON, as FastAPI does not', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.request(
      'PATCH',
      `/v1/checkouts/client/${client_secret}`,
      '{"customer_name":"Jane"}',
      {
        'content-type': 'text/plain',
      },
    );
    assert.equal(status, 422);
    assert.equal(body.detail[0].type, 'model_attributes_type');
  });

  it('keeps nothing of an update that fails', async () => {
    const { client_secret } = await api.scenario('discount-codes');
    const { status } = await api.update(client_secret, { customer_name: 'Jane', discount_code: 'NOPE' });
    assert.equal(status, 422);
    const { body } = await api.get(client_secret);
    assert.equal(body.customer_name, null);
  });

  it('answers 404 for an unknown secret and 410 once expired', async () => {
    assert.equal((await api.update('polar_c_unknown', { customer_name: 'Jane' })).status, 404);
    const { client_secret } = await api.scenario('one-time');
    await api.request('POST', `/__sandbox/checkouts/${client_secret}/expire`);
    const { status, body } = await api.update(client_secret, { customer_name: 'Jane' });
    assert.equal(status, 410);
    assert.equal(body.error, 'ExpiredCheckoutError');
  });
});

describe('PATCH: discounts', () => {
  it('applies codes case-insensitively and recomputes the totals', async () => {
    const { client_secret } = await api.scenario('discount-codes');
    const save = await api.update(client_secret, { discount_code: 'save20' });
    assert.equal(save.status, 200);
    assert.equal(save.body.discount.code, 'SAVE20');
    assert.equal(save.body.discount_amount, 980);
    assert.equal(save.body.net_amount, 3920);
    assert.equal(save.body.total_amount, 3920);

    const ten = await api.update(client_secret, { discount_code: 'TENOFF' });
    assert.equal(ten.body.discount_amount, 1000);
    assert.equal(ten.body.total_amount, 3900);

    const removed = await api.update(client_secret, { discount_code: null });
    assert.equal(removed.body.discount, null);
    assert.equal(removed.body.discount_amount, 0);
    assert.equal(removed.body.total_amount, 4900);
  });

  it('rejects an unknown code at discount_code', async () => {
    const { client_secret } = await api.scenario('discount-codes');
    const { status, body } = await api.update(client_secret, { discount_code: 'WHATEVER' });
    assert.equal(status, 422);
    assert.deepEqual(body.detail[0].loc, ['body', 'discount_code']);
    assert.equal(body.detail[0].msg, 'Discount does not exist.');
  });

  it('turns a 100% discount into a checkout without payment form', async () => {
    const { client_secret } = await api.scenario('discount-codes');
    await api.update(client_secret, { customer_billing_address: { country: 'GB' } });
    const { body } = await api.update(client_secret, { discount_code: 'FREEFOREVER' });
    assert.equal(body.discount_amount, 4900);
    assert.equal(body.total_amount, 0);
    assert.equal(body.tax_amount, 0);
    assert.equal(body.is_payment_required, false);
    assert.equal(body.is_payment_form_required, false);
  });

  it('ignores codes when the merchant disallowed them', async () => {
    const { client_secret } = await api.scenario('one-time', { allow_discount_codes: false });
    const { status, body } = await api.update(client_secret, { discount_code: 'SAVE20' });
    assert.equal(status, 200);
    assert.equal(body.discount, null);
    assert.equal(body.total_amount, 4900);
  });
});

describe('PATCH: tax', () => {
  it('adds exclusive tax on top for a dollar price', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { body } = await api.update(client_secret, { customer_billing_address: { country: 'GB' } });
    assert.equal(body.tax_behavior, 'exclusive');
    assert.equal(body.tax_amount, 980);
    assert.equal(body.net_amount, 4900);
    assert.equal(body.total_amount, 5880);
  });

  it('carves inclusive tax out of a euro price, leaving the total unchanged', async () => {
    const { client_secret } = await api.scenario('eur-inclusive-tax');
    const { body } = await api.update(client_secret, { customer_billing_address: { country: 'DE' } });
    assert.equal(body.currency, 'eur');
    assert.equal(body.locale, 'de');
    assert.equal(body.tax_behavior, 'inclusive');
    assert.equal(body.tax_amount, 623);
    assert.equal(body.net_amount, 3900 - 623);
    assert.equal(body.total_amount, 3900);
  });

  it('charges by country and US state', async () => {
    const { client_secret } = await api.scenario('one-time');
    const us = await api.update(client_secret, { customer_billing_address: { country: 'us' } });
    assert.equal(us.body.customer_billing_address.country, 'US', 'the country is upper-cased like Polar does');
    assert.equal(us.body.tax_amount, 0);
    const ny = await api.update(client_secret, { customer_billing_address: { country: 'US', state: 'NY' } });
    assert.equal(ny.body.customer_billing_address.state, 'US-NY');
    assert.equal(ny.body.tax_amount, 196);
    const ca = await api.update(client_secret, { customer_billing_address: { country: 'CA', state: 'ON' } });
    assert.equal(ca.body.tax_amount, 245);
  });

  it('waives VAT for an EU business with a valid VAT number', async () => {
    const { client_secret } = await api.scenario('one-time');
    const { status, body } = await api.update(client_secret, {
      is_business_customer: true,
      customer_billing_name: 'Acme GmbH',
      customer_billing_address: { country: 'DE', line1: 'Hauptstr. 1', city: 'Berlin', postal_code: '10115' },
      customer_tax_id: 'DE 123 456 789',
    });
    assert.equal(status, 200);
    assert.equal(body.customer_tax_id, 'DE123456789');
    assert.equal(body.tax_amount, 0);

    const unchecked = await api.update(client_secret, { is_business_customer: false });
    assert.equal(unchecked.body.customer_tax_id, null);
    assert.equal(unchecked.body.customer_billing_name, null);
    assert.equal(unchecked.body.tax_amount, 931);
  });

  it('rejects a tax ID that does not fit the country, and an invalid US state', async () => {
    const { client_secret } = await api.scenario('one-time');
    const taxId = await api.update(client_secret, {
      customer_billing_address: { country: 'FR' },
      customer_tax_id: '12',
    });
    assert.equal(taxId.status, 422);
    assert.deepEqual(taxId.body.detail[0].loc, ['body', 'customer_tax_id']);
    assert.equal(taxId.body.detail[0].msg, 'Invalid tax ID.');
    const state = await api.update(client_secret, { customer_billing_address: { country: 'US', state: 'ZZ' } });
    assert.equal(state.status, 422);
    assert.deepEqual(state.body.detail[0].loc, ['body', 'customer_billing_address']);
  });
});

describe('PATCH: billing address fields', () => {
  it('follows the country, business purchases and the merchant requirement', async () => {
    const { client_secret } = await api.scenario('one-time');
    const fr = await api.update(client_secret, { customer_billing_address: { country: 'FR' } });
    assert.equal(fr.body.billing_address_fields.line1, 'disabled');
    assert.equal(fr.body.billing_address_fields.state, 'disabled');

    const business = await api.update(client_secret, { is_business_customer: true });
    assert.deepEqual(business.body.billing_address_fields, {
      country: 'required',
      state: 'optional',
      line1: 'required',
      line2: 'optional',
      city: 'required',
      postal_code: 'required',
    });

    const ca = await api.update(client_secret, {
      is_business_customer: false,
      customer_billing_address: { country: 'CA' },
    });
    assert.equal(ca.body.billing_address_fields.state, 'required');
    assert.equal(ca.body.billing_address_fields.line1, 'disabled');

    const us = await api.update(client_secret, { customer_billing_address: { country: 'US' } });
    assert.equal(us.body.billing_address_fields.state, 'required');
    assert.equal(us.body.billing_address_fields.line1, 'required');
    assert.equal(us.body.billing_address_fields.line2, 'optional');

    const required = await api.scenario('billing-address');
    assert.equal(required.billing_address_fields.line1, 'required');
    assert.equal(required.billing_address_fields.postal_code, 'required');
  });
});

describe('PATCH: amounts, products and seats', () => {
  it('enforces the pay-what-you-want bounds', async () => {
    const { client_secret, amount } = await api.scenario('pay-what-you-want');
    assert.equal(amount, 500);
    const low = await api.update(client_secret, { amount: 400 });
    assert.equal(low.status, 422);
    assert.deepEqual(low.body.detail[0].loc, ['body', 'amount']);
    assert.equal(low.body.detail[0].type, 'greater_than_equal');
    assert.equal(low.body.detail[0].msg, 'Amount is below minimum.');
    const high = await api.update(client_secret, { amount: 100001 });
    assert.equal(high.status, 422);
    assert.equal(high.body.detail[0].type, 'less_than_equal');
    const fair = await api.update(client_secret, { amount: 2500 });
    assert.equal(fair.body.amount, 2500);
    assert.equal(fair.body.total_amount, 2500);
  });

  it('switches between the products of the checkout', async () => {
    const { client_secret } = await api.scenario('multiple-products');
    const yearly = await api.update(client_secret, { product_id: productIds.yearly });
    assert.equal(yearly.body.product_id, productIds.yearly);
    assert.equal(yearly.body.amount, 12000);
    assert.equal(yearly.body.product.recurring_interval, 'year');
    const lifetime = await api.update(client_secret, { product_id: productIds.oneTime });
    assert.equal(lifetime.body.amount, 4900);
    assert.equal(lifetime.body.is_payment_setup_required, false);
    const foreign = await api.update(client_secret, { product_id: productIds.free });
    assert.equal(foreign.status, 422);
    assert.deepEqual(foreign.body.detail[0].loc, ['body', 'product_id']);
    assert.equal(foreign.body.detail[0].msg, 'Product is not available in this checkout.');
  });

  it('prices seats by volume tier and enforces the limits', async () => {
    const { client_secret, seats, amount } = await api.scenario('seats');
    assert.equal(seats, 3);
    assert.equal(amount, 3000);
    const five = await api.update(client_secret, { seats: 5 });
    assert.equal(five.body.amount, 4000);
    const tooMany = await api.update(client_secret, { seats: 51 });
    assert.equal(tooMany.status, 422);
    assert.equal(tooMany.body.detail[0].msg, 'Maximum 50 seats allowed.');
    const notSeats = await api.update((await api.scenario('one-time')).client_secret, { seats: 2 });
    assert.equal(notSeats.status, 422);
    assert.equal(notSeats.body.detail[0].msg, 'Seats can only be set for seat-based pricing.');
  });

  it('stores buyer details and validates custom field values', async () => {
    const { client_secret } = await api.scenario('custom-fields');
    const ok = await api.update(client_secret, {
      customer_name: 'Jane',
      locale: 'fr',
      custom_field_data: { company: 'Acme', unknown: 'dropped' },
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.customer_name, 'Jane');
    assert.equal(ok.body.locale, 'fr');
    assert.deepEqual(ok.body.custom_field_data, { company: 'Acme' });
    assert.equal(ok.body.attached_custom_fields.length, 3);
    const bad = await api.update(client_secret, { custom_field_data: { tshirt_size: 'xxl' } });
    assert.equal(bad.status, 422);
    assert.deepEqual(bad.body.detail[0].loc, ['body', 'custom_field_data', 'tshirt_size']);
  });

  it('keeps trials on recurring products only, and lets the buyer drop one', async () => {
    const trial = await api.scenario('trial');
    assert.equal(trial.active_trial_interval, 'day');
    assert.equal(trial.active_trial_interval_count, 14);
    const days = (Date.parse(trial.trial_end) - Date.now()) / 86_400_000;
    assert.ok(days > 13.9 && days <= 14, `trial ends in ${days} days`);
    assert.equal(trial.is_payment_required, false);
    assert.equal(trial.is_payment_setup_required, true);
    const dropped = await api.update(trial.client_secret, { allow_trial: false });
    assert.equal(dropped.body.trial_end, null);
    assert.equal(dropped.body.is_payment_required, true);
  });
});
