// app/api/checkout/route.ts: the same route as a Next.js App Router handler (web-standard Request and Response).
import { createPolar } from '@polar-sh/sdk/2026-10';

const polar = createPolar({
  accessToken: process.env.POLAR_ACCESS_TOKEN ?? '', // an organization access token: keep it on the server
  environment: 'sandbox', // remove once you sell for real (production is the default)
});

export async function POST(request: Request): Promise<Response> {
  const { origin } = new URL(request.url);
  try {
    const checkout = await polar.checkouts.create({
      products: [process.env.POLAR_PRODUCT_ID ?? ''],
      success_url: `${origin}/thanks?checkout_id={CHECKOUT_ID}`,
    });
    return Response.json({ clientSecret: checkout.client_secret });
  } catch (error) {
    console.error('Polar could not create the checkout session:', error);
    return Response.json({ error: 'The checkout is unavailable. Please try again.' }, { status: 502 });
  }
}
