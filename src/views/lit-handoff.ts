/**
 * The script-tag bundle's form chunk (dist/chunks/form.js) renders with the bundle's own Lit rather than a copy of
 * its own (~7 kB, a second template cache and a second Trusted Types policy): the bundle leaves the parts the views
 * use under this registered symbol before it imports the chunk (form-module.script.ts), and the chunk build resolves
 * `lit` and its directives to lit-from-bundle.ts, which reads them.
 */
import type { html, nothing } from 'lit';
import type { ifDefined } from 'lit/directives/if-defined.js';
import type { live } from 'lit/directives/live.js';

export interface LitParts {
  html: typeof html;
  nothing: typeof nothing;
  ifDefined: typeof ifDefined;
  live: typeof live;
}

export const litHandoffKey = Symbol.for('polar-checkout-element.lit');
