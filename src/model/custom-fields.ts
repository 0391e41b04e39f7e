import type { components } from '../api/schema.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { formatCalendarDate } from './intl.js';
import { markdownToPlainText } from './inline-markdown.js';

type Schemas = components['schemas'];
export type AttachedCustomField = Schemas['AttachedCustomField'];
export type CustomFieldValue = string | number | boolean | null | undefined;

export interface FieldProblem {
  key: MessageKey;
  params?: MessageParams;
}

export type CustomFieldControl = 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select';

/** What a template needs to render one custom field. Label and help text are inline Markdown. */
export interface CustomFieldInputModel {
  slug: string;
  /** `custom_field_data.<slug>`: where 422 errors for this field point. */
  path: string;
  control: CustomFieldControl;
  label: string;
  /** The label without Markdown, for `aria-label` and error summaries. */
  plainLabel: string;
  helpText: string | null;
  placeholder: string | null;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  /** Number bounds, or `yyyy-mm-dd` for dates. */
  min?: number | string;
  max?: number | string;
  step?: number;
  options?: { value: string; label: string }[];
}

// Polar stores numbers as 32-bit integers.
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export function customFieldInputModel(attached: AttachedCustomField): CustomFieldInputModel {
  const field = attached.custom_field;
  const properties = field.properties;
  const label = properties.form_label?.trim() || field.name;
  const model: CustomFieldInputModel = {
    slug: field.slug,
    path: `custom_field_data.${field.slug}`,
    control: 'text',
    label,
    plainLabel: markdownToPlainText(label),
    helpText: properties.form_help_text?.trim() || null,
    placeholder: properties.form_placeholder?.trim() || null,
    required: attached.required,
  };
  switch (field.type) {
    case 'text':
      model.control = field.properties.textarea ? 'textarea' : 'text';
      if (field.properties.min_length != null) model.minLength = field.properties.min_length;
      if (field.properties.max_length != null) model.maxLength = field.properties.max_length;
      break;
    case 'number':
      model.control = 'number';
      model.step = 1;
      if (field.properties.ge != null) model.min = field.properties.ge;
      if (field.properties.le != null) model.max = field.properties.le;
      break;
    case 'date':
      model.control = 'date';
      if (field.properties.ge != null) model.min = unixToDay(field.properties.ge);
      if (field.properties.le != null) model.max = unixToDay(field.properties.le);
      break;
    case 'checkbox':
      model.control = 'checkbox';
      break;
    case 'select':
      model.control = 'select';
      model.options = field.properties.options.map((option) => ({ value: option.value, label: option.label }));
      break;
  }
  return model;
}

/**
 * Why `value` is not acceptable for the field, or null when it is. Mirrors Polar's server rules (text length,
 * integer bounds, date bounds, one of the options, a required checkbox must be ticked). With `locale`, dates in
 * messages are written out for the buyer; without it they stay `yyyy-mm-dd`.
 */
export function validateCustomField(
  attached: AttachedCustomField,
  value: CustomFieldValue,
  locale?: string,
): FieldProblem | null {
  const field = attached.custom_field;
  const required = attached.required;

  if (field.type === 'checkbox') {
    if (required && value !== true) return { key: 'error.mustAccept' };
    return null;
  }
  if (isEmpty(value)) return required ? { key: 'error.required' } : null;

  switch (field.type) {
    case 'text': {
      const text = String(value);
      const length = Array.from(text).length;
      const { min_length: minLength, max_length: maxLength } = field.properties;
      if (minLength != null && length < minLength) return { key: 'error.tooShort', params: { count: minLength } };
      if (maxLength != null && length > maxLength) return { key: 'error.tooLong', params: { count: maxLength } };
      return null;
    }
    case 'number': {
      const number = toInteger(value);
      if (number === null) return { key: 'error.number' };
      const min = field.properties.ge ?? INT32_MIN;
      const max = field.properties.le ?? INT32_MAX;
      if (number < min) return { key: 'error.numberMin', params: { min } };
      if (number > max) return { key: 'error.numberMax', params: { max } };
      return null;
    }
    case 'date': {
      const day = toDay(value);
      if (day === null) return { key: 'error.date' };
      const { ge, le } = field.properties;
      const show = (isoDay: string) => (locale ? formatCalendarDate(isoDay, locale) : isoDay);
      if (ge != null && day < unixToDay(ge)) return { key: 'error.dateMin', params: { date: show(unixToDay(ge)) } };
      if (le != null && day > unixToDay(le)) return { key: 'error.dateMax', params: { date: show(unixToDay(le)) } };
      return null;
    }
    case 'select': {
      const known = field.properties.options.some((option) => option.value === String(value));
      return known ? null : { key: 'error.option' };
    }
  }
}

/** The value to put in `custom_field_data` for what the control holds: numbers as integers, empty as null. */
export function toCustomFieldValue(
  attached: AttachedCustomField,
  raw: CustomFieldValue,
): string | number | boolean | null {
  const field = attached.custom_field;
  if (field.type === 'checkbox') return raw === true;
  if (isEmpty(raw)) return null;
  switch (field.type) {
    case 'number':
      return toInteger(raw);
    case 'date':
      return toDay(raw);
    default:
      return String(raw);
  }
}

function isEmpty(value: CustomFieldValue): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function toInteger(value: CustomFieldValue): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFKC').trim().replace(/^−/, '-');
  if (!/^[+-]?\d+$/.test(text)) return null;
  const number = Number(text);
  return Number.isSafeInteger(number) ? number : null;
}

/** `yyyy-mm-dd` from a date input's value or an ISO timestamp; null when it is not a real date. */
function toDay(value: CustomFieldValue): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid =
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : null;
}

/** Polar keeps date bounds as Unix seconds and compares calendar days in UTC. */
function unixToDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}
