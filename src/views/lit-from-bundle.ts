/** `lit` and its directives as the form chunk sees them: the parts the script-tag bundle handed over (lit-handoff.ts). */
import { litHandoffKey, type LitParts } from './lit-handoff.js';

const lit = (globalThis as Record<symbol, LitParts | undefined>)[litHandoffKey];
if (!lit)
  throw new Error('<polar-checkout>: chunks/form.js is loaded by the script-tag bundle, which is not on the page');

export const html: LitParts['html'] = lit.html;
export const nothing: LitParts['nothing'] = lit.nothing;
export const ifDefined: LitParts['ifDefined'] = lit.ifDefined;
export const live: LitParts['live'] = lit.live;
