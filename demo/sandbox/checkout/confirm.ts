import type { SandboxContext } from '../context.js';
import type { ValidationErrorEntry } from '../contract/pydantic-errors.js';
import { businessValidation, fieldError, paymentError } from '../errors.js';
import type { CheckoutRecord } from '../store/checkout-record.js';
import { CUSTOMER_SESSION_TOKEN_PREFIX, generateToken, randomString } from '../store/tokens.js';
import { hasFullAddress, isBillingAddressRequired, isPaymentFormRequired } from './derived.js';
import { publishUpdated } from './events.js';
import { scheduleSuccess } from './fulfilment.js';
import { paymentOutcome } from './payment-outcome.js';
import { resetPaymentFormFields, updateTax } from './totals.js';
import { applyUpdate } from './update.js';
import type { UpdateInput } from './update.js';

const ADDRESS_PARTS = ['country', 'state', 'line1', 'city', 'postal_code'] as const;

/** Polar's `_get_required_confirm_fields` plus its full-address and token checks. */
function confirmErrors(record: CheckoutRecord, tokenId: string | null): ValidationErrorEntry[] {
  const errors: ValidationErrorEntry[] = [];
  const missing = (loc: string[], msg = 'Field required.') =>
    errors.push(fieldError(['body', ...loc], 'missing', msg, null));
  const address = record.customerBillingAddress;
  const paymentForm = isPaymentFormRequired(record);

  if (record.customerId === null && record.customerEmail === null) missing(['customer_email'], 'Field is required.');
  if (record.isBusinessCustomer && record.customerBillingName === null)
    missing(['customer_billing_name'], 'Field is required.');
  if ((paymentForm || record.isBusinessCustomer) && address === null)
    missing(['customer_billing_address'], 'Field is required.');
  if (paymentForm) {
    const country = address?.country ?? null;
    const full = isBillingAddressRequired(record) || country === 'US';
    const required: Record<(typeof ADDRESS_PARTS)[number], boolean> = {
      country: true,
      state: country === 'US' || country === 'CA',
      line1: full,
      city: full,
      postal_code: full,
    };
    for (const part of ADDRESS_PARTS) {
      if (required[part] && (address === null || address[part] === null || address[part] === undefined)) {
        missing(['customer_billing_address', part], 'Field is required.');
      }
    }
  }
  if (isBillingAddressRequired(record) && !hasFullAddress(record)) {
    errors.push(
      fieldError(['body', 'customer_billing_address'], 'value_error', 'Full billing address is required.', address),
    );
  }
  if (paymentForm && tokenId === null) missing(['confirmation_token_id'], 'Confirmation token is required.');
  return errors;
}

export interface ConfirmResult {
  record: CheckoutRecord;
  customerSessionToken: string;
}

/**
 * Polar's `confirm`: apply the body as an update, check what is required, charge through the
 * "Stripe" outcome of the token, then `confirmed`. Nothing is stored when it fails.
 */
export function confirmCheckout(context: SandboxContext, stored: CheckoutRecord, input: UpdateInput): ConfirmResult {
  const record = structuredClone(stored);
  applyUpdate(record, input, 'confirm');
  updateTax(record);
  resetPaymentFormFields(record);

  const tokenId = input.confirmation_token_id ?? null;
  const errors = confirmErrors(record, tokenId);
  if (errors.length > 0) throw businessValidation(errors);

  let awaitsAuthentication = false;
  if (isPaymentFormRequired(record) && tokenId !== null) {
    const outcome = paymentOutcome(tokenId, context.usedConfirmationTokens.has(tokenId));
    if (tokenId.startsWith('ctoken_')) context.usedConfirmationTokens.add(tokenId);
    if (outcome.kind === 'failed') throw paymentError(outcome.message);
    const intent = context.intents.create(
      record.clientSecret,
      outcome.kind === 'requires_action' ? 'requires_action' : 'succeeded',
    );
    awaitsAuthentication = outcome.kind === 'requires_action';
    record.paymentProcessorMetadata = {
      ...record.paymentProcessorMetadata,
      intent_client_secret: intent.clientSecret,
      intent_status: intent.status,
    };
  }

  const customer = record.customerId
    ? context.customers.get(record.customerId)
    : context.customers.upsert(
        record.customerEmail!,
        record.customerBillingName ?? record.customerName,
        record.externalCustomerId,
      );
  record.customerId = customer?.id ?? record.customerId;
  record.paymentProcessorMetadata = { ...record.paymentProcessorMetadata, customer_id: `cus_${randomString(14)}` };

  record.status = 'confirmed';
  record.modifiedAt = new Date().toISOString();
  context.store.save(record);
  context.log(`checkout ${record.id} confirmed${awaitsAuthentication ? ', waiting for 3-D Secure' : ''}`);
  publishUpdated(context, record);
  if (!awaitsAuthentication) scheduleSuccess(context, record.clientSecret);

  const customerSessionToken = generateToken(CUSTOMER_SESSION_TOKEN_PREFIX);
  context.customerSessionTokens.add(customerSessionToken);
  return { record, customerSessionToken };
}
