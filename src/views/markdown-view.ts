/** Merchant-written inline Markdown (custom field labels and help) as text nodes, bold, italics and safe links. */
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/localize.js';
import { parseInlineMarkdown } from '../model/inline-markdown.js';

export function inlineMarkdown(source: string, t: Translate): TemplateResult {
  return html`${parseInlineMarkdown(source).map((token) => {
    switch (token.type) {
      case 'strong':
        return html`<strong>${token.text}</strong>`;
      case 'em':
        return html`<em>${token.text}</em>`;
      case 'link':
        return html`<a href=${token.href} target="_blank" rel="noopener noreferrer"
          >${token.text}<span class="visually-hidden"> (${t('a11y.opensInNewTab')})</span></a
        >`;
      default:
        return token.text;
    }
  })}`;
}
