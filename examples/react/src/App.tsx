import { useEffect, useState } from 'react';
import { Checkout, type CheckoutSession } from './Checkout';

export function App() {
  const [session, setSession] = useState<CheckoutSession | null>(null);
  const [failed, setFailed] = useState(false);
  const [paidBy, setPaidBy] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // Your server creates the session (server.ts); the page only ever sees its client secret.
    fetch('/api/checkout', { method: 'POST' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((created: CheckoutSession) => current && setSession(created))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, []);

  return (
    <main>
      <h1>Acme Store</h1>
      {failed && <p>The checkout is unavailable. Please try again later.</p>}
      {session && <Checkout session={session} onPaid={(checkout) => setPaidBy(checkout.customer_email)} />}
      {paidBy && <p>Thank you! A receipt is on its way to {paidBy}.</p>}
    </main>
  );
}
