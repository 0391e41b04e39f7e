import { expect } from '@open-wc/testing';
import {
  billingFromDraft,
  confirmUpdate,
  draftForSnapshot,
  draftFromCheckout,
  fieldAt,
  fieldsFor,
  placesFor,
  validateForPayment,
  withValue,
  type Draft,
} from '../../src/checkout/fields.js';
import { checkout as checkoutFixture } from '../fixtures/checkouts.js';
import type { CheckoutPublic } from '../../src/api/types.js';

const locale = 'en';
const set = (checkout: CheckoutPublic, draft: Draft, path: string, value: string | boolean | null) =>
  withValue(checkout, draft, locale, path, value);
const save = (checkout: CheckoutPublic, draft: Draft, path: string) =>
  fieldAt(checkout, draft, locale, path)!.patch({ checkout, draft, locale }, 'save');

describe('the field registry', () => {
  it('starts the draft from what the session already knows (prefilled email and address)', () => {
    const draft = draftFromCheckout(
      checkoutFixture({
        customer_email: 'ada@example.com',
        customer_billing_address: {
          country: 'DE',
          line1: null,
          line2: null,
          postal_code: '10115',
          city: 'Berlin',
          state: null,
        },
      }),
      locale,
    );
    expect(draft.customer_email).to.equal('ada@example.com');
    expect(draft).to.deep.include({
      'customer_billing_address.country': 'DE',
      'customer_billing_address.city': 'Berlin',
      'customer_billing_address.postal_code': '10115',
      'customer_billing_address.line1': '',
    });
  });

  it('names each field once: draft key, control id and 422 loc are the same path', () => {
    const checkout = checkoutFixture();
    const paths = fieldsFor(checkout, draftFromCheckout(checkout, locale), locale).map((field) => field.path);
    expect(paths).to.include.members(['customer_email', 'customer_name', 'customer_billing_address.country']);
    for (const path of paths) expect(placesFor(checkout, locale).has(path)).to.equal(true);
  });

  it('clears the state when the country changes', () => {
    const checkout = checkoutFixture();
    let draft = draftFromCheckout(checkout, locale);
    draft = set(
      checkout,
      set(checkout, draft, 'customer_billing_address.country', 'US'),
      'customer_billing_address.state',
      'US-CA',
    );
    draft = set(checkout, draft, 'customer_billing_address.country', 'CA');
    expect(draft['customer_billing_address.state']).to.equal('');
  });

  it('sends the whole address, but only once a country is chosen', () => {
    const checkout = checkoutFixture();
    let draft = set(checkout, draftFromCheckout(checkout, locale), 'customer_billing_address.city', 'Paris');
    expect(save(checkout, draft, 'customer_billing_address.city')).to.equal(null);
    draft = set(checkout, draft, 'customer_billing_address.country', 'US');
    expect(save(checkout, draft, 'customer_billing_address.city')).to.deep.include({
      customer_billing_address: {
        country: 'US',
        city: 'Paris',
        line1: null,
        line2: null,
        postal_code: null,
        state: null,
      },
    });
  });

  it('holds back an email that cannot be valid yet', () => {
    const checkout = checkoutFixture();
    const draft = set(checkout, draftFromCheckout(checkout, locale), 'customer_email', 'ada@exa');
    expect(save(checkout, draft, 'customer_email')).to.equal(null);
    expect(save(checkout, set(checkout, draft, 'customer_email', ' ada@example.com '), 'customer_email')).to.deep.equal(
      {
        customer_email: 'ada@example.com',
      },
    );
  });

  it('sends a cleared discount code as null (removes the discount)', () => {
    const checkout = checkoutFixture({ allow_discount_codes: true, is_discount_applicable: true });
    const draft = set(checkout, draftFromCheckout(checkout, locale), 'discount_code', '');
    expect(save(checkout, draft, 'discount_code')).to.deep.equal({ discount_code: null });
  });

  it('puts the whole form into the confirm body', () => {
    const checkout = checkoutFixture();
    let draft = draftFromCheckout(checkout, locale);
    draft = set(checkout, set(checkout, draft, 'customer_email', 'ada@example.com'), 'customer_name', 'Ada');
    draft = set(checkout, draft, 'customer_billing_address.country', 'US');
    const body = confirmUpdate({ checkout, draft, locale });
    expect(body).to.deep.include({
      customer_email: 'ada@example.com',
      customer_name: 'Ada',
      is_business_customer: false,
    });
    expect(body.customer_billing_address).to.deep.include({ country: 'US' });
    expect(body).not.to.have.property('customer_billing_name');
    expect(billingFromDraft({ checkout, draft, locale })).to.deep.include({ email: 'ada@example.com', name: 'Ada' });
  });

  it('leaves out the email when the session belongs to a known customer', () => {
    const checkout = checkoutFixture({
      customer_id: '55555555-5555-4555-8555-555555555555',
      customer_email: 'known@example.com',
    });
    expect(confirmUpdate({ checkout, draft: draftFromCheckout(checkout, locale), locale })).not.to.have.property(
      'customer_email',
    );
  });

  it('asks for what is missing before paying, by field path', () => {
    const checkout = checkoutFixture();
    const problems = validateForPayment({ checkout, draft: draftFromCheckout(checkout, locale), locale });
    expect(problems).to.have.property('customer_email');
    expect(problems).to.have.property('customer_billing_address.country');
  });

  it('shows business details only for a business purchase', () => {
    const checkout = checkoutFixture();
    const draft = draftFromCheckout(checkout, locale);
    const paths = (d: Draft) => fieldsFor(checkout, d, locale).map((field) => field.path);
    expect(paths(draft)).not.to.include('customer_billing_name');
    expect(paths(set(checkout, draft, 'is_business_customer', true))).to.include.members([
      'customer_billing_name',
      'customer_tax_id',
    ]);
  });

  it('keeps typing across snapshots, but starts a new price’s amount from the server', () => {
    const price = (id: string) =>
      ({
        id,
        amount_type: 'custom',
        price_currency: 'usd',
        is_archived: false,
        minimum_amount: 500,
        maximum_amount: null,
        preset_amount: null,
      }) as never;
    const before = checkoutFixture({ amount: 1500, product_price: price('p1') });
    const draft = set(before, draftFromCheckout(before, locale), 'customer_email', 'ada@ex');
    expect(draft.amount).to.equal('15');
    const samePrice = draftForSnapshot({ ...draft, amount: '20' }, before, { ...before, amount: 1500 }, locale);
    expect(samePrice).to.deep.include({ amount: '20', customer_email: 'ada@ex' });
    const otherPrice = draftForSnapshot(
      { ...draft, amount: '20' },
      before,
      { ...before, amount: 900, product_price: price('p2') },
      locale,
    );
    expect(otherPrice).to.deep.include({ amount: '9', customer_email: 'ada@ex' });
  });
});
