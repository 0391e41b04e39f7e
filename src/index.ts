/** `import 'polar-checkout-element'` registers `<polar-checkout>` and exports its types. */
import { definePolarCheckout } from './define.js';

definePolarCheckout();

export { PolarCheckout, type CheckoutTheme } from './polar-checkout.js';
export { definePolarCheckout, tagName } from './define.js';
export type { PolarCheckoutEventMap, PolarCheckoutDetail, PolarSuccessDetail, PolarErrorDetail } from './events.js';
export type { PolarErrorCode } from './checkout/messages.js';
export type {
  CheckoutPublic,
  CheckoutPublicConfirmed,
  CheckoutUpdatePublic,
  CheckoutConfirmStripe,
} from './api/types.js';
