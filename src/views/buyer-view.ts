/** The buyer's details, section by section, each a loop over the registry's fields of that section. */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldSection, FieldSpec } from '../checkout/fields.js';
import { fieldView } from './field-view.js';
import type { ViewContext } from './view-context.js';

const inSection = (context: ViewContext, section: FieldSection) =>
  context.fields.filter((field) => field.section === section);

/** Fields in order; a half-width field shares a row with the one after it (postal code and city). */
function fieldsView(fields: FieldSpec[], context: ViewContext): unknown[] {
  const views: unknown[] = [];
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    const next = fields[index + 1];
    if (field.half && next?.half) {
      views.push(html`<div class="row">${fieldView(field, context)} ${fieldView(next, context)}</div>`);
      index++;
    } else {
      views.push(fieldView(field, context));
    }
  }
  return views;
}

export function contactView(context: ViewContext): TemplateResult {
  return html`<section class="fields" aria-labelledby="contact-heading">
    <h3 id="contact-heading">${context.t('contact.heading')}</h3>
    ${fieldsView(inSection(context, 'contact'), context)}
  </section>`;
}

export function customFieldsView(context: ViewContext): TemplateResult | typeof nothing {
  const fields = inSection(context, 'custom');
  return fields.length === 0 ? nothing : html`<section class="fields">${fieldsView(fields, context)}</section>`;
}

export function addressView(context: ViewContext): TemplateResult | typeof nothing {
  const fields = inSection(context, 'address');
  if (fields.length === 0) return nothing;
  const groupError = context.fieldError('customer_billing_address');
  return html`<section class="fields" aria-labelledby="billing-heading">
    <h3 id="billing-heading">${context.t('billing.heading')}</h3>
    ${fieldsView(fields, context)} ${groupError ? html`<p part="error" role="alert">${groupError}</p>` : nothing}
  </section>`;
}

export function businessView(context: ViewContext): TemplateResult | typeof nothing {
  const fields = inSection(context, 'business');
  return fields.length === 0 ? nothing : html`<section class="fields">${fieldsView(fields, context)}</section>`;
}
