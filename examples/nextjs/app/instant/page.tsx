// app/instant/page.tsx: the session is created while the page renders and travels in its HTML, so the checkout is
// shown as soon as the element's script runs, with no request to Polar first (it refreshes it in the background).
import { headers } from 'next/headers';
import { preload } from 'react-dom';
import { polar, polarServerUrl } from '../../lib/polar';
import { InstantCheckout } from './instant-checkout';

export const dynamic = 'force-dynamic'; // a new session for every visit

export default async function InstantPage() {
  const request = await headers();
  const origin = `${request.get('x-forwarded-proto') ?? 'http'}://${request.get('host')}`;
  const checkout = await polar.checkouts.create({
    products: [process.env.POLAR_PRODUCT_ID ?? ''],
    success_url: `${origin}/thanks?checkout_id={CHECKOUT_ID}`,
  });
  // The element's background read of the session, started by the browser while the page still loads.
  preload(`${polarServerUrl}/v1/checkouts/client/${checkout.client_secret}`, { as: 'fetch', crossOrigin: 'anonymous' });
  return (
    <main>
      <h1>Acme Store</h1>
      <InstantCheckout checkout={checkout} serverUrl={polarServerUrl} />
    </main>
  );
}
