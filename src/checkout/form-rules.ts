/** What must be filled in before paying, checked in the browser so the buyer hears it before any request. */
import type { CheckoutPublic } from '../api/types.js';
import type { Translate } from '../i18n/localize.js';
import { validateCustomField } from '../model/custom-fields.js';
import { addressKeys, looksLikeEmail, type AddressModes, type BuyerDraft } from './buyer-draft.js';

export function validateForPayment(
  draft: BuyerDraft,
  checkout: CheckoutPublic,
  modes: AddressModes,
  addressShown: boolean,
  t: Translate,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!checkout.customer_id) {
    if (!draft.email.trim()) errors.customer_email = t('error.required');
    else if (!looksLikeEmail(draft.email)) errors.customer_email = t('error.email');
  }
  if (addressShown) {
    for (const key of addressKeys) {
      if (modes[key] === 'required' && !draft.address[key].trim()) {
        errors[`customer_billing_address.${key}`] = t('error.required');
      }
    }
  }
  if (draft.isBusiness && !draft.businessName.trim()) errors.customer_billing_name = t('error.required');
  for (const attached of checkout.attached_custom_fields ?? []) {
    const problem = validateCustomField(attached, draft.customFields[attached.custom_field.slug] ?? null);
    if (problem) errors[`custom_field_data.${attached.custom_field.slug}`] = t(problem.key, problem.params);
  }
  return errors;
}
