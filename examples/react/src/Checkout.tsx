import 'polar-checkout-element'; // registers <polar-checkout>
import type { PolarCheckoutEventMap, CheckoutPublic } from 'polar-checkout-element';

/** What server.ts answers to POST /api/checkout. */
export interface CheckoutSession {
  clientSecret: string;
  /** The Polar API the session was created on. */
  serverUrl: string;
}

interface CheckoutProps {
  session: CheckoutSession;
  onPaid: (checkout: CheckoutPublic) => void;
}

/** The Polar checkout. React 19 passes custom-element events as `on` + the event name. */
export function Checkout({ session, onPaid }: CheckoutProps) {
  const onSuccess = (event: PolarCheckoutEventMap['polar-success']) => {
    event.preventDefault(); // stay here: the element shows its own confirmation
    onPaid(event.detail.checkout);
  };
  return (
    <polar-checkout client-secret={session.clientSecret} server-url={session.serverUrl} onpolar-success={onSuccess} />
  );
}
