// Checkout.tsx: the checkout in a React 18 or 19 app.
import { useState } from 'react';
import { PolarCheckout } from 'polar-checkout-element/react';

export function Checkout({ clientSecret }: { clientSecret: string }) {
  const [receiptTo, setReceiptTo] = useState<string | null>(null);
  return (
    <>
      <PolarCheckout
        clientSecret={clientSecret}
        server="sandbox" // remove once you sell for real
        theme="dark"
        onReady={(event) => console.log('Checkout shown:', event.detail.checkout)}
        onError={(event) => console.warn('Checkout error:', event.detail)}
        onSuccess={(event) => {
          event.preventDefault(); // stay on this page, where the element shows its confirmation
          console.log('Paid:', event.detail);
          setReceiptTo(event.detail.checkout.customer_email);
        }}
      />
      {receiptTo && <p role="status">Thank you! Your receipt is on its way to {receiptTo}.</p>}
    </>
  );
}
