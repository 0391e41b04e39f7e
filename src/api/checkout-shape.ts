/**
 * Checks an answer's shape before it enters state: a body that is not a session the element can show (`{}`, `[]`,
 * `products: null`, a wrong type) becomes a clear, retryable error instead of a TypeError somewhere in a template.
 * Only what the element reads is checked; the rest of the body is Polar's business.
 */
import { CheckoutApiError } from './errors.js';
import type { CheckoutPublic } from './types.js';

type Check = (value: unknown) => boolean;

const string: Check = (value) => typeof value === 'string';
const number: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const boolean: Check = (value) => typeof value === 'boolean';
const object: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || value === undefined || check(value);
const arrayOf =
  (check: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(check);
const shaped =
  (fields: Record<string, Check>): Check =>
  (value) =>
    object(value) && Object.entries(fields).every(([key, check]) => check((value as Record<string, unknown>)[key]));

const STATUSES = ['open', 'expired', 'confirmed', 'succeeded', 'failed'];

const price = shaped({ id: string, amount_type: string, price_currency: string, is_archived: boolean });
const product = shaped({ id: string, name: string, prices: arrayOf(price), benefits: orNull(arrayOf(object)) });

const checkoutFields: Record<string, Check> = {
  id: string,
  status: (value) => typeof value === 'string' && STATUSES.includes(value),
  currency: string,
  amount: number,
  total_amount: number,
  net_amount: number,
  discount_amount: number,
  tax_amount: orNull(number),
  seats: orNull(number),
  products: arrayOf(product),
  product: orNull(product),
  product_id: orNull(string),
  product_price: orNull(price),
  prices: orNull(object),
  discount: orNull(object),
  organization: shaped({ name: string }),
  success_url: string,
  locale: orNull(string),
  is_payment_required: boolean,
  is_payment_setup_required: boolean,
  is_payment_form_required: boolean,
  is_free_product_price: boolean,
  is_discount_applicable: boolean,
  is_business_customer: boolean,
  allow_discount_codes: boolean,
  require_billing_address: boolean,
  billing_address_fields: object,
  customer_id: orNull(string),
  customer_email: orNull(string),
  customer_name: orNull(string),
  customer_billing_name: orNull(string),
  customer_tax_id: orNull(string),
  customer_billing_address: orNull(object),
  custom_field_data: orNull(object),
  attached_custom_fields: orNull(
    arrayOf(shaped({ custom_field: shaped({ slug: string, type: string, properties: object }) })),
  ),
  payment_processor_metadata: object,
};

/** The fields of `value` that do not have the shape the element needs (empty when it is a usable session). */
export function checkoutShapeProblems(value: unknown): string[] {
  if (!object(value)) return ['(the answer is not an object)'];
  const record = value as Record<string, unknown>;
  return Object.entries(checkoutFields)
    .filter(([key, check]) => !check(record[key]))
    .map(([key]) => key);
}

/** Returns the answer as a session, or throws a retryable `malformed` CheckoutApiError naming what is wrong. */
export function asCheckoutPublic(value: unknown, status?: number): CheckoutPublic {
  const problems = checkoutShapeProblems(value);
  if (problems.length === 0) return value as CheckoutPublic;
  throw new CheckoutApiError(
    'malformed',
    `Polar's answer is not a checkout session (${problems.slice(0, 5).join(', ')})`,
    '',
    status,
  );
}
