// server.ts: serves the page and the element's script, and creates Polar checkout sessions for the page.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { createPolar } from '@polar-sh/sdk/2026-10';

// Polar's sandbox unless told otherwise: POLAR_SERVER_URL=https://api.polar.sh sells for real.
const serverUrl = process.env.POLAR_SERVER_URL ?? 'https://sandbox-api.polar.sh';
const polar = createPolar({
  accessToken: process.env.POLAR_ACCESS_TOKEN ?? '', // an organization access token: keep it on the server
  baseUrl: serverUrl,
});

const app = express();

app.post('/api/checkout', async (_req, res) => {
  try {
    const checkout = await polar.checkouts.create({ products: [process.env.POLAR_PRODUCT_ID ?? ''] });
    // Only the client secret reaches the browser, with the Polar API the session lives on.
    res.json({ clientSecret: checkout.client_secret, serverUrl });
  } catch (error) {
    console.error('Polar could not create the checkout session:', error);
    res.status(502).json({ error: 'The checkout is unavailable. Please try again.' });
  }
});

// The script-tag bundle and the chunks and translation tables it fetches from beside itself (or use unpkg.com instead).
app.use('/polar-checkout', express.static(dirname(fileURLToPath(import.meta.resolve('polar-checkout-element/iife')))));
app.use(express.static(fileURLToPath(new URL('public', import.meta.url))));

const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  console.log(`Listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}`);
});
