// server.ts: creates a Polar checkout session for the page and hands it only the client secret.
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createPolar } from '@polar-sh/sdk/2026-10';

export function createStorefrontApp(polar: ReturnType<typeof createPolar>, productId: string) {
  const app = express();
  app.post('/api/checkout', async (req, res) => {
    try {
      const checkout = await polar.checkouts.create({
        products: [productId],
        // Polar replaces {CHECKOUT_ID}; the element goes there once the order is done.
        success_url: `${req.protocol}://${req.get('host')}/thanks?checkout_id={CHECKOUT_ID}`,
      });
      res.json({ clientSecret: checkout.client_secret });
    } catch (error) {
      console.error('Polar could not create the checkout session:', error);
      res.status(502).json({ error: 'The checkout is unavailable. Please try again.' });
    }
  });
  return app;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const polar = createPolar({
    accessToken: process.env.POLAR_ACCESS_TOKEN ?? '', // an organization access token: keep it on the server
    environment: 'sandbox', // remove once you sell for real (production is the default)
  });
  const app = createStorefrontApp(polar, process.env.POLAR_PRODUCT_ID ?? '');
  app.use(express.static('public')); // your page, with <polar-checkout>
  app.listen(3000, () => console.log('http://localhost:3000'));
}
