/** One labelled input with its error message wired for assistive tech. */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

export interface TextFieldOptions {
  id: string;
  label: string | TemplateResult;
  value: string;
  error?: string | undefined;
  required?: boolean;
  optionalText?: string;
  type?: 'text' | 'email' | 'number' | 'date';
  autocomplete?: string;
  inputmode?: 'text' | 'decimal' | 'numeric' | 'email';
  disabled?: boolean;
  placeholder?: string;
  hint?: string | TemplateResult;
  multiline?: boolean;
  /** Every keystroke. */
  onInput(value: string): void;
  /** Leaving the field (blur) or pressing Enter. */
  onCommit?(value: string): void;
  min?: string;
  max?: string;
  minLength?: number;
  maxLength?: number;
}

export function textField(options: TextFieldOptions): TemplateResult {
  const errorId = `${options.id}-error`;
  const hintId = `${options.id}-hint`;
  const describedBy = [options.error ? errorId : '', options.hint ? hintId : ''].filter(Boolean).join(' ');
  const onInput = (event: Event) => options.onInput((event.target as HTMLInputElement).value);
  const onCommit = (event: Event) => options.onCommit?.((event.target as HTMLInputElement).value);
  const control = options.multiline
    ? html`<textarea
        part="input"
        id=${options.id}
        name=${options.id}
        rows="3"
        .value=${live(options.value)}
        ?required=${options.required}
        ?disabled=${options.disabled}
        minlength=${ifDefined(options.minLength)}
        maxlength=${ifDefined(options.maxLength)}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${onInput}
        @change=${onCommit}
      ></textarea>`
    : html`<input
        part="input"
        id=${options.id}
        name=${options.id}
        type=${options.type ?? 'text'}
        .value=${live(options.value)}
        autocomplete=${ifDefined(options.autocomplete)}
        inputmode=${ifDefined(options.inputmode)}
        placeholder=${ifDefined(options.placeholder)}
        min=${ifDefined(options.min)}
        max=${ifDefined(options.max)}
        minlength=${ifDefined(options.minLength)}
        maxlength=${ifDefined(options.maxLength)}
        ?required=${options.required}
        ?disabled=${options.disabled}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy || undefined)}
        @input=${onInput}
        @change=${onCommit}
      />`;
  return html`<div part="field" data-field=${options.id}>
    <label part="label" for=${options.id}
      >${options.label}${
        options.optionalText ? html` <span class="optional">${options.optionalText}</span>` : nothing
      }</label
    >
    ${control} ${options.hint ? html`<span class="hint" id=${hintId}>${options.hint}</span>` : nothing}
    ${fieldError(errorId, options.error)}
  </div>`;
}

export function fieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<p part="error" id=${id} role="alert">${message}</p>` : nothing;
}

export interface SelectFieldOptions {
  id: string;
  label: string | TemplateResult;
  value: string;
  options: { value: string; label: string }[];
  placeholder?: string;
  error?: string | undefined;
  required?: boolean;
  optionalText?: string;
  autocomplete?: string;
  disabled?: boolean;
  onChange(value: string): void;
}

export function selectField(options: SelectFieldOptions): TemplateResult {
  const errorId = `${options.id}-error`;
  return html`<div part="field" data-field=${options.id}>
    <label part="label" for=${options.id}
      >${options.label}${
        options.optionalText ? html` <span class="optional">${options.optionalText}</span>` : nothing
      }</label
    >
    <select
      part="input"
      id=${options.id}
      name=${options.id}
      autocomplete=${ifDefined(options.autocomplete)}
      ?required=${options.required}
      ?disabled=${options.disabled}
      aria-invalid=${options.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(options.error ? errorId : undefined)}
      @change=${(event: Event) => options.onChange((event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${options.value === ''} ?disabled=${options.required}>${options.placeholder ?? ''}</option>
      ${options.options.map(
        (option) =>
          html`<option value=${option.value} ?selected=${option.value === options.value}>${option.label}</option>`,
      )}
    </select>
    ${fieldError(errorId, options.error)}
  </div>`;
}

export function checkboxField(options: {
  id: string;
  label: string | TemplateResult;
  checked: boolean;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}): TemplateResult {
  const errorId = `${options.id}-error`;
  return html`<div part="field" data-field=${options.id}>
    <label class="check" part="label">
      <input
        type="checkbox"
        id=${options.id}
        name=${options.id}
        .checked=${live(options.checked)}
        ?required=${options.required}
        ?disabled=${options.disabled}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(options.error ? errorId : undefined)}
        @change=${(event: Event) => options.onChange((event.target as HTMLInputElement).checked)}
      />
      <span>${options.label}</span>
    </label>
    ${fieldError(errorId, options.error)}
  </div>`;
}
