import type { PolarCheckoutEventMap } from './events.js';
import { PolarCheckout } from './polar-checkout.js';

export const tagName = 'polar-checkout';

/** Registers `<polar-checkout>`; loading it twice (script + npm, or two script tags) is harmless. */
export function definePolarCheckout(): void {
  if (typeof customElements === 'undefined') return; // server-side import
  if (!customElements.get(tagName)) customElements.define(tagName, PolarCheckout);
}

declare global {
  interface HTMLElementTagNameMap {
    'polar-checkout': PolarCheckout;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends PolarCheckoutEventMap {}
}
