// app/api/checkout/route.ts: creates a Polar checkout session and hands the page only its client secret.
import { polar, polarServerUrl } from '../../../lib/polar';

export async function POST(request: Request): Promise<Response> {
  const { origin } = new URL(request.url);
  try {
    const checkout = await polar.checkouts.create({
      products: [process.env.POLAR_PRODUCT_ID ?? ''],
      // Polar replaces {CHECKOUT_ID}; the element goes there once the order is done.
      success_url: `${origin}/thanks?checkout_id={CHECKOUT_ID}`,
    });
    // The page loads the session from the Polar API it was created on.
    return Response.json({ clientSecret: checkout.client_secret, serverUrl: polarServerUrl });
  } catch (error) {
    console.error('Polar could not create the checkout session:', error);
    return Response.json({ error: 'The checkout is unavailable. Please try again.' }, { status: 502 });
  }
}
