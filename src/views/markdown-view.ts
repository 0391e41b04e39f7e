/** Merchant-written inline Markdown (custom field labels and help) as text nodes, bold, italics and safe links, in a <bdi>. */
import { html, type TemplateResult } from 'lit';
import type { Translate } from '../i18n/localize.js';
import { withoutStrayPops } from '../model/bidi.js';
import { parseInlineMarkdown } from '../model/inline-markdown.js';
import { merchantText } from './merchant-text.js';

export function inlineMarkdown(source: string, t: Translate): TemplateResult {
  // A pop of an isolate the text did not open would end the <bdi> around it early.
  const tokens = parseInlineMarkdown(withoutStrayPops(source)).map((token) => {
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
  });
  return merchantText(html`${tokens}`);
}
