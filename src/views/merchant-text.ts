/** Text the merchant wrote, shown so it can neither widen the page nor turn the element's own words around. */
import { html, type TemplateResult } from 'lit';
import { isolatedParts, withoutStrayPops } from '../model/bidi.js';

/**
 * Renders merchant text in a `<bdi>`: an unterminated right-to-left override (or an Arabic or Hebrew name) stays
 * inside it. The `merchant-text` class lets long unbroken words wrap (see checkout.styles.ts).
 */
export function merchantText(text: string | TemplateResult): TemplateResult {
  return html`<bdi class="merchant-text">${typeof text === 'string' ? withoutStrayPops(text) : text}</bdi>`;
}

/** One of our sentences with merchant text marked by `isolated()` (e.g. "SAVE20 applied"): each marked part as merchantText. */
export function withMerchantText(sentence: string): TemplateResult {
  return html`${isolatedParts(sentence).map((part) => (part.isolated ? merchantText(part.text) : part.text))}`;
}
