/**
 * The demo storefront: an Express server that creates checkout sessions with Polar's official SDK (against the
 * local sandbox, or Polar itself with POLAR_ACCESS_TOKEN) and serves the page through Vite.
 */
import express from 'express';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { findScenario, scenarios } from '../sandbox/scenarios.js';
import { createCheckoutSession } from './checkout-route.js';
import { serverRenderedCheckout } from './server-rendered.js';
import { polarTarget } from './polar-client.js';
import { scriptBundle } from './script-bundle.js';
import { strictPolicy } from './strict-policy.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Where @stripe/stripe-js 10 loads Stripe.js from. */
const stripeJsUrl = 'https://js.stripe.com/endive/stripe.js';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export interface StorefrontOptions {
  port: number;
  sandboxUrl: string;
  env?: NodeJS.ProcessEnv;
}

export async function startStorefront(options: StorefrontOptions): Promise<{ url: string; close(): Promise<void> }> {
  const env = options.env ?? process.env;
  const target = polarTarget(env, options.sandboxUrl);
  const app = express();

  app.get('/api/config', (_req, res) => {
    res.json({
      mode: target.mode,
      serverUrl: target.serverUrl,
      server: target.server,
      scenarios:
        target.mode === 'local'
          ? scenarios.map(({ name, title, description }) => ({ name, title, description }))
          : [
              {
                name: 'product',
                title: 'Your product',
                description: `POLAR_PRODUCT_ID ${env.POLAR_PRODUCT_ID ?? '(not set)'}`,
              },
            ],
    });
  });

  app.post('/api/checkout', express.json(), async (req, res) => {
    const origin = req.get('origin') ?? `http://${req.get('host')}`;
    try {
      if (target.mode === 'polar') {
        const product = env.POLAR_PRODUCT_ID;
        if (!product)
          return void res.status(500).json({ error: 'Set POLAR_PRODUCT_ID to a product of your organization.' });
        const { clientSecret, checkoutId } = await createCheckoutSession(target, { products: [product] }, origin);
        return void res.json({ clientSecret, checkoutId });
      }
      const scenario = findScenario(String(req.body?.scenario ?? 'one-time'));
      if (!scenario) return void res.status(400).json({ error: `Unknown scenario ${req.body?.scenario}` });
      const session = await createCheckoutSession(target, scenario.body as never, origin);
      if (scenario.expire) {
        await fetch(`${options.sandboxUrl}/__sandbox/checkouts/${encodeURIComponent(session.clientSecret)}/expire`, {
          method: 'POST',
        });
      }
      res.json({ clientSecret: session.clientSecret, checkoutId: session.checkoutId });
    } catch (error) {
      res.status(502).json({ error: error instanceof Error ? error.message : String(error) });
    }
  });

  // The plain and strict pages prove the script-tag bundle works with no build step: never served through Vite.
  app.use('/dist', scriptBundle(root));
  for (const file of ['demo/plain-page.js', 'demo/strict-page.css', 'demo/stripe-double/stripe.js']) {
    app.get(`/${file}`, (_req, res) => res.sendFile(`${root}/${file}`));
  }
  /** Against the local sandbox the pages load the Stripe.js double (`?stripe=loader`: whoever serves js.stripe.com). */
  const stripeScript = (req: express.Request, polarStripe?: string) =>
    target.mode === 'polar' ? polarStripe : req.query.stripe === 'loader' ? undefined : '/demo/stripe-double/stripe.js';
  const page = (file: string, stripe: string | undefined, fill: Record<string, string> = {}) => {
    let html = readFileSync(`${root}/demo/${file}`, 'utf8').replace(
      '<!-- stripe.js -->',
      stripe ? `<script src="${stripe}"></script>` : '',
    );
    for (const [marker, text] of Object.entries(fill)) html = html.replace(`<!-- ${marker} -->`, escapeHtml(text));
    return html;
  };
  app.get('/plain.html', (req, res) => res.type('html').send(page('plain.html', stripeScript(req))));
  for (const trustedTypes of [false, true]) {
    app.get(trustedTypes ? '/strict-trusted-types.html' : '/strict-csp.html', (req, res) => {
      const apiOrigins = target.serverUrl
        ? [new URL(target.serverUrl).origin]
        : [target.server === 'production' ? 'https://api.polar.sh' : 'https://sandbox-api.polar.sh'];
      const policy = strictPolicy({ apiOrigins, trustedTypes });
      res.set('Content-Security-Policy', policy);
      // A page that requires Trusted Types includes Stripe.js itself: @stripe/stripe-js's loader sets a script's src
      // from a plain string, which Trusted Types blocks (README).
      const html = page('strict.html', stripeScript(req, trustedTypes ? stripeJsUrl : undefined), {
        title: trustedTypes ? 'A page that requires Trusted Types' : 'A page with a strict Content-Security-Policy',
        tt: trustedTypes ? ' and Trusted Types for every script sink' : '',
        policy: policy.replaceAll('; ', ';\n'),
      });
      res.type('html').send(html);
    });
  }
  app.get('/server-rendered', serverRenderedCheckout(target, options.sandboxUrl));

  const httpServer: Server = createServer(app);
  const vite = await createViteServer({
    root,
    configFile: `${root}/vite.config.ts`,
    server: { middlewareMode: true, hmr: false, ws: false }, // no live reload: no WebSocket port to collide
    appType: 'spa',
    logLevel: 'warn',
  });
  app.use(vite.middlewares);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    await vite.close();
    throw error;
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await vite.close();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
