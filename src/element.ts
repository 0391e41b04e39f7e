/** The element class without registering it. */
export { PolarCheckout, type CheckoutTheme } from './polar-checkout.js';
export type * from './events.js';
