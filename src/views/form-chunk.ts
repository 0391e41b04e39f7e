/**
 * What a shown session needs, loaded through `loadFormModule` (form-module.ts): the form's rules (fields.ts and the
 * model behind them) and the views of an open session and of the thank-you screen. App bundlers keep it in the app's
 * bundle; the script-tag bundle fetches it as `dist/chunks/form.js` while the session is read.
 */
import { countryOptions } from '../model/address.js';
import { formatMoney } from '../model/money.js';

export {
  billingFromDraft,
  confirmUpdate,
  draftForSnapshot,
  draftFromCheckout,
  fieldAt,
  placesFor,
  validateForPayment,
  withValue,
} from '../checkout/fields.js';
export { checkoutView } from './checkout-view.js';
export { successView } from './status-views.js';

/** Builds what a first render needs (the ~250 localized country names, number formats) while the session is read. */
export function warmUp(locale: string): void {
  countryOptions(locale);
  formatMoney(0, 'usd', locale);
}
