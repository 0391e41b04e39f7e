// The page script of /plain.html and the strict pages: a classic script, no modules, no inline code (a strict
// Content-Security-Policy allows it as it is). The storefront server creates the session; this page only shows it.
(function () {
  'use strict';
  var checkout = document.getElementById('checkout');
  var scenario = new URLSearchParams(location.search).get('scenario') || 'one-time';

  checkout.addEventListener('polar-success', function (event) {
    event.preventDefault();
    document.title = 'Paid';
  });

  fetch('/api/config')
    .then(function (response) {
      return response.json();
    })
    .then(function (config) {
      if (config.serverUrl) {
        checkout.setAttribute('server-url', config.serverUrl);
        // The Stripe.js double (local sandbox only) plays Stripe's API on the sandbox.
        window.__STRIPE_DOUBLE_CONFIG__ = { api: config.serverUrl };
      } else {
        checkout.setAttribute('server', config.server);
      }
      return fetch('/api/checkout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ scenario: scenario }),
      });
    })
    .then(function (response) {
      return response.json();
    })
    .then(function (session) {
      if (!session.clientSecret) throw new Error(session.error || 'No checkout session');
      checkout.setAttribute('client-secret', session.clientSecret);
    })
    .catch(function (error) {
      checkout.replaceWith('The checkout is unavailable: ' + error.message);
    });
})();
