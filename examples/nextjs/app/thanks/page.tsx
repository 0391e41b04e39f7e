import { polar } from '../../lib/polar';

/** The session's success_url: Polar put the checkout's id in it. Grant what was bought from webhooks, not here. */
export default async function Thanks({ searchParams }: { searchParams: Promise<{ checkout_id?: string }> }) {
  const { checkout_id: checkoutId } = await searchParams;
  const checkout = checkoutId ? await polar.checkouts.get(checkoutId).catch(() => null) : null;
  if (!checkout)
    return (
      <main>
        <h1>We could not find that order.</h1>
      </main>
    );
  return (
    <main>
      <h1>Thank you!</h1>
      <p>
        {checkout.status === 'succeeded' ? 'Your order is confirmed' : 'Your payment is being processed'}:{' '}
        {checkout.product?.name}. A receipt is on its way to {checkout.customer_email}.
      </p>
    </main>
  );
}
