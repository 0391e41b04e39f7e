import { expect } from '@open-wc/testing';
import { billingDetailsFor } from '../../src/payment/billing-details.js';

describe('billingDetailsFor', () => {
  it('passes a full address with phone null', () => {
    expect(
      billingDetailsFor({
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        address: {
          line1: '1 Main St',
          line2: 'Apt 4',
          postal_code: '10001',
          city: 'New York',
          state: 'NY',
          country: 'US',
        },
      }),
    ).to.deep.equal({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: null,
      address: {
        line1: '1 Main St',
        line2: 'Apt 4',
        postal_code: '10001',
        city: 'New York',
        state: 'NY',
        country: 'US',
      },
    });
  });

  it('gives every address key, as null, when the buyer has no address', () => {
    expect(billingDetailsFor({ email: 'a@b.co', name: null, address: null })).to.deep.equal({
      name: null,
      email: 'a@b.co',
      phone: null,
      address: { line1: null, line2: null, postal_code: null, city: null, state: null, country: null },
    });
  });

  it('turns missing, empty and blank values into null and trims the rest', () => {
    const details = billingDetailsFor({
      email: '  ada@example.com ',
      name: '   ',
      address: { country: 'FR', line1: '', city: undefined, postal_code: ' 75001 ' },
    });
    expect(details.email).to.equal('ada@example.com');
    expect(details.name).to.equal(null);
    expect(details.address).to.deep.equal({
      line1: null,
      line2: null,
      postal_code: '75001',
      city: null,
      state: null,
      country: 'FR',
    });
  });

  it("sends Polar's ISO 3166-2 state codes as the bare code Stripe expects", () => {
    const us = billingDetailsFor({ email: null, name: null, address: { country: 'US', state: 'US-CA' } });
    expect(us.address.state).to.equal('CA');
    const ca = billingDetailsFor({ email: null, name: null, address: { country: 'CA', state: 'CA-QC' } });
    expect(ca.address.state).to.equal('QC');
    const other = billingDetailsFor({ email: null, name: null, address: { country: 'DE', state: 'Bayern' } });
    expect(other.address.state).to.equal('Bayern');
  });
});
