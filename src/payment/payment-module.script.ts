/**
 * The script-tag bundle's way to the card form's module (payment-chunk.ts): it is one classic script, so the module
 * is published next to it (`dist/chunks/payment.js`) and fetched relative to the script's own URL, as the
 * translations are.
 */
import { importBesideScript } from '../lib/beside-script.js';
import type { loadPaymentModule as moduleLoader } from './payment-module.js';

export const loadPaymentModule: typeof moduleLoader = () => importBesideScript('chunks/payment.js', 'the payment form');
