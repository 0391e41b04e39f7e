/** The card form and the wait for the order (payment-chunk.ts); the bundler that builds the page splits it off. */
export const loadPaymentModule = () => import('./payment-chunk.js');
