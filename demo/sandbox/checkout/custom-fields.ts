import type { components } from '../checkouts-schema.js';
import type { ValidationErrorEntry } from '../contract/pydantic-errors.js';
import { businessValidation } from '../errors.js';
import type { CustomFieldValue } from '../store/checkout-record.js';

type AttachedCustomField = components['schemas']['AttachedCustomField'];
type Loc = ValidationErrorEntry['loc'];

const quote = (values: string[]): string =>
  values.length <= 1
    ? values.map((v) => `'${v}'`).join('')
    : `${values
        .slice(0, -1)
        .map((v) => `'${v}'`)
        .join(', ')} or '${values[values.length - 1]}'`;

function checkValue(
  field: AttachedCustomField,
  required: boolean,
  value: unknown,
  loc: Loc,
): ValidationErrorEntry | null {
  const definition = field.custom_field;
  if (value === null && !required && definition.type !== 'checkbox') return null;
  switch (definition.type) {
    case 'text': {
      if (typeof value !== 'string')
        return { type: 'string_type', loc, msg: 'Input should be a valid string', input: value };
      const { min_length: min, max_length: max } = definition.properties;
      if (min !== undefined && value.length < min) {
        return {
          type: 'string_too_short',
          loc,
          msg: `String should have at least ${min} character${min === 1 ? '' : 's'}`,
          input: value,
          ctx: { min_length: min },
        };
      }
      if (max !== undefined && value.length > max) {
        return {
          type: 'string_too_long',
          loc,
          msg: `String should have at most ${max} character${max === 1 ? '' : 's'}`,
          input: value,
          ctx: { max_length: max },
        };
      }
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isInteger(value))
        return { type: 'int_type', loc, msg: 'Input should be a valid integer', input: value };
      const { ge, le } = definition.properties;
      if (ge !== undefined && value < ge)
        return {
          type: 'greater_than_equal',
          loc,
          msg: `Input should be greater than or equal to ${ge}`,
          input: value,
          ctx: { ge },
        };
      if (le !== undefined && value > le)
        return {
          type: 'less_than_equal',
          loc,
          msg: `Input should be less than or equal to ${le}`,
          input: value,
          ctx: { le },
        };
      return null;
    }
    case 'date': {
      const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isNaN(time))
        return {
          type: 'datetime_from_date_parsing',
          loc,
          msg: 'Input should be a valid datetime or date',
          input: value,
        };
      const { ge, le } = definition.properties;
      if (ge !== undefined && time < ge * 1000)
        return {
          type: 'greater_than_equal',
          loc,
          msg: `Input should be greater than or equal to ${new Date(ge * 1000).toISOString().slice(0, 10)}`,
          input: value,
        };
      if (le !== undefined && time > (le + 86_399) * 1000)
        return {
          type: 'less_than_equal',
          loc,
          msg: `Input should be less than or equal to ${new Date(le * 1000).toISOString().slice(0, 10)}`,
          input: value,
        };
      return null;
    }
    case 'checkbox': {
      if (required)
        return value === true
          ? null
          : { type: 'literal_error', loc, msg: 'Input should be True', input: value, ctx: { expected: 'True' } };
      return typeof value === 'boolean'
        ? null
        : { type: 'bool_type', loc, msg: 'Input should be a valid boolean', input: value };
    }
    case 'select': {
      const options = definition.properties.options.map((option) => option.value);
      if (typeof value === 'string' && options.includes(value)) return null;
      const expected = quote(options);
      return { type: 'literal_error', loc, msg: `Input should be ${expected}`, input: value, ctx: { expected } };
    }
  }
}

/**
 * Polar's `validate_custom_field_data`: unknown slugs are dropped, known values checked against
 * their field, and required fields enforced only when asked (on confirm).
 */
export function validateCustomFieldData(
  fields: AttachedCustomField[],
  data: Record<string, unknown>,
  validateRequired: boolean,
): Record<string, CustomFieldValue> {
  const errors: ValidationErrorEntry[] = [];
  const clean: Record<string, CustomFieldValue> = {};
  for (const field of fields) {
    const slug = field.custom_field.slug;
    const required = validateRequired && field.required;
    const loc: Loc = ['body', 'custom_field_data', slug];
    if (!(slug in data)) {
      if (required) errors.push({ type: 'missing', loc, msg: 'Field required', input: data });
      continue;
    }
    const value = data[slug];
    const error = checkValue(field, required, value, loc);
    if (error) errors.push(error);
    else clean[slug] = value as CustomFieldValue;
  }
  if (errors.length > 0) throw businessValidation(errors);
  return clean;
}
