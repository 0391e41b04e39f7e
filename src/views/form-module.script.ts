/**
 * The script-tag bundle's way to the form's module (form-chunk.ts): published next to the script as
 * `dist/chunks/form.js` and fetched relative to the script's own URL, like the card form's chunk. The chunk renders
 * with this bundle's Lit, handed over first (lit-handoff.ts).
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { besideScript, importBesideScript } from '../lib/beside-script.js';
import type { FormModule, loadFormModule as moduleLoader } from './form-module.js';
import { litHandoffKey, type LitParts } from './lit-handoff.js';

export type { FormModule };

export const loadFormModule: typeof moduleLoader = () => {
  const parts: LitParts = { html, nothing, ifDefined, live };
  (globalThis as Record<symbol, LitParts | undefined>)[litHandoffKey] ??= parts;
  return importBesideScript<FormModule>('chunks/form.js', 'the form').catch((error: unknown) => {
    // The buyer is told the checkout could not be loaded; the developer, where to look.
    const url = besideScript('chunks/form.js');
    console.error(
      url
        ? `<polar-checkout>: ${url} could not be loaded (offline, or not published beside polar-checkout.iife.js: publish dist/chunks/ and dist/locales/ with it).`
        : '<polar-checkout>: the script cannot find its chunks: load polar-checkout.iife.js with <script src>, not as a module or inlined.',
    );
    throw error;
  });
};
