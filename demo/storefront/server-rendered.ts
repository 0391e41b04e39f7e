/**
 * `/server-rendered`: the page arrives with the session in it, as a server-rendered storefront would send it. The
 * element shows it at once (no request before the summary) and reads it from Polar in the background, a read the
 * page's `<link rel="preload">` has already started. This is the recipe the README's "Render with the session" shows.
 */
import type { RequestHandler } from 'express';
import { findScenario } from '../sandbox/scenarios.js';
import { createCheckoutSession } from './checkout-route.js';
import type { PolarTarget } from './polar-client.js';

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** JSON inside `<script>`: `<` escaped so no string in the session can close the tag. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The element's markup with the session inside, and the links that start its read before the script runs. */
export function checkoutMarkup(
  checkout: { client_secret: string },
  apiBaseUrl: string,
): { head: string; element: string } {
  const sessionUrl = `${apiBaseUrl}/v1/checkouts/client/${encodeURIComponent(checkout.client_secret)}`;
  return {
    head: `<link rel="preconnect" href="${escapeAttribute(new URL(apiBaseUrl).origin)}" crossorigin>
    <link rel="preload" as="fetch" crossorigin href="${escapeAttribute(sessionUrl)}">`,
    element: `<polar-checkout server-url="${escapeAttribute(apiBaseUrl)}" client-secret="${escapeAttribute(checkout.client_secret)}">
      <script type="application/json">${scriptJson(checkout)}</script>
    </polar-checkout>`,
  };
}

export function serverRenderedCheckout(target: PolarTarget, sandboxUrl: string): RequestHandler {
  return async (req, res) => {
    if (target.mode !== 'local')
      return void res.status(404).send('The server-rendered demo runs against the local sandbox.');
    const scenario = findScenario(String(req.query.scenario ?? 'one-time'));
    if (!scenario || scenario.expire) return void res.status(400).send('Unknown scenario');
    const origin = `http://${req.get('host')}`;
    try {
      const { checkout } = await createCheckoutSession(target, scenario.body as never, origin);
      const { head, element } = checkoutMarkup(checkout, sandboxUrl);
      res.type('html').send(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Server-rendered checkout · polar-checkout</title>
    <link rel="icon" href="data:," />
    ${head}
    ${
      req.query.script === 'head'
        ? // The script-tag bundle, parser-blocking in <head>: the element is upgraded before its JSON child is parsed.
          // The form's chunk is fetched alongside it, not after it: the session in the page is drawn without a wait.
          `<link rel="modulepreload" href="/dist/chunks/form.js">
    <script src="/dist/polar-checkout.iife.js"></script>`
        : '<script type="module" src="/demo/server-rendered-page.ts"></script>'
    }
  </head>
  <body>
    <main style="max-width: 960px; margin: 0 auto; padding: 16px">
      <h1 style="font: 600 20px system-ui">Server-rendered checkout</h1>
      ${element}
      <footer style="font: 14px system-ui; color: #666; padding: 24px 0">Content below the checkout (it must not move).</footer>
    </main>
  </body>
</html>`);
    } catch (error) {
      res.status(502).send(error instanceof Error ? error.message : String(error));
    }
  };
}
