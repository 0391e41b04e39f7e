'use client';
import { useEffect, useState } from 'react';
import 'polar-checkout-element'; // registers <polar-checkout> in the browser; touches no window on the server

/** What app/api/checkout/route.ts answers. */
interface CheckoutSession {
  clientSecret: string;
  serverUrl: string;
}

/** The Polar checkout: once the order is done the element goes to the session's success_url (app/thanks). */
export function Checkout() {
  const [session, setSession] = useState<CheckoutSession | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let current = true;
    fetch('/api/checkout', { method: 'POST' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then((created: CheckoutSession) => current && setSession(created))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, []);

  if (failed) return <p>The checkout is unavailable. Please try again later.</p>;
  if (!session) return null;
  return <polar-checkout client-secret={session.clientSecret} server-url={session.serverUrl} />;
}
