/**
 * The Content-Security-Policy of the demo's strict pages (/strict-csp.html, /strict-trusted-types.html), which the
 * e2e tests buy on. With Polar's API origins it is the README's recipe, word for word (test/node/readme-csp.test.ts).
 */

/** Polar's API origins (production and sandbox): what the README recommends. */
export const polarApiOrigins = ['https://api.polar.sh', 'https://sandbox-api.polar.sh'];

export interface StrictPolicyOptions {
  /** Origins the element calls: Polar's API (or the local sandbox, which also plays Stripe's API for the double). */
  apiOrigins: string[];
  /** Also require Trusted Types for every script sink. */
  trustedTypes?: boolean;
}

export function strictPolicy({ apiOrigins, trustedTypes = false }: StrictPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // 'self' serves polar-checkout.iife.js and the language tables it fetches from beside itself.
    "script-src 'self' https://js.stripe.com",
    // No 'unsafe-inline': the element styles its shadow root with constructed stylesheets.
    "style-src 'self'",
    `connect-src 'self' ${apiOrigins.join(' ')} https://api.stripe.com`,
    'frame-src https://js.stripe.com https://hooks.stripe.com',
    // The organization's avatar, wherever Polar stores it.
    "img-src 'self' https:",
  ];
  if (trustedTypes) directives.push("require-trusted-types-for 'script'", 'trusted-types lit-html');
  return directives.join('; ');
}
