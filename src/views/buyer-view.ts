/** The buyer's details: contact, billing address, business, custom fields. */
import { html, nothing, type TemplateResult } from 'lit';
import type { AttachedCustomField } from '../api/types.js';
import type { AddressKey } from '../checkout/buyer-draft.js';
import {
  addressFieldLabelKey,
  addressFieldModes,
  countryOptions,
  needsStateSelect,
  stateOptions,
  statePlaceholderKey,
} from '../model/address.js';
import { checkboxField, selectField, textField } from './field.js';
import { inlineMarkdown } from './markdown-view.js';
import type { ViewContext } from './view-context.js';

export function contactView(context: ViewContext): TemplateResult {
  const { checkout, state, t } = context;
  const locked = checkout.customer_id !== null && !!checkout.customer_email;
  return html`<section class="fields" aria-labelledby="contact-heading">
    <h3 id="contact-heading">${t('contact.heading')}</h3>
    ${textField({
      id: 'customer_email',
      label: t('contact.email'),
      type: 'email',
      autocomplete: 'email',
      inputmode: 'email',
      required: true,
      value: locked ? (checkout.customer_email ?? '') : state.draft.email,
      disabled: locked || !context.editable,
      hint: locked ? t('contact.emailLocked') : undefined,
      error: context.fieldError('customer_email'),
      onInput: (value) => context.edit('email', value, 'typing'),
      onCommit: (value) => context.edit('email', value, 'commit'),
    })}
    ${checkout.is_payment_form_required
      ? textField({
          id: 'customer_name',
          label: t('contact.name'),
          autocomplete: 'cc-name',
          value: state.draft.name,
          disabled: !context.editable,
          error: context.fieldError('customer_name'),
          onInput: (value) => context.edit('name', value, 'typing'),
          onCommit: (value) => context.edit('name', value, 'commit'),
        })
      : nothing}
  </section>`;
}

const addressAutocomplete: Record<AddressKey, string> = {
  country: 'country',
  line1: 'address-line1',
  line2: 'address-line2',
  postal_code: 'postal-code',
  city: 'address-level2',
  state: 'address-level1',
};

export function addressView(context: ViewContext): TemplateResult | typeof nothing {
  const { checkout, state, t, locale } = context;
  if (!checkout.is_payment_form_required && !checkout.require_billing_address) return nothing;
  const modes = addressFieldModes(checkout);
  const country = state.draft.address.country;
  const shown = (key: AddressKey) => modes[key] !== 'disabled' || (key === 'state' && needsStateSelect(country));
  const field = (key: AddressKey) => {
    if (!shown(key)) return nothing;
    const required = modes[key] === 'required';
    const common = {
      id: `customer_billing_address.${key}`,
      // Worded for the country: "ZIP code" in the US, "Province or territory" in Canada.
      label: t(addressFieldLabelKey(key, country)),
      required,
      optionalText: required ? undefined : t('field.optional'),
      autocomplete: addressAutocomplete[key],
      disabled: !context.editable,
      error: context.fieldError(`customer_billing_address.${key}`),
      value: state.draft.address[key],
    };
    if (key === 'country') {
      return selectField({
        ...common,
        placeholder: t('address.countryPlaceholder'),
        options: countryOptions(locale).map((option) => ({ value: option.code, label: option.name })),
        onChange: (value) => context.edit('address.country', value, 'commit'),
      });
    }
    if (key === 'state' && needsStateSelect(country)) {
      return selectField({
        ...common,
        placeholder: t(statePlaceholderKey(country)),
        options: stateOptions(country, locale).map((option) => ({ value: option.code, label: option.name })),
        onChange: (value) => context.edit('address.state', value, 'commit'),
      });
    }
    return textField({
      ...common,
      onInput: (value) => context.edit(`address.${key}`, value, 'typing'),
      onCommit: (value) => context.edit(`address.${key}`, value, 'commit'),
    });
  };
  const groupError = context.fieldError('customer_billing_address');
  return html`<section class="fields" aria-labelledby="billing-heading">
    <h3 id="billing-heading">${t('billing.heading')}</h3>
    ${field('country')} ${field('line1')} ${field('line2')}
    <div class="row">${field('postal_code')} ${field('city')}</div>
    ${field('state')}
    ${groupError ? html`<p part="error" role="alert">${groupError}</p>` : nothing}
  </section>`;
}

export function businessView(context: ViewContext): TemplateResult | typeof nothing {
  const { checkout, state, t } = context;
  if (!checkout.is_payment_form_required && !checkout.require_billing_address) return nothing;
  return html`<section class="fields">
    ${checkboxField({
      id: 'is_business_customer',
      label: t('business.toggle'),
      checked: state.draft.isBusiness,
      disabled: !context.editable,
      onChange: (checked) => context.edit('isBusiness', checked, 'commit'),
    })}
    ${state.draft.isBusiness
      ? html`${textField({
          id: 'customer_billing_name',
          label: t('business.name'),
          autocomplete: 'organization',
          required: true,
          value: state.draft.businessName,
          disabled: !context.editable,
          error: context.fieldError('customer_billing_name'),
          onInput: (value) => context.edit('businessName', value, 'typing'),
          onCommit: (value) => context.edit('businessName', value, 'commit'),
        })}
        ${textField({
          id: 'customer_tax_id',
          label: t('business.taxId'),
          optionalText: t('field.optional'),
          value: state.draft.taxId,
          disabled: !context.editable,
          error: context.fieldError('customer_tax_id'),
          onInput: (value) => context.edit('taxId', value, 'local'),
          onCommit: (value) => context.edit('taxId', value, 'commit'),
        })}`
      : nothing}
  </section>`;
}

export function customFieldsView(context: ViewContext): TemplateResult | typeof nothing {
  const attached = [...(context.checkout.attached_custom_fields ?? [])].sort((a, b) => a.order - b.order);
  if (attached.length === 0) return nothing;
  return html`<section class="fields">${attached.map((field) => customField(context, field))}</section>`;
}

function customField(context: ViewContext, attached: AttachedCustomField): TemplateResult {
  const field = attached.custom_field;
  const { t, state } = context;
  const id = `custom_field_data.${field.slug}`;
  const value = state.draft.customFields[field.slug];
  const properties = field.properties as Record<string, unknown>;
  const label = inlineMarkdown(
    typeof properties.form_label === 'string' && properties.form_label.trim() ? properties.form_label : field.name,
    t,
  );
  const help = typeof properties.form_help_text === 'string' && properties.form_help_text.trim()
    ? inlineMarkdown(properties.form_help_text, t)
    : undefined;
  const placeholder = typeof properties.form_placeholder === 'string' ? properties.form_placeholder : undefined;
  const common = {
    id,
    label,
    required: attached.required,
    optionalText: attached.required ? undefined : t('field.optional'),
    disabled: !context.editable,
    error: context.fieldError(id),
  };
  const edit = (next: string | number | boolean | null, when: 'typing' | 'commit') =>
    context.edit(`custom.${field.slug}`, next, when);
  switch (field.type) {
    case 'checkbox':
      return checkboxField({ ...common, checked: value === true, onChange: (checked) => edit(checked, 'commit') });
    case 'select': {
      const options = (properties.options as { value: string; label: string }[] | undefined) ?? [];
      return selectField({
        ...common,
        value: typeof value === 'string' ? value : '',
        options,
        placeholder: placeholder ?? t('field.selectPlaceholder'),
        onChange: (next) => edit(next || null, 'commit'),
      });
    }
    case 'number': {
      const toNumber = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? null : Number(text));
      return textField({
        ...common,
        type: 'number',
        inputmode: 'decimal',
        hint: help,
        placeholder,
        value: value === null || value === undefined ? '' : String(value),
        min: typeof properties.ge === 'number' ? String(properties.ge) : undefined,
        max: typeof properties.le === 'number' ? String(properties.le) : undefined,
        onInput: (text) => edit(toNumber(text), 'typing'),
        onCommit: (text) => edit(toNumber(text), 'commit'),
      });
    }
    case 'date':
      return textField({
        ...common,
        type: 'date',
        hint: help,
        value: typeof value === 'string' ? value.slice(0, 10) : '',
        onInput: (text) => edit(text || null, 'typing'),
        onCommit: (text) => edit(text || null, 'commit'),
      });
    default:
      return textField({
        ...common,
        hint: help,
        placeholder,
        multiline: properties.textarea === true,
        minLength: typeof properties.min_length === 'number' ? properties.min_length : undefined,
        maxLength: typeof properties.max_length === 'number' ? properties.max_length : undefined,
        value: typeof value === 'string' ? value : '',
        onInput: (text) => edit(text || null, 'typing'),
        onCommit: (text) => edit(text || null, 'commit'),
      });
  }
}
