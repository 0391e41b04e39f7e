export {};
/**
 * The script of `/server-rendered`. Test-only: against the local sandbox the Stripe.js double stands in for
 * js.stripe.com (`?stripe=loader` leaves js.stripe.com to the e2e tests); a real page only imports the element.
 */
const params = new URLSearchParams(location.search);
const api = document.querySelector('polar-checkout')?.getAttribute('server-url') ?? '';

if (params.get('stripe') !== 'loader') {
  (window as unknown as { __STRIPE_DOUBLE_CONFIG__: object }).__STRIPE_DOUBLE_CONFIG__ = { api };
  await new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement('script'), { src: '/demo/stripe-double/stripe.js' });
    script.addEventListener('load', resolve);
    script.addEventListener('error', reject);
    document.head.append(script);
  });
}

await import('../src/index.js');
document.querySelector('polar-checkout')?.addEventListener('polar-success', (event) => {
  event.preventDefault();
  document.title = 'Paid';
});
