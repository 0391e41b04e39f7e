import { expect } from '@open-wc/testing';
import {
  addressFieldLabelKey,
  addressFieldModes,
  changeCountry,
  countryCodes,
  countryOptions,
  missingAddressFields,
  needsStateSelect,
  showsBillingAddress,
  stateOptions,
  toAddressInput,
  type AddressFieldModes,
} from '../../src/model/address.js';
import { checkout } from '../fixtures/checkouts.js';

const countryOnly: AddressFieldModes = {
  country: 'required',
  state: 'disabled',
  line1: 'disabled',
  line2: 'disabled',
  city: 'disabled',
  postal_code: 'disabled',
};
const fullAddress: AddressFieldModes = {
  country: 'required',
  state: 'optional',
  line1: 'required',
  line2: 'optional',
  city: 'required',
  postal_code: 'required',
};
const usAddress: AddressFieldModes = { ...fullAddress, state: 'required' };

describe('addressFieldModes', () => {
  it('uses the server modes for the saved country', () => {
    const session = checkout({ customer_billing_address: { country: 'US' }, billing_address_fields: usAddress });
    expect(addressFieldModes(session)).to.deep.equal(usAddress);
    expect(addressFieldModes(session, 'US')).to.deep.equal(usAddress);
  });

  it('asks for a full address with a state as soon as the buyer picks the US', () => {
    const session = checkout({ customer_billing_address: { country: 'DE' }, billing_address_fields: countryOnly });
    expect(addressFieldModes(session, 'US')).to.deep.equal(usAddress);
  });

  it('asks only for the province in Canada, and only the country elsewhere', () => {
    const session = checkout({ customer_billing_address: { country: 'US' }, billing_address_fields: usAddress });
    expect(addressFieldModes(session, 'CA')).to.deep.equal({ ...countryOnly, state: 'required' });
    expect(addressFieldModes(session, 'FR')).to.deep.equal(countryOnly);
  });

  it('keeps the full address when the merchant or a business purchase needs it anyway', () => {
    const required = checkout({ require_billing_address: true, billing_address_fields: fullAddress });
    expect(addressFieldModes(required, 'FR')).to.deep.equal(fullAddress);
    const business = checkout({ is_business_customer: true, billing_address_fields: fullAddress });
    expect(addressFieldModes(business, 'CA')).to.deep.equal({ ...fullAddress, state: 'required' });
    const savedFull = checkout({ customer_billing_address: { country: 'DE' }, billing_address_fields: fullAddress });
    expect(addressFieldModes(savedFull, 'FR')).to.deep.equal(fullAddress);
  });

  it('treats no country like the server does before one is saved', () => {
    expect(addressFieldModes(checkout(), null)).to.deep.equal(countryOnly);
    expect(addressFieldModes(checkout(), '')).to.deep.equal(countryOnly);
  });
});

describe('showsBillingAddress', () => {
  it('shows for a payment form or when the merchant requires it', () => {
    expect(showsBillingAddress(checkout())).to.equal(true);
    expect(showsBillingAddress(checkout({ is_payment_form_required: false }))).to.equal(false);
    expect(showsBillingAddress(checkout({ is_payment_form_required: false, require_billing_address: true }))).to.equal(
      true,
    );
  });
});

describe('states', () => {
  it('needs a state list for the US and Canada only', () => {
    expect(needsStateSelect('US')).to.equal(true);
    expect(needsStateSelect('CA')).to.equal(true);
    expect(needsStateSelect('DE')).to.equal(false);
    expect(needsStateSelect(null)).to.equal(false);
  });

  it('lists every US subdivision with ISO codes, sorted by name', () => {
    const states = stateOptions('US', 'en');
    expect(states).to.have.length(57);
    expect(states).to.deep.include({ code: 'US-CA', name: 'California' });
    expect(states).to.deep.include({ code: 'US-DC', name: 'District of Columbia' });
    expect(states).to.deep.include({ code: 'US-PR', name: 'Puerto Rico' });
    expect(states[0]).to.deep.equal({ code: 'US-AL', name: 'Alabama' });
    expect(states.every((state) => /^US-[A-Z]{2}$/.test(state.code))).to.equal(true);
  });

  it('lists the Canadian provinces and territories, in French for French speakers', () => {
    const english = stateOptions('CA', 'en');
    expect(english).to.have.length(13);
    expect(english).to.deep.include({ code: 'CA-QC', name: 'Quebec' });
    const french = stateOptions('CA', 'fr-CA');
    expect(french).to.deep.include({ code: 'CA-QC', name: 'Québec' });
    expect(french).to.deep.include({ code: 'CA-BC', name: 'Colombie-Britannique' });
  });

  it('has no list elsewhere', () => {
    expect(stateOptions('DE', 'en')).to.deep.equal([]);
    expect(stateOptions(undefined, 'en')).to.deep.equal([]);
  });
});

describe('countryOptions', () => {
  it('holds exactly the countries of the AddressInput schema', async () => {
    const response = await fetch('/api/checkout-client.openapi.json');
    const spec = await response.json();
    const schemaCodes: string[] = spec.components.schemas.AddressInput.properties.country.enum;
    expect([...countryCodes].sort()).to.deep.equal([...schemaCodes].sort());
    expect(
      countryOptions('en')
        .map((option) => option.code)
        .sort(),
    ).to.deep.equal([...schemaCodes].sort());
  });

  it('names countries in the locale and sorts them by its collation', () => {
    const english = countryOptions('en');
    expect(english).to.deep.include({ code: 'DE', name: 'Germany' });
    const german = countryOptions('de');
    expect(german).to.deep.include({ code: 'DE', name: 'Deutschland' });
    const collator = new Intl.Collator('de');
    for (let i = 1; i < german.length; i++) {
      expect(collator.compare(german[i - 1]!.name, german[i]!.name)).to.be.at.most(0);
    }
    expect(countryOptions('ja')).to.deep.include({ code: 'JP', name: '日本' });
  });

  it('does not offer countries Polar rejects', () => {
    expect(countryOptions('en').some((option) => option.code === 'RU')).to.equal(false);
  });
});

describe('missingAddressFields', () => {
  it('lists required fields that are empty or blank', () => {
    expect(missingAddressFields({ country: 'US', line1: '  ', city: 'Austin' }, usAddress)).to.deep.equal([
      'line1',
      'postal_code',
      'state',
    ]);
    expect(missingAddressFields(null, countryOnly)).to.deep.equal(['country']);
    expect(missingAddressFields({ country: 'SE' }, countryOnly)).to.deep.equal([]);
  });

  it('rejects a state that does not belong to the country', () => {
    const address = { country: 'US', line1: '1 Main St', city: 'Austin', postal_code: '78701' };
    expect(missingAddressFields({ ...address, state: 'US-TX' }, usAddress)).to.deep.equal([]);
    expect(missingAddressFields({ ...address, state: 'CA-ON' }, usAddress)).to.deep.equal(['state']);
    expect(missingAddressFields({ ...address, state: 'Texas' }, usAddress)).to.deep.equal(['state']);
  });

  it('rejects an unknown country', () => {
    expect(missingAddressFields({ country: 'XX' }, countryOnly)).to.deep.equal(['country']);
  });
});

describe('toAddressInput', () => {
  it('sends every shown field, trimmed, with empty ones as null', () => {
    expect(
      toAddressInput(
        { country: 'US', line1: ' 1 Main St ', line2: '', city: 'Austin', postal_code: '78701', state: 'US-TX' },
        usAddress,
      ),
    ).to.deep.equal({
      country: 'US',
      line1: '1 Main St',
      line2: null,
      postal_code: '78701',
      city: 'Austin',
      state: 'US-TX',
    });
  });

  it('leaves out disabled fields and needs a country', () => {
    expect(toAddressInput({ country: 'SE', city: 'Stockholm' }, countryOnly)).to.deep.equal({ country: 'SE' });
    expect(toAddressInput({ city: 'Stockholm' }, countryOnly)).to.equal(null);
  });
});

describe('changeCountry', () => {
  it('drops a state that belongs to another country and keeps the rest', () => {
    expect(changeCountry({ country: 'US', state: 'US-TX', city: 'Austin' }, 'CA')).to.deep.equal({
      country: 'CA',
      state: null,
      city: 'Austin',
    });
    expect(changeCountry({ country: 'US', state: 'US-TX' }, 'DE').state).to.equal(null);
    expect(changeCountry({ country: 'DE', state: 'Bayern' }, 'AT').state).to.equal('Bayern');
    expect(changeCountry({ country: 'DE', state: 'Bayern' }, 'US').state).to.equal(null);
  });
});

describe('addressFieldLabelKey', () => {
  it('words labels for the country', () => {
    expect(addressFieldLabelKey('postal_code', 'US')).to.equal('address.zip');
    expect(addressFieldLabelKey('postal_code', 'DE')).to.equal('address.postalCode');
    expect(addressFieldLabelKey('state', 'US')).to.equal('address.state');
    expect(addressFieldLabelKey('state', 'CA')).to.equal('address.province');
    expect(addressFieldLabelKey('state', 'IT')).to.equal('address.region');
    expect(addressFieldLabelKey('line1', null)).to.equal('address.line1');
  });
});
