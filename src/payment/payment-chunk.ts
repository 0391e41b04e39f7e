/**
 * What only a paying buyer needs, loaded through `loadPaymentModule` (payment-module.ts): the card form and the wait
 * for the order. App bundlers split it at that import; the script-tag bundle fetches it as `dist/chunks/payment.js`.
 */
export { StripePayment } from './stripe-payment.js';
export { waitForFulfillment } from '../checkout/fulfillment.js';
