/** Any field of the registry (checkout/fields.ts) as its control: the form's sections loop over this. */
import { nothing, type TemplateResult } from 'lit';
import type { DraftValue, FieldSpec } from '../checkout/fields.js';
import { checkboxField, selectField, textField } from './field.js';
import type { ViewContext } from './view-context.js';

const asText = (value: DraftValue | undefined): string => (value === null || value === undefined ? '' : String(value));

export function fieldView(field: FieldSpec, context: ViewContext): TemplateResult | typeof nothing {
  const { state, t } = context;
  const value = state.draft[field.path];
  const common = {
    id: field.path,
    label: context.text(field.label),
    required: field.required,
    optionalText: field.required || field.control.kind === 'checkbox' ? undefined : t('field.optional'),
    disabled: !context.editable || field.locked === true,
    error: context.fieldError(field.path),
  };
  const control = field.control;
  switch (control.kind) {
    case 'checkbox':
      return checkboxField({
        ...common,
        checked: value === true,
        onChange: (checked) => context.edit(field.path, checked, 'commit'),
      });
    case 'select':
      return selectField({
        ...common,
        value: asText(value),
        autocomplete: control.autocomplete,
        placeholder: context.text(control.placeholder) as string,
        options: control.options,
        onChange: (next) => context.edit(field.path, next || null, 'commit'),
      });
    case 'text': {
      const toValue = (text: string): DraftValue =>
        (control.type === 'number' || control.type === 'date') && !text ? null : text;
      return textField({
        ...common,
        type: control.type,
        multiline: control.multiline,
        autocomplete: control.autocomplete,
        inputmode: control.inputmode,
        placeholder: control.placeholder,
        min: control.min,
        max: control.max,
        minLength: control.minLength,
        maxLength: control.maxLength,
        hint: field.hint ? context.text(field.hint) : undefined,
        value: asText(value),
        onInput: (text) => context.edit(field.path, toValue(text), 'input'),
        onCommit: (text) => context.edit(field.path, toValue(text), 'commit'),
      });
    }
  }
}
