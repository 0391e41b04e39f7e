/**
 * One description per field. A field's `path` is its name everywhere: the key of the buyer's draft, the form control's
 * id, and the `loc` of a 422 about it. Its entry says when it is shown, how it is labelled and edited, how it is
 * checked before paying, what it saves and confirms, and what it gives Stripe's billing details. The draft, saving,
 * confirm, validation, error placement and the form's views all loop over `fieldsFor`: a new field is one entry here
 * plus its translation keys.
 */
import type { AttachedCustomField, CheckoutPublic, CheckoutUpdatePublic } from '../api/types.js';
import {
  addressFieldLabelKey,
  addressFieldModes,
  addressFields,
  changeCountry,
  countryOptions,
  missingAddressFields,
  needsStateSelect,
  showsBillingAddress,
  stateOptions,
  statePlaceholderKey,
  toAddressInput,
  type AddressDraft,
  type AddressField,
} from '../model/address.js';
import { customFieldInputModel, toCustomFieldValue, validateCustomField } from '../model/custom-fields.js';
import { formatAmountInput, formatMoney, parseMoneyInput } from '../model/money.js';
import { buyerInputFor, customAmountError } from '../model/prices.js';
import { currentSeats, parseSeatInput, seatBounds, seatCountError, type SeatPrice } from '../model/seats.js';
import type { BuyerDetails } from '../payment/billing-details.js';
import { message, type Message } from './messages.js';
import { mergeUpdates } from './update-queue.js';

export type DraftValue = string | number | boolean | null;
/** What the buyer has entered, by field path. Kept apart from the server's session so an answer never overwrites typing. */
export type Draft = Readonly<Record<string, DraftValue>>;

export interface FieldContext {
  checkout: CheckoutPublic;
  draft: Draft;
  locale: string;
}

export type FieldSection = 'contact' | 'custom' | 'address' | 'business' | 'summary';

/** Merchant Markdown (custom field labels and help), or one of our messages. */
export type FieldText = Message | { markdown: string };

export interface SelectOption {
  value: string;
  label: string;
}

export type FieldControl =
  | {
      kind: 'text';
      type?: 'text' | 'email' | 'number' | 'date';
      multiline?: boolean;
      autocomplete?: string;
      inputmode?: 'text' | 'decimal' | 'numeric' | 'email';
      placeholder?: string;
      min?: string;
      max?: string;
      minLength?: number;
      maxLength?: number;
    }
  | { kind: 'select'; autocomplete?: string; placeholder: FieldText; options: SelectOption[] }
  | { kind: 'checkbox' };

/**
 * When an edit is saved: `commit` when the buyer leaves the field (or picks, ticks, presses Enter, pays); `typing`
 * also after a pause in typing, for text that changes the price (an amount, a postal code, a tax ID) so the total
 * follows it; `apply` only on an explicit action (a discount code's Apply button).
 */
export type SaveWhen = 'typing' | 'commit' | 'apply';

export type BillingSlot = 'email' | 'name' | `address.${AddressField}`;

export interface FieldSpec {
  path: string;
  section: FieldSection;
  label: FieldText;
  hint?: FieldText;
  control: FieldControl;
  required: boolean;
  /** Shown, but the value is the server's and cannot be changed. */
  locked?: boolean;
  /** Sits beside the next half-width field. */
  half?: boolean;
  save: SaveWhen;
  /** Checked as soon as it is committed, and not saved while wrong (it changes the price: an amount, a seat count). */
  checkOnCommit?: boolean;
  /** The value a fresh draft starts from. */
  initial(checkout: CheckoutPublic, locale: string): DraftValue;
  /** The draft after the buyer sets this field (most fields just store the value). */
  write?(draft: Draft, value: DraftValue): Draft;
  /** Start again from the server's value when a new snapshot changes what this field is about. */
  resetOn?(previous: CheckoutPublic, next: CheckoutPublic): boolean;
  /** Why the value cannot be paid with, or null. */
  validate(context: FieldContext): Message | null;
  /** The update that saves the field, or null when there is nothing sendable yet (or nothing changed). */
  patch(context: FieldContext, purpose: 'save' | 'confirm'): CheckoutUpdatePublic | null;
  billing?: BillingSlot;
}

const textOf = (value: DraftValue | undefined): string =>
  typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
const trimmedOrNull = (value: DraftValue | undefined): string | null => textOf(value).trim() || null;

function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

type ColumnPath = 'customer_name' | 'customer_billing_name' | 'customer_tax_id';

/** A text field that is one column of the session: starts from it, saves it trimmed (empty as null). */
function columnField(
  path: ColumnPath,
  spec: Pick<FieldSpec, 'section' | 'label' | 'control' | 'required' | 'save'> & Partial<FieldSpec>,
): FieldSpec {
  return {
    path,
    initial: (checkout) => checkout[path] ?? '',
    validate: ({ draft }) => (spec.required && !trimmedOrNull(draft[path]) ? message('error.required') : null),
    patch: ({ draft }) => ({ [path]: trimmedOrNull(draft[path]) }),
    ...spec,
  };
}

// ---- contact ------------------------------------------------------------------------------------------------

const email: FieldSpec = {
  path: 'customer_email',
  section: 'contact',
  label: message('contact.email'),
  control: { kind: 'text', type: 'email', autocomplete: 'email', inputmode: 'email' },
  required: true,
  save: 'commit',
  billing: 'email',
  initial: (checkout) => checkout.customer_email ?? '',
  validate: ({ draft }) => {
    const text = textOf(draft.customer_email);
    if (!text.trim()) return message('error.required');
    return looksLikeEmail(text) ? null : message('error.email');
  },
  patch: ({ draft }, purpose) => {
    const text = textOf(draft.customer_email);
    if (purpose === 'save') return looksLikeEmail(text) ? { customer_email: text.trim() } : null;
    return { customer_email: trimmedOrNull(text) };
  },
};

/** A known customer's email is theirs: shown, not editable, not sent. */
const lockedEmail = (checkout: CheckoutPublic): FieldSpec => ({
  ...email,
  locked: true,
  hint: message('contact.emailLocked'),
  initial: () => checkout.customer_email ?? '',
  validate: () => null,
  patch: () => null,
});

const name = columnField('customer_name', {
  section: 'contact',
  label: message('contact.name'),
  control: { kind: 'text', autocomplete: 'cc-name' },
  required: false,
  save: 'commit',
  billing: 'name',
});

// ---- custom fields ------------------------------------------------------------------------------------------

function customField(attached: AttachedCustomField): FieldSpec {
  const model = customFieldInputModel(attached);
  const slug = model.slug;
  const value = (draft: Draft) => toCustomFieldValue(attached, draft[model.path] ?? null);
  const common = {
    path: model.path,
    section: 'custom' as const,
    label: { markdown: model.label },
    hint: model.helpText ? { markdown: model.helpText } : undefined,
    required: model.required,
    initial: (checkout: CheckoutPublic) => {
      const saved = (checkout.custom_field_data as Record<string, DraftValue> | null | undefined)?.[slug] ?? null;
      return model.control === 'date' && typeof saved === 'string' ? saved.slice(0, 10) : saved;
    },
    validate: ({ draft, locale }: FieldContext) => {
      const problem = validateCustomField(attached, draft[model.path] ?? null, locale);
      return problem ? message(problem.key, problem.params) : null;
    },
    patch: ({ draft }: FieldContext) => ({ custom_field_data: { [slug]: value(draft) } }),
  };
  switch (model.control) {
    case 'checkbox':
      return { ...common, control: { kind: 'checkbox' }, save: 'commit' };
    case 'select':
      return {
        ...common,
        save: 'commit',
        control: {
          kind: 'select',
          options: model.options ?? [],
          placeholder: model.placeholder ? { text: model.placeholder } : message('field.selectPlaceholder'),
        },
      };
    case 'number':
    case 'date':
      return {
        ...common,
        save: 'commit',
        control: {
          kind: 'text',
          type: model.control,
          inputmode: model.control === 'number' ? 'numeric' : undefined,
          placeholder: model.placeholder ?? undefined,
          min: model.min === undefined ? undefined : String(model.min),
          max: model.max === undefined ? undefined : String(model.max),
        },
      };
    default:
      return {
        ...common,
        save: 'commit',
        control: {
          kind: 'text',
          multiline: model.control === 'textarea',
          placeholder: model.placeholder ?? undefined,
          minLength: model.minLength,
          maxLength: model.maxLength,
        },
      };
  }
}

// ---- billing address ----------------------------------------------------------------------------------------

const addressPath = (key: AddressField) => `customer_billing_address.${key}`;

const addressAutocomplete: Record<AddressField, string> = {
  country: 'country',
  line1: 'address-line1',
  line2: 'address-line2',
  postal_code: 'postal-code',
  city: 'address-level2',
  state: 'address-level1',
};

function addressDraft(draft: Draft): AddressDraft {
  return Object.fromEntries(addressFields.map((key) => [key, trimmedOrNull(draft[addressPath(key)])])) as AddressDraft;
}

/** Whether the form shows the billing address (and so confirms it). */
function addressShown(checkout: CheckoutPublic): boolean {
  return showsBillingAddress(checkout);
}

function addressFieldSpecs(checkout: CheckoutPublic, draft: Draft, locale: string, all: boolean): FieldSpec[] {
  const country = textOf(draft[addressPath('country')]) || null;
  const modes = addressFieldModes(checkout, country);
  const addressPatch = ({ draft: current }: FieldContext): CheckoutUpdatePublic | null => {
    const currentModes = addressFieldModes(checkout, trimmedOrNull(current[addressPath('country')]));
    const input = toAddressInput(addressDraft(current), currentModes);
    return input ? { customer_billing_address: input } : null;
  };
  const specs: FieldSpec[] = [];
  for (const key of addressFields) {
    const stateList = key === 'state' && needsStateSelect(country);
    if (modes[key] === 'disabled' && !stateList && !all) continue;
    const path = addressPath(key);
    const required = modes[key] === 'required';
    const base = {
      path,
      section: 'address' as const,
      // Worded for the country: "ZIP code" in the US, "Province or territory" in Canada.
      label: message(addressFieldLabelKey(key, country)),
      required,
      half: key === 'postal_code' || key === 'city',
      billing: `address.${key}` as BillingSlot,
      initial: (session: CheckoutPublic) => session.customer_billing_address?.[key] ?? '',
      validate: ({ draft: current }: FieldContext) => {
        const currentModes = addressFieldModes(checkout, trimmedOrNull(current[addressPath('country')]));
        return missingAddressFields(addressDraft(current), currentModes).includes(key)
          ? message('error.required')
          : null;
      },
      patch: addressPatch,
    };
    if (key === 'country') {
      specs.push({
        ...base,
        save: 'commit',
        control: {
          kind: 'select',
          autocomplete: addressAutocomplete.country,
          placeholder: message('address.countryPlaceholder'),
          options: countryOptions(locale).map((option) => ({ value: option.code, label: option.name })),
        },
        // A state from the old country's list means nothing in the new one.
        write: (current, value) => {
          const next = changeCountry(addressDraft(current), trimmedOrNull(value));
          return { ...current, [path]: textOf(value), [addressPath('state')]: next.state ?? '' };
        },
      });
    } else if (stateList) {
      specs.push({
        ...base,
        save: 'commit',
        control: {
          kind: 'select',
          autocomplete: addressAutocomplete.state,
          placeholder: message(statePlaceholderKey(country)),
          options: stateOptions(country, locale).map((option) => ({ value: option.code, label: option.name })),
        },
      });
    } else {
      // Tax follows the postal code; the street and city change nothing until the address is committed.
      const save = key === 'postal_code' ? 'typing' : 'commit';
      specs.push({ ...base, save, control: { kind: 'text', autocomplete: addressAutocomplete[key] } });
    }
  }
  return specs;
}

// ---- business -----------------------------------------------------------------------------------------------

const isBusiness: FieldSpec = {
  path: 'is_business_customer',
  section: 'business',
  label: message('business.toggle'),
  control: { kind: 'checkbox' },
  required: false,
  save: 'commit',
  initial: (checkout) => checkout.is_business_customer,
  validate: () => null,
  patch: ({ draft }) => ({ is_business_customer: draft.is_business_customer === true }),
};

const businessName = columnField('customer_billing_name', {
  section: 'business',
  label: message('business.name'),
  control: { kind: 'text', autocomplete: 'organization' },
  required: true,
  save: 'commit',
});

const taxId = columnField('customer_tax_id', {
  section: 'business',
  label: message('business.taxId'),
  control: { kind: 'text' },
  required: false,
  // Polar checks the number against the country when it is saved: wait until the buyer has finished typing it.
  save: 'commit',
});

// ---- order (shown in the summary) ---------------------------------------------------------------------------

const discountCode: FieldSpec = {
  path: 'discount_code',
  section: 'summary',
  label: message('discount.label'),
  control: { kind: 'text', autocomplete: 'off' },
  required: false,
  save: 'apply',
  initial: (checkout) => checkout.discount?.code ?? '',
  validate: () => null,
  // The applied code lives on the server; confirm does not send it again.
  patch: ({ draft }, purpose) => (purpose === 'save' ? { discount_code: trimmedOrNull(draft.discount_code) } : null),
};

/** Pay what you want: the amount as typed, in the buyer's notation. */
function amountField(checkout: CheckoutPublic, locale: string): FieldSpec {
  const price = checkout.product_price;
  const minimum = price?.amount_type === 'custom' ? formatMoney(price.minimum_amount, checkout.currency, locale) : '';
  const typed = ({ draft, checkout: session, locale }: FieldContext) =>
    parseMoneyInput(textOf(draft.amount), session.currency, locale);
  return {
    path: 'amount',
    section: 'summary',
    label: message('pwyw.label'),
    hint: message('pwyw.minimum', { amount: minimum }),
    control: { kind: 'text', inputmode: 'decimal' },
    required: true,
    save: 'typing',
    checkOnCommit: true,
    initial: (session, locale) => formatAmountInput(session.amount, session.currency, locale),
    resetOn: (previous, next) =>
      previous.product_price?.id !== next.product_price?.id || previous.currency !== next.currency,
    validate: (context) => {
      if (price?.amount_type !== 'custom') return null;
      const problem = customAmountError(typed(context), price, context.locale);
      return problem ? message(problem.key, problem.params) : null;
    },
    patch: (context, purpose) => {
      const amount = typed(context);
      if (amount === null || price?.amount_type !== 'custom' || customAmountError(amount, price, context.locale))
        return null;
      if (purpose === 'save' && amount === context.checkout.amount) return null;
      return { amount };
    },
  };
}

/** Seat-based pricing: how many seats, as the stepper or the buyer's typing left it. */
function seatsField(checkout: CheckoutPublic, price: SeatPrice): FieldSpec {
  const bounds = seatBounds(checkout, price);
  const typed = (draft: Draft) => parseSeatInput(textOf(draft.seats));
  return {
    path: 'seats',
    section: 'summary',
    label: message('seats.label'),
    control: { kind: 'text', inputmode: 'numeric' },
    required: true,
    save: 'commit',
    checkOnCommit: true,
    initial: (session) => String(currentSeats(session, bounds)),
    resetOn: (previous, next) => previous.product_price?.id !== next.product_price?.id,
    validate: ({ draft }) => {
      const problem = seatCountError(typed(draft), bounds);
      return problem ? message(problem.key, problem.params) : null;
    },
    // Seats are saved by updates only; confirm does not take them.
    patch: ({ draft, checkout: session }, purpose) => {
      const seats = typed(draft);
      if (purpose === 'confirm' || seats === null || seatCountError(seats, bounds) || seats === session.seats)
        return null;
      return { seats };
    },
  };
}

// ---- the registry -------------------------------------------------------------------------------------------

/**
 * Every field of this session, in the order the form shows them; `draft` decides the ones that depend on input.
 * With `all`, also those hidden until some input (business details, address fields the country does not ask for).
 */
export function fieldsFor(checkout: CheckoutPublic, draft: Draft, locale: string, all = false): FieldSpec[] {
  const fields: FieldSpec[] = [];
  const price = checkout.product_price;
  if (buyerInputFor(checkout) === 'amount') fields.push(amountField(checkout, locale));
  if (price?.amount_type === 'seat_based' && !seatBounds(checkout, price).fixed)
    fields.push(seatsField(checkout, price));
  if (checkout.allow_discount_codes && checkout.is_discount_applicable && !checkout.is_free_product_price) {
    fields.push(discountCode);
  }
  // A known customer's session (Polar also links one to the session once paid: the form is done by then).
  const knownCustomer = checkout.customer_id && checkout.customer_email && checkout.status === 'open';
  fields.push(knownCustomer ? lockedEmail(checkout) : email);
  if (checkout.is_payment_form_required) fields.push(name);
  const attached = [...(checkout.attached_custom_fields ?? [])].sort((a, b) => a.order - b.order);
  fields.push(...attached.map(customField));
  if (addressShown(checkout)) {
    fields.push(...addressFieldSpecs(checkout, draft, locale, all), isBusiness);
    if (all || draft.is_business_customer === true) fields.push(businessName, taxId);
  }
  return fields;
}

/** Looks one field up by path. */
export function fieldAt(checkout: CheckoutPublic, draft: Draft, locale: string, path: string): FieldSpec | undefined {
  return fieldsFor(checkout, draft, locale, true).find((field) => field.path === path);
}

/** The draft a freshly loaded session starts from. */
export function draftFromCheckout(checkout: CheckoutPublic, locale: string): Draft {
  return Object.fromEntries(
    fieldsFor(checkout, {}, locale, true).map((field) => [field.path, field.initial(checkout, locale)]),
  );
}

/**
 * The draft after a new snapshot: what the buyer typed stays, except fields whose subject changed (a pay-what-you-want
 * amount for another price), and fields the session gained start from the server's value.
 */
export function draftForSnapshot(draft: Draft, previous: CheckoutPublic, next: CheckoutPublic, locale: string): Draft {
  let result: Record<string, DraftValue> | null = null;
  for (const field of fieldsFor(next, draft, locale, true)) {
    const missing = !(field.path in draft);
    if (missing || field.resetOn?.(previous, next)) {
      result ??= { ...draft };
      result[field.path] = field.initial(next, locale);
    }
  }
  return result ?? draft;
}

/** Sets one field. */
export function withValue(
  checkout: CheckoutPublic,
  draft: Draft,
  locale: string,
  path: string,
  value: DraftValue,
): Draft {
  const field = fieldAt(checkout, draft, locale, path);
  return field?.write ? field.write(draft, value) : { ...draft, [path]: value };
}

/** What is wrong with the form before paying, by field path (empty when nothing is). */
export function validateForPayment(context: FieldContext): Record<string, Message> {
  const problems: Record<string, Message> = {};
  for (const field of fieldsFor(context.checkout, context.draft, context.locale)) {
    const problem = field.validate(context);
    if (problem) problems[field.path] = problem;
  }
  return problems;
}

/** Everything the form shows, as Polar's confirm expects it (confirm applies it as an update first). */
export function confirmUpdate(context: FieldContext): CheckoutUpdatePublic {
  let body: CheckoutUpdatePublic = {};
  for (const field of fieldsFor(context.checkout, context.draft, context.locale)) {
    const patch = field.patch(context, 'confirm');
    if (patch) body = mergeUpdates(body, patch);
  }
  // An address the buyer emptied is confirmed as none.
  if (addressShown(context.checkout) && !('customer_billing_address' in body)) body.customer_billing_address = null;
  return body;
}

/** The billing details Stripe's confirmation token gets, from the fields that feed them. */
export function billingFromDraft(context: FieldContext): BuyerDetails {
  const details: BuyerDetails = { email: context.checkout.customer_email, name: null, address: null };
  for (const field of fieldsFor(context.checkout, context.draft, context.locale)) {
    const value = trimmedOrNull(context.draft[field.path]);
    if (!field.billing || value === null) continue;
    if (field.billing === 'email') details.email = value;
    else if (field.billing === 'name') details.name = value;
    else (details.address ??= {})[field.billing.slice('address.'.length) as AddressField] = value;
  }
  return details;
}

/** Field paths (as in a 422 `loc`) the form has a place for; messages about any other path are said by the pay button. */
export function placesFor(checkout: CheckoutPublic, locale: string): Set<string> {
  const paths = new Set(fieldsFor(checkout, {}, locale, true).map((field) => field.path));
  paths.add('seats');
  paths.add('customer_billing_address');
  return paths;
}

/**
 * What the session controller uses of this module. It is handed over once loaded (SessionControllerOptions.formRules):
 * the script-tag bundle fetches it with the form's views while the session is read.
 */
export interface FormRules {
  draftFromCheckout: typeof draftFromCheckout;
  draftForSnapshot: typeof draftForSnapshot;
  withValue: typeof withValue;
  fieldAt: typeof fieldAt;
  validateForPayment: typeof validateForPayment;
  confirmUpdate: typeof confirmUpdate;
  billingFromDraft: typeof billingFromDraft;
  placesFor: typeof placesFor;
}
