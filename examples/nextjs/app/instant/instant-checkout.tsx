'use client';
import 'polar-checkout-element'; // registers <polar-checkout> in the browser; touches no window on the server

/** The checkout with its session inside, as JSON the element reads when it starts (`<` escaped for the script tag). */
export function InstantCheckout({ checkout, serverUrl }: { checkout: { client_secret: string }; serverUrl: string }) {
  const json = JSON.stringify(checkout).replace(/</g, '\\u003c');
  return (
    <polar-checkout client-secret={checkout.client_secret} server-url={serverUrl}>
      <script type="application/json" dangerouslySetInnerHTML={{ __html: json }} />
    </polar-checkout>
  );
}
