/**
 * The script-tag bundle's way to the card form's module (payment-chunk.ts): it is one classic script, so the module
 * is published next to it (`dist/chunks/payment.js`) and fetched relative to the script's own URL, as the
 * translations are.
 */
import type { loadPaymentModule as moduleLoader } from './payment-module.js';

// document.currentScript is only set while the script itself runs, so read it now.
const scriptUrl =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : '';

export const loadPaymentModule: typeof moduleLoader = () => {
  if (!scriptUrl) return Promise.reject(new Error('The script URL is unknown; the payment form cannot be located'));
  return import(/* @vite-ignore */ new URL('chunks/payment.js', scriptUrl).href);
};
