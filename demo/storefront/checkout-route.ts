/** Creates a checkout session for the demo page (the storefront server's one Polar call). */
import type { PolarTarget } from './polar-client.js';

export type CheckoutCreateBody = Parameters<PolarTarget['polar']['checkouts']['create']>[0];

/** Creates a session; the success URL and embed origin point back at the page that asked. */
export async function createCheckoutSession(
  target: PolarTarget,
  body: Omit<CheckoutCreateBody, 'success_url' | 'embed_origin'>,
  origin: string,
): Promise<{
  clientSecret: string;
  checkoutId: string;
  checkout: Awaited<ReturnType<PolarTarget['polar']['checkouts']['create']>>;
}> {
  const checkout = await target.polar.checkouts.create({
    ...body,
    success_url: `${origin}/?paid={CHECKOUT_ID}`,
    embed_origin: origin,
  } as CheckoutCreateBody);
  return { clientSecret: checkout.client_secret, checkoutId: checkout.id, checkout };
}
