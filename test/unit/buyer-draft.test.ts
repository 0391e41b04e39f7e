import { expect } from '@open-wc/testing';
import { confirmBody, draftFromCheckout, patchForField, withField } from '../../src/checkout/buyer-draft.js';
import { checkout as checkoutFixture } from '../fixtures/checkouts.js';

describe('buyer draft', () => {
  it('starts from what the session already knows (prefilled email and address)', () => {
    const draft = draftFromCheckout(
      checkoutFixture({
        customer_email: 'ada@example.com',
        customer_billing_address: { country: 'DE', line1: null, line2: null, postal_code: '10115', city: 'Berlin', state: null },
      }),
    );
    expect(draft.email).to.equal('ada@example.com');
    expect(draft.address).to.deep.include({ country: 'DE', city: 'Berlin', postal_code: '10115', line1: '' });
  });

  it('clears the state when the country changes', () => {
    let draft = draftFromCheckout(checkoutFixture());
    draft = withField(withField(draft, 'address.country', 'US'), 'address.state', 'US-CA');
    draft = withField(draft, 'address.country', 'CA');
    expect(draft.address.state).to.equal('');
  });

  it('sends the whole address, but only once a country is chosen', () => {
    let draft = draftFromCheckout(checkoutFixture());
    draft = withField(draft, 'address.city', 'Paris');
    expect(patchForField(draft, 'address.city')).to.equal(null);
    draft = withField(draft, 'address.country', 'FR');
    expect(patchForField(draft, 'address.city')).to.deep.equal({
      customer_billing_address: { country: 'FR', city: 'Paris', line1: null, line2: null, postal_code: null, state: null },
    });
  });

  it('holds back an email that cannot be valid yet', () => {
    const draft = withField(draftFromCheckout(checkoutFixture()), 'email', 'ada@exa');
    expect(patchForField(draft, 'email')).to.equal(null);
    expect(patchForField(withField(draft, 'email', ' ada@example.com '), 'email')).to.deep.equal({
      customer_email: 'ada@example.com',
    });
  });

  it('sends a cleared discount code as null (removes the discount)', () => {
    const draft = withField(draftFromCheckout(checkoutFixture()), 'discountCode', '');
    expect(patchForField(draft, 'discountCode')).to.deep.equal({ discount_code: null });
  });

  it('puts the whole form and the token into the confirm body', () => {
    let draft = draftFromCheckout(checkoutFixture());
    draft = withField(withField(draft, 'email', 'ada@example.com'), 'name', 'Ada');
    draft = withField(draft, 'address.country', 'US');
    const body = confirmBody(draft, {
      checkout: checkoutFixture(),
      addressShown: true,
      locale: 'en-US',
      confirmationTokenId: 'ctoken_success_1',
    });
    expect(body).to.deep.include({
      customer_email: 'ada@example.com',
      customer_name: 'Ada',
      locale: 'en-US',
      confirmation_token_id: 'ctoken_success_1',
      is_business_customer: false,
    });
    expect(body.customer_billing_address).to.deep.include({ country: 'US' });
    expect(body).not.to.have.property('customer_billing_name');
  });

  it('leaves out the email when the session belongs to a known customer', () => {
    const checkout = checkoutFixture({ customer_id: '55555555-5555-4555-8555-555555555555', customer_email: 'known@example.com' });
    const body = confirmBody(draftFromCheckout(checkout), { checkout, addressShown: false, locale: 'en' });
    expect(body).not.to.have.property('customer_email');
  });
});
