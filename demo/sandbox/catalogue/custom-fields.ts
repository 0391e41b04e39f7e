import type { components } from '../checkouts-schema.js';
import { CATALOGUE_CREATED_AT, stableUuid } from './ids.js';
import { organization } from './organization.js';

type AttachedCustomField = components['schemas']['AttachedCustomField'];

const common = (slug: string) => ({
  created_at: CATALOGUE_CREATED_AT,
  modified_at: null,
  id: stableUuid(`custom-field:${slug}`),
  metadata: {},
  slug,
  organization_id: organization.id,
});

const company: components['schemas']['CustomFieldText'] = {
  ...common('company'),
  type: 'text',
  name: 'Company',
  properties: {
    form_label: 'Company name',
    form_help_text: 'Printed on your **badge**.',
    form_placeholder: 'Acme Inc.',
    min_length: 2,
    max_length: 80,
  },
};

const shirtSize: components['schemas']['CustomFieldSelect'] = {
  ...common('tshirt_size'),
  type: 'select',
  name: 'T-shirt size',
  properties: {
    form_label: 'T-shirt size',
    options: [
      { value: 's', label: 'Small' },
      { value: 'm', label: 'Medium' },
      { value: 'l', label: 'Large' },
    ],
  },
};

const acceptTerms: components['schemas']['CustomFieldCheckbox'] = {
  ...common('accept_terms'),
  type: 'checkbox',
  name: 'Workshop terms',
  properties: { form_label: 'I agree to the [workshop terms](https://example.com/terms)' },
};

/** The fields attached to the workshop product: a required text, an optional select, a required checkbox. */
export const workshopCustomFields: AttachedCustomField[] = [
  { custom_field_id: company.id, custom_field: company, order: 0, required: true },
  { custom_field_id: shirtSize.id, custom_field: shirtSize, order: 1, required: false },
  { custom_field_id: acceptTerms.id, custom_field: acceptTerms, order: 2, required: true },
];
