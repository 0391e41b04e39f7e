import type { components } from '../checkouts-schema.js';
import type { ValidationErrorEntry } from '../contract/pydantic-errors.js';
import type { Address } from '../store/checkout-record.js';

type Schemas = components['schemas'];
type AddressInput = Schemas['AddressInput'];
export type BillingAddressFields = Schemas['CheckoutBillingAddressFields'];
type FieldMode = Schemas['BillingAddressFieldMode'];

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(
    ' ',
  ),
);
const CA_PROVINCES = new Set('AB BC MB NB NL NS NT NU ON PE QC SK YT'.split(' '));

const blankToNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;

/**
 * Polar's `Address` validator: blank strings become null, US and CA states get their country
 * prefix (`NY` → `US-NY`) and must exist. Returns the address or the errors at `loc`.
 */
export function normalizeAddress(input: AddressInput, loc: (string | number)[]): Address | ValidationErrorEntry[] {
  const address: Address = {
    line1: blankToNull(input.line1),
    line2: blankToNull(input.line2),
    postal_code: blankToNull(input.postal_code),
    city: blankToNull(input.city),
    state: blankToNull(input.state),
    country: input.country,
  };
  const country = address.country;
  if (address.state && (country === 'US' || country === 'CA')) {
    if (!address.state.startsWith(`${country}-`)) address.state = `${country}-${address.state}`;
    const code = address.state.slice(3);
    const valid = country === 'US' ? US_STATES.has(code) : CA_PROVINCES.has(code);
    if (!valid) {
      const msg = country === 'US' ? 'Value error, Invalid US state' : 'Value error, Invalid CA subdivision';
      return [{ type: 'value_error', loc, msg, input, ctx: { error: msg.slice('Value error, '.length) } }];
    }
  }
  return address;
}

export function hasStreetAddress(address: Address | null): boolean {
  if (!address) return false;
  return [address.line1, address.line2, address.city, address.postal_code].some(
    (part) => part !== null && part !== undefined,
  );
}

/** Polar's field rules: country always; state for US/CA; street, city and postal code when a full address is needed. */
export function billingAddressFields(address: Address | null, fullAddressRequired: boolean): BillingAddressFields {
  const country = address?.country ?? null;
  const needsFull = fullAddressRequired || country === 'US';
  const streetMode: FieldMode = needsFull ? 'required' : 'disabled';
  return {
    country: 'required',
    state: country === 'US' || country === 'CA' ? 'required' : needsFull ? 'optional' : 'disabled',
    line1: streetMode,
    line2: needsFull ? 'optional' : 'disabled',
    city: streetMode,
    postal_code: streetMode,
  };
}
