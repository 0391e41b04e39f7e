/**
 * What the buyer has typed, kept apart from the server's session so a response can never overwrite typing.
 * Pure: builds the PATCH for one edited field and the confirm body for the whole form.
 */
import type { CheckoutConfirmStripe, CheckoutPublic, CheckoutUpdatePublic, CountryCode } from '../api/types.js';

export type AddressKey = 'country' | 'line1' | 'line2' | 'postal_code' | 'city' | 'state';
export type FieldMode = 'required' | 'optional' | 'disabled';
export type AddressModes = Record<AddressKey, FieldMode>;
export type CustomFieldValue = string | number | boolean | null;

export interface BuyerDraft {
  email: string;
  name: string;
  isBusiness: boolean;
  businessName: string;
  taxId: string;
  address: Record<AddressKey, string>;
  discountCode: string;
  /** Pay-what-you-want amount as typed, in the buyer's notation. */
  amountText: string;
  customFields: Record<string, CustomFieldValue>;
}

export type DraftField =
  | 'email'
  | 'name'
  | 'isBusiness'
  | 'businessName'
  | 'taxId'
  | `address.${AddressKey}`
  | 'discountCode'
  | 'amountText'
  | `custom.${string}`;

export const addressKeys: AddressKey[] = ['country', 'line1', 'line2', 'postal_code', 'city', 'state'];

export function draftFromCheckout(checkout: CheckoutPublic): BuyerDraft {
  const address = checkout.customer_billing_address;
  return {
    email: checkout.customer_email ?? '',
    name: checkout.customer_name ?? '',
    isBusiness: checkout.is_business_customer,
    businessName: checkout.customer_billing_name ?? '',
    taxId: checkout.customer_tax_id ?? '',
    address: {
      country: address?.country ?? '',
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      postal_code: address?.postal_code ?? '',
      city: address?.city ?? '',
      state: address?.state ?? '',
    },
    discountCode: checkout.discount?.code ?? '',
    amountText: '',
    customFields: { ...(checkout.custom_field_data ?? {}) } as Record<string, CustomFieldValue>,
  };
}

/** Sets one field; returns a new draft. */
export function withField(draft: BuyerDraft, field: DraftField, value: string | boolean | number | null): BuyerDraft {
  if (field.startsWith('address.')) {
    const key = field.slice('address.'.length) as AddressKey;
    const address = { ...draft.address, [key]: String(value ?? '') };
    // A state from the old country means nothing in the new one.
    if (key === 'country' && value !== draft.address.country) address.state = '';
    return { ...draft, address };
  }
  if (field.startsWith('custom.')) {
    return { ...draft, customFields: { ...draft.customFields, [field.slice('custom.'.length)]: value as CustomFieldValue } };
  }
  return { ...draft, [field]: value } as BuyerDraft;
}

const nullIfEmpty = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

export function addressInput(draft: BuyerDraft): CheckoutUpdatePublic['customer_billing_address'] {
  if (!draft.address.country) return null;
  return {
    country: draft.address.country as CountryCode,
    line1: nullIfEmpty(draft.address.line1),
    line2: nullIfEmpty(draft.address.line2),
    postal_code: nullIfEmpty(draft.address.postal_code),
    city: nullIfEmpty(draft.address.city),
    state: nullIfEmpty(draft.address.state),
  };
}

/** The PATCH that saves one edited field, or null when there is nothing sendable yet (e.g. an address without a country). */
export function patchForField(draft: BuyerDraft, field: DraftField, amount?: number | null): CheckoutUpdatePublic | null {
  if (field.startsWith('address.')) {
    const address = addressInput(draft);
    return address ? { customer_billing_address: address } : null;
  }
  if (field.startsWith('custom.')) {
    const slug = field.slice('custom.'.length);
    return { custom_field_data: { [slug]: draft.customFields[slug] ?? null } };
  }
  switch (field) {
    case 'email':
      return looksLikeEmail(draft.email) ? { customer_email: draft.email.trim() } : null;
    case 'name':
      return { customer_name: nullIfEmpty(draft.name) };
    case 'isBusiness':
      return { is_business_customer: draft.isBusiness };
    case 'businessName':
      return { customer_billing_name: nullIfEmpty(draft.businessName) };
    case 'taxId':
      return { customer_tax_id: nullIfEmpty(draft.taxId) };
    case 'discountCode':
      return { discount_code: nullIfEmpty(draft.discountCode) };
    case 'amountText':
      return amount === undefined || amount === null ? null : { amount };
  }
  return null;
}

export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

export interface ConfirmContext {
  checkout: CheckoutPublic;
  addressShown: boolean;
  locale: string;
  confirmationTokenId?: string;
  /** A pay-what-you-want amount typed but maybe not saved yet. */
  amount?: number | null;
}

/** Everything the form shows, as Polar's confirm expects it: confirm applies it as an update first. */
export function confirmBody(draft: BuyerDraft, context: ConfirmContext): CheckoutConfirmStripe {
  const { checkout } = context;
  const body: CheckoutConfirmStripe = { locale: context.locale };
  if (!checkout.customer_id) body.customer_email = nullIfEmpty(draft.email);
  if (checkout.is_payment_form_required) body.customer_name = nullIfEmpty(draft.name);
  if (context.addressShown) body.customer_billing_address = addressInput(draft);
  body.is_business_customer = draft.isBusiness;
  if (draft.isBusiness) {
    body.customer_billing_name = nullIfEmpty(draft.businessName);
    body.customer_tax_id = nullIfEmpty(draft.taxId);
  }
  if ((checkout.attached_custom_fields ?? []).length > 0) body.custom_field_data = { ...draft.customFields };
  if (context.amount !== undefined && context.amount !== null) body.amount = context.amount;
  if (context.confirmationTokenId) body.confirmation_token_id = context.confirmationTokenId;
  return body;
}
