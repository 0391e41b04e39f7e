/**
 * The script-tag bundle's way to the form's module (form-chunk.ts): published next to the script as
 * `dist/chunks/form.js` and fetched relative to the script's own URL, like the card form's chunk. The chunk renders
 * with this bundle's Lit, handed over first (lit-handoff.ts).
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FormModule, loadFormModule as moduleLoader } from './form-module.js';
import { litHandoffKey, type LitParts } from './lit-handoff.js';

export type { FormModule };

// document.currentScript is only set while the script itself runs, so read it now.
const scriptUrl =
  typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement
    ? document.currentScript.src
    : '';

export const loadFormModule: typeof moduleLoader = () => {
  if (!scriptUrl) return Promise.reject(new Error('The script URL is unknown; the form cannot be located'));
  const parts: LitParts = { html, nothing, ifDefined, live };
  (globalThis as Record<symbol, LitParts | undefined>)[litHandoffKey] ??= parts;
  const url = new URL('chunks/form.js', scriptUrl).href;
  return import(/* @vite-ignore */ url).catch((error: unknown) => {
    // The buyer is told the checkout could not be loaded; the developer, where to look.
    console.error(
      `<polar-checkout>: ${url} could not be loaded (offline, or not published beside polar-checkout.iife.js: publish dist/chunks/ and dist/locales/ with it).`,
    );
    throw error;
  });
};
