/** The billing details passed to `stripe.createConfirmationToken`. Pure: no DOM. */

export interface BuyerAddress {
  line1?: string | null;
  line2?: string | null;
  postal_code?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
}

export interface BuyerDetails {
  email: string | null;
  name: string | null;
  address: BuyerAddress | null;
}

export interface BillingDetails {
  name: string | null;
  email: string | null;
  phone: null;
  address: {
    line1: string | null;
    line2: string | null;
    postal_code: string | null;
    city: string | null;
    state: string | null;
    country: string | null;
  };
}

/**
 * Every key present, `null` where the buyer gave nothing: the Payment Element is told to collect no billing details
 * ('never'), and Stripe then requires each of them here.
 */
export function billingDetailsFor(buyer: BuyerDetails): BillingDetails {
  const address = buyer.address ?? {};
  return {
    name: filled(buyer.name),
    email: filled(buyer.email),
    phone: null,
    address: {
      line1: filled(address.line1),
      line2: filled(address.line2),
      postal_code: filled(address.postal_code),
      city: filled(address.city),
      state: stateCode(filled(address.state), filled(address.country)),
      country: filled(address.country),
    },
  };
}

// Polar stores US and Canadian states as ISO 3166-2 codes ("US-CA"); Stripe's billing details use the bare "CA".
function stateCode(state: string | null, country: string | null): string | null {
  if (state && country && state.toUpperCase().startsWith(`${country.toUpperCase()}-`)) {
    return state.slice(country.length + 1);
  }
  return state;
}

function filled(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
