/**
 * The demo storefront's page script: asks the storefront server for a checkout session and shows it in
 * `<polar-checkout>`. Against the local sandbox it also loads the Stripe.js test double (the page cannot reach
 * js.stripe.com); `?stripe=loader` leaves that to whoever serves js.stripe.com (the e2e tests).
 */
import '../src/index.js';
import type { PolarCheckout } from '../src/element.js';

interface StorefrontConfig {
  mode: 'local' | 'polar';
  serverUrl?: string;
  server?: 'sandbox' | 'production';
  scenarios: { name: string; title: string; description: string }[];
}

const params = new URLSearchParams(location.search);
const checkout = document.querySelector<PolarCheckout>('#checkout')!;
const scenarioSelect = document.querySelector<HTMLSelectElement>('#scenario')!;
const themeSelect = document.querySelector<HTMLSelectElement>('#theme')!;
const localeSelect = document.querySelector<HTMLSelectElement>('#locale')!;
const stay = document.querySelector<HTMLInputElement>('#stay')!;
const eventsList = document.querySelector<HTMLOListElement>('#events')!;

function logEvent(name: string, detail: unknown): void {
  const item = document.createElement('li');
  const summary =
    detail && typeof detail === 'object' && 'checkout' in detail
      ? `status=${(detail as { checkout: { status: string } }).checkout.status}`
      : JSON.stringify(detail);
  item.textContent = `${name} ${summary}`;
  item.dataset.event = name;
  eventsList.prepend(item);
}

for (const name of ['polar-ready', 'polar-change', 'polar-confirmed', 'polar-success', 'polar-error'] as const) {
  checkout.addEventListener(name, (event) => {
    logEvent(name, event.detail);
    if (name === 'polar-success' && stay.checked) event.preventDefault();
  });
}

function loadStripeDouble(api: string): Promise<void> {
  (window as unknown as { __STRIPE_DOUBLE_CONFIG__: object }).__STRIPE_DOUBLE_CONFIG__ = { api };
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/demo/stripe-double/stripe.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('Could not load the Stripe test double'));
    document.head.append(script);
  });
}

async function newSession(): Promise<void> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scenario: scenarioSelect.value }),
  });
  const body = (await response.json()) as { clientSecret?: string; error?: string };
  if (!response.ok || !body.clientSecret) {
    logEvent('storefront-error', body.error ?? response.status);
    return;
  }
  const url = new URL(location.href);
  url.searchParams.set('scenario', scenarioSelect.value);
  history.replaceState(null, '', url);
  checkout.clientSecret = body.clientSecret;
}

async function start(): Promise<void> {
  const config = (await (await fetch('/api/config')).json()) as StorefrontConfig;
  document.querySelector('#mode')!.textContent =
    config.mode === 'local' ? `Local Polar sandbox at ${config.serverUrl}` : `Polar ${config.server}`;
  if (config.mode === 'local') {
    checkout.serverUrl = config.serverUrl;
    if (params.get('stripe') !== 'loader') await loadStripeDouble(config.serverUrl!);
  } else {
    checkout.server = config.server ?? 'sandbox';
  }
  for (const scenario of config.scenarios) scenarioSelect.add(new Option(scenario.title, scenario.name));
  scenarioSelect.value = params.get('scenario') ?? config.scenarios[0]?.name ?? '';
  const describe = () => {
    document.querySelector('#scenario-description')!.textContent =
      config.scenarios.find((scenario) => scenario.name === scenarioSelect.value)?.description ?? '';
  };
  describe();
  themeSelect.value = params.get('theme') ?? 'light';
  checkout.theme = themeSelect.value as PolarCheckout['theme'];
  document.body.classList.toggle('dark', checkout.theme === 'dark');
  localeSelect.value = params.get('locale') ?? '';
  checkout.locale = localeSelect.value || undefined;

  scenarioSelect.addEventListener('change', () => {
    describe();
    void newSession();
  });
  themeSelect.addEventListener('change', () => {
    checkout.theme = themeSelect.value as PolarCheckout['theme'];
    document.body.classList.toggle('dark', checkout.theme === 'dark');
  });
  localeSelect.addEventListener('change', () => {
    checkout.locale = localeSelect.value || undefined;
  });
  document.querySelector('#new-session')!.addEventListener('click', () => void newSession());
  await newSession();
}

void start();
