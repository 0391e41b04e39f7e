import { expect } from '@open-wc/testing';
import type { components } from '../../src/api/schema.js';
import { customFieldInputModel, toCustomFieldValue, validateCustomField } from '../../src/model/custom-fields.js';
import { markdownToPlainText, parseInlineMarkdown } from '../../src/model/inline-markdown.js';

type Schemas = components['schemas'];
type AttachedCustomField = Schemas['AttachedCustomField'];

const base = {
  created_at: '2026-01-01T00:00:00Z',
  modified_at: null,
  id: 'field-1',
  metadata: {},
  organization_id: 'org-1',
};
const attach = (custom_field: Schemas['CustomField'], required = false): AttachedCustomField => ({
  custom_field_id: custom_field.id,
  custom_field,
  order: 0,
  required,
});

const text = (properties: Schemas['CustomFieldTextProperties'] = {}, required = false) =>
  attach({ ...base, type: 'text', slug: 'company', name: 'Company', properties }, required);
const number = (properties: Schemas['CustomFieldNumberProperties'] = {}, required = false) =>
  attach({ ...base, type: 'number', slug: 'team_size', name: 'Team size', properties }, required);
const date = (properties: Schemas['CustomFieldDateProperties'] = {}, required = false) =>
  attach({ ...base, type: 'date', slug: 'start', name: 'Start date', properties }, required);
const checkbox = (required = false) =>
  attach(
    {
      ...base,
      type: 'checkbox',
      slug: 'terms',
      name: 'Terms',
      properties: { form_label: 'I accept the [terms](https://shop.test/terms)' },
    },
    required,
  );
const select = (required = false) =>
  attach(
    {
      ...base,
      type: 'select',
      slug: 'plan',
      name: 'Plan',
      properties: {
        options: [
          { value: 'a', label: 'Option A' },
          { value: 'b', label: 'Option B' },
        ],
      },
    },
    required,
  );

// 2026-01-01 and 2026-12-31 at 00:00 UTC.
const JAN_1 = 1767225600;
const DEC_31 = 1798675200;

describe('validateCustomField', () => {
  it('requires a value only for required fields', () => {
    expect(validateCustomField(text({}, true), '')).to.deep.equal({ key: 'error.required' });
    expect(validateCustomField(text({}, true), '   ')).to.deep.equal({ key: 'error.required' });
    expect(validateCustomField(text({}, true), null)).to.deep.equal({ key: 'error.required' });
    expect(validateCustomField(text(), '')).to.equal(null);
    expect(validateCustomField(number(), undefined)).to.equal(null);
  });

  it('checks text length in characters, not UTF-16 units', () => {
    const field = text({ min_length: 3, max_length: 5 });
    expect(validateCustomField(field, 'ab')).to.deep.equal({ key: 'error.tooShort', params: { count: 3 } });
    expect(validateCustomField(field, 'abcdef')).to.deep.equal({ key: 'error.tooLong', params: { count: 5 } });
    expect(validateCustomField(field, 'abc')).to.equal(null);
    expect(validateCustomField(field, '😀😀😀😀😀')).to.equal(null);
  });

  it('checks numbers are whole and within bounds', () => {
    const field = number({ ge: 1, le: 100 });
    expect(validateCustomField(field, 0)).to.deep.equal({ key: 'error.numberMin', params: { min: 1 } });
    expect(validateCustomField(field, '101')).to.deep.equal({ key: 'error.numberMax', params: { max: 100 } });
    expect(validateCustomField(field, '2.5')).to.deep.equal({ key: 'error.number' });
    expect(validateCustomField(field, 'ten')).to.deep.equal({ key: 'error.number' });
    expect(validateCustomField(field, ' 42 ')).to.equal(null);
    expect(validateCustomField(number(), 3_000_000_000)).to.deep.equal({
      key: 'error.numberMax',
      params: { max: 2147483647 },
    });
  });

  it('checks dates against bounds given as Unix seconds', () => {
    const field = date({ ge: JAN_1, le: DEC_31 });
    expect(validateCustomField(field, '2026-01-01')).to.equal(null);
    expect(validateCustomField(field, '2026-12-31')).to.equal(null);
    expect(validateCustomField(field, '2025-12-31')).to.deep.equal({
      key: 'error.dateMin',
      params: { date: '2026-01-01' },
    });
    expect(validateCustomField(field, '2027-01-01')).to.deep.equal({
      key: 'error.dateMax',
      params: { date: '2026-12-31' },
    });
    expect(validateCustomField(field, '2026-02-30')).to.deep.equal({ key: 'error.date' });
    expect(validateCustomField(field, 'tomorrow')).to.deep.equal({ key: 'error.date' });
  });

  it('writes date bounds for the buyer when given a locale', () => {
    expect(validateCustomField(date({ ge: JAN_1 }), '2025-06-01', 'en')?.params).to.deep.equal({
      date: 'January 1, 2026',
    });
    expect(validateCustomField(date({ ge: JAN_1 }), '2025-06-01', 'de')?.params).to.deep.equal({
      date: '1. Januar 2026',
    });
  });

  it('requires a required checkbox to be ticked', () => {
    expect(validateCustomField(checkbox(true), false)).to.deep.equal({ key: 'error.mustAccept' });
    expect(validateCustomField(checkbox(true), null)).to.deep.equal({ key: 'error.mustAccept' });
    expect(validateCustomField(checkbox(true), true)).to.equal(null);
    expect(validateCustomField(checkbox(false), false)).to.equal(null);
  });

  it('accepts only listed options', () => {
    expect(validateCustomField(select(), 'a')).to.equal(null);
    expect(validateCustomField(select(), 'z')).to.deep.equal({ key: 'error.option' });
    expect(validateCustomField(select(true), '')).to.deep.equal({ key: 'error.required' });
  });
});

describe('customFieldInputModel', () => {
  it('describes a text area with length limits', () => {
    const model = customFieldInputModel(
      text({ textarea: true, min_length: 2, max_length: 200, form_help_text: 'As on your invoice' }, true),
    );
    expect(model).to.deep.include({
      slug: 'company',
      path: 'custom_field_data.company',
      control: 'textarea',
      label: 'Company',
      helpText: 'As on your invoice',
      placeholder: null,
      required: true,
      minLength: 2,
      maxLength: 200,
    });
  });

  it('gives number and date bounds as input attributes', () => {
    expect(customFieldInputModel(number({ ge: 1, le: 50 }))).to.deep.include({
      control: 'number',
      min: 1,
      max: 50,
      step: 1,
    });
    expect(customFieldInputModel(date({ ge: JAN_1, le: DEC_31 }))).to.deep.include({
      control: 'date',
      min: '2026-01-01',
      max: '2026-12-31',
    });
  });

  it('prefers the form label and keeps a plain version of it', () => {
    const model = customFieldInputModel(checkbox(true));
    expect(model.label).to.equal('I accept the [terms](https://shop.test/terms)');
    expect(model.plainLabel).to.equal('I accept the terms');
    expect(model.control).to.equal('checkbox');
  });

  it('lists select options', () => {
    expect(customFieldInputModel(select()).options).to.deep.equal([
      { value: 'a', label: 'Option A' },
      { value: 'b', label: 'Option B' },
    ]);
  });
});

describe('toCustomFieldValue', () => {
  it('converts what the control holds into what Polar stores', () => {
    expect(toCustomFieldValue(number(), '42')).to.equal(42);
    expect(toCustomFieldValue(number(), '')).to.equal(null);
    expect(toCustomFieldValue(date(), '2026-03-04')).to.equal('2026-03-04');
    expect(toCustomFieldValue(checkbox(), true)).to.equal(true);
    expect(toCustomFieldValue(checkbox(), null)).to.equal(false);
    expect(toCustomFieldValue(select(), '')).to.equal(null);
    expect(toCustomFieldValue(text(), 'Acme')).to.equal('Acme');
  });
});

describe('parseInlineMarkdown', () => {
  it('reads links, bold and italic into tokens', () => {
    expect(
      parseInlineMarkdown('I accept the [terms](https://shop.test/terms) and **privacy** *policy*.'),
    ).to.deep.equal([
      { type: 'text', text: 'I accept the ' },
      { type: 'link', text: 'terms', href: 'https://shop.test/terms' },
      { type: 'text', text: ' and ' },
      { type: 'strong', text: 'privacy' },
      { type: 'text', text: ' ' },
      { type: 'em', text: 'policy' },
      { type: 'text', text: '.' },
    ]);
  });

  it('drops links that are not web or mail links', () => {
    expect(parseInlineMarkdown('[click](javascript:alert(1))')).to.deep.equal([{ type: 'text', text: 'click' }]);
    expect(parseInlineMarkdown('[x](/relative)')).to.deep.equal([{ type: 'text', text: 'x' }]);
    expect(parseInlineMarkdown('[mail](mailto:help@shop.test)')).to.deep.equal([
      { type: 'link', text: 'mail', href: 'mailto:help@shop.test' },
    ]);
  });

  it('keeps parentheses inside link targets', () => {
    expect(parseInlineMarkdown('[wiki](https://en.wikipedia.org/wiki/Tea_(drink))')).to.deep.equal([
      { type: 'link', text: 'wiki', href: 'https://en.wikipedia.org/wiki/Tea_(drink)' },
    ]);
  });

  it('keeps HTML as text and snake_case words intact', () => {
    expect(parseInlineMarkdown('<img src=x onerror=alert(1)>')).to.deep.equal([
      { type: 'text', text: '<img src=x onerror=alert(1)>' },
    ]);
    expect(markdownToPlainText('my_field_name')).to.equal('my_field_name');
    expect(parseInlineMarkdown('')).to.deep.equal([]);
  });
});
