/** The card form's module; the bundler that builds the page splits it into its own chunk. */
export const loadPaymentModule = () => import('./stripe-payment.js');
