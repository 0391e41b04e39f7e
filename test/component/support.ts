/** Shared steps for the component tests: the local Polar sandbox, the Stripe.js double, and mounting the element. */
import { fixture, html, waitUntil as waitUntilOpenWc } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { installStripeDouble } from '../../demo/stripe-double/install.js';
import type { components } from '../../demo/sandbox/checkouts-schema.js';
import type { PolarCheckout } from '../../src/element.js';
import type { PolarCheckoutDetail, PolarErrorDetail } from '../../src/events.js';
import type { FaultRequest as Fault } from '../../demo/sandbox/control/faults.js';

export type Checkout = components['schemas']['Checkout'];

export type ScenarioName =
  | 'one-time'
  | 'subscription'
  | 'pay-what-you-want'
  | 'free'
  | 'multiple-products'
  | 'discount-codes'
  | 'billing-address'
  | 'trial'
  | 'eur-inclusive-tax'
  | 'custom-fields'
  | 'seats'
  | 'prefilled'
  | 'expired';

export interface SandboxRequest {
  method: string;
  path: string;
  operation: string;
  status: number;
  body: unknown;
}

export type { FaultRequest as Fault } from '../../demo/sandbox/control/faults.js';

// A test that forgets to cancel polar-success must not send the test page to the session's success URL.
document.addEventListener('polar-success', (event) => event.preventDefault());

let sandboxUrlPromise: Promise<string> | undefined;

/** The base URL of the sandbox the test runner started (see test/wtr-sandbox-plugin.mjs). */
export function sandboxUrl(): Promise<string> {
  sandboxUrlPromise ??= fetch('/__sandbox-url').then(async (response) => {
    const url = (await response.text()).trim();
    if (!url) throw new Error('The test runner did not start the Polar sandbox');
    return url;
  });
  return sandboxUrlPromise;
}

async function sandboxJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${await sandboxUrl()}${path}`, init);
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Creates a checkout session from one of the sandbox's named scenarios. */
export function createSession(name: ScenarioName, body?: Record<string, unknown>): Promise<Checkout> {
  return sandboxJson<Checkout>(`/__sandbox/scenarios/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
}

/** The session as the sandbox stores it (merchant view at the top level). */
export function serverState(clientSecret: string): Promise<Checkout & Record<string, unknown>> {
  return sandboxJson(`/__sandbox/checkouts/${encodeURIComponent(clientSecret)}`);
}

/** Every request the sandbox received for this session, oldest first. */
export function sandboxRequests(clientSecret: string): Promise<SandboxRequest[]> {
  return sandboxJson(`/__sandbox/requests?client_secret=${encodeURIComponent(clientSecret)}`);
}

/** The PATCH bodies the element sent for this session. */
export async function updatesSent(clientSecret: string): Promise<Record<string, unknown>[]> {
  const requests = await sandboxRequests(clientSecret);
  return requests
    .filter((request) => request.method === 'PATCH')
    .map((request) => request.body as Record<string, unknown>);
}

export async function addFault(fault: Fault): Promise<void> {
  await sandboxJson('/__sandbox/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

export async function clearFaults(): Promise<void> {
  await fetch(`${await sandboxUrl()}/__sandbox/faults`, { method: 'DELETE' });
}

/** Puts the Stripe.js double on the page as window.Stripe, pointed at the sandbox for 3-D Secure. */
export async function useStripeDouble(): Promise<void> {
  window.__STRIPE_DOUBLE_CONFIG__ = { api: await sandboxUrl() };
  await installStripeDouble('/demo/stripe-double/stripe.js');
}

/** Resolves with the next event of this type anywhere in the document (events are composed and bubble). */
export function nextEvent<T = unknown>(type: string, target: EventTarget = document): Promise<CustomEvent<T>> {
  return new Promise((resolve) =>
    target.addEventListener(type, (event) => resolve(event as CustomEvent<T>), { once: true }),
  );
}

export interface MountOptions {
  /** Default `en` so texts are predictable; null leaves the attribute off (the session's locale then applies). */
  locale?: string | null;
  theme?: string;
}

/** Mounts the element on a session that cannot be shown and waits for its polar-error. */
export async function mountUntilError(
  clientSecret: string,
  server?: string,
): Promise<{ element: PolarCheckout; detail: PolarErrorDetail }> {
  const url = server ?? (await sandboxUrl());
  const error = nextEvent<PolarErrorDetail>('polar-error');
  const element = await fixture<PolarCheckout>(
    html`<polar-checkout client-secret=${clientSecret} server-url=${url} locale="en"></polar-checkout>`,
  );
  const { detail } = await error;
  await element.updateComplete;
  return { element, detail };
}

/** Mounts `<polar-checkout>` on a session and waits until it is shown (`polar-ready`). */
export async function mountCheckout(
  clientSecret: string,
  options: MountOptions = {},
): Promise<{ element: PolarCheckout; ready: CustomEvent<PolarCheckoutDetail> }> {
  const server = await sandboxUrl();
  const readyEvent = nextEvent<PolarCheckoutDetail>('polar-ready');
  const element = await fixture<PolarCheckout>(
    html`<polar-checkout
      client-secret=${clientSecret}
      server-url=${server}
      locale=${ifDefined(options.locale === null ? undefined : (options.locale ?? 'en'))}
      theme=${options.theme ?? 'light'}
    ></polar-checkout>`,
  );
  const ready = await readyEvent;
  await element.updateComplete;
  return { element, ready };
}

/** Creates a scenario's session and mounts the element on it. */
export async function openScenario(
  name: ScenarioName,
  options: MountOptions & { body?: Record<string, unknown> } = {},
): Promise<{ element: PolarCheckout; secret: string; session: Checkout }> {
  const session = await createSession(name, options.body);
  const { element } = await mountCheckout(session.client_secret, options);
  return { element, secret: session.client_secret, session };
}

export function shadow(element: PolarCheckout): ShadowRoot {
  if (!element.shadowRoot) throw new Error('<polar-checkout> has no shadow root');
  return element.shadowRoot;
}

/** The first node with this CSS part, or null. */
export function part<T extends Element = HTMLElement>(element: PolarCheckout, name: string): T | null {
  return shadow(element).querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(element: PolarCheckout, name: string): T[] {
  return [...shadow(element).querySelectorAll<T>(`[part~="${name}"]`)];
}

/** A form control by its id (ids are the form paths: `customer_email`, `customer_billing_address.city`...). */
export function control<T extends HTMLElement = HTMLInputElement>(element: PolarCheckout, id: string): T {
  const found = shadow(element).getElementById(id);
  if (!found) throw new Error(`No control #${id} in <polar-checkout>`);
  return found as T;
}

export function maybeControl<T extends HTMLElement = HTMLInputElement>(element: PolarCheckout, id: string): T | null {
  return shadow(element).getElementById(id) as T | null;
}

/** The message shown under a field (linked through aria-describedby), or null. */
export function fieldErrorText(element: PolarCheckout, id: string): string | null {
  return shadow(element).getElementById(`${id}-error`)?.textContent?.trim() ?? null;
}

/** The totals row with this id (`subtotal`, `discount`, `tax`, `total`...): its label and value. */
export function totalsRow(element: PolarCheckout, id: string): { label: string; value: string } | null {
  const label = shadow(element).querySelector(`dt[data-row="${id}"]`);
  const value = shadow(element).querySelector(`dd[data-row="${id}"]`);
  if (!label || !value) return null;
  return { label: normalize(label.textContent), value: normalize(value.textContent) };
}

export function payButton(element: PolarCheckout): HTMLButtonElement {
  const button = part<HTMLButtonElement>(element, 'submit');
  if (!button) throw new Error('No pay button');
  return button;
}

/** The message by the pay button (or null). */
export function formError(element: PolarCheckout): HTMLElement | null {
  return shadow(element).querySelector<HTMLElement>('.form-error');
}

/** Collapses whitespace and the narrow/no-break spaces Intl puts into numbers. */
export function normalize(text: string | null | undefined): string {
  return (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The element's visible text (shadow DOM), whitespace collapsed. */
export function visibleText(element: PolarCheckout): string {
  return normalize(shadow(element).textContent);
}

/** Sets a control's value as a buyer's typing would (one input event), optionally committing it (change). */
export function fill(input: HTMLInputElement | HTMLTextAreaElement, value: string, commit = true): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (commit) input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Really types into a control (keyboard events), replacing what it held; `commit` then leaves the field (blur). */
export async function typeInto(
  input: HTMLInputElement | HTMLTextAreaElement,
  text: string,
  commit = false,
): Promise<void> {
  input.focus();
  input.select();
  if (text === '') await sendKeys({ press: 'Backspace' });
  else await sendKeys({ type: text });
  if (commit) input.blur();
}

export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Waits until the element has settled a PATCH: no saves waiting or in flight, and the DOM is up to date. */
export async function waitForChange(element: PolarCheckout, action: () => void | Promise<void>): Promise<void> {
  const changed = nextEvent('polar-change', element);
  await action();
  await changed;
  await element.updateComplete;
}

/** open-wc's waitUntil with a timeout that leaves room for a real server round trip (its default is 1 s). */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilOpenWc(predicate, message, { timeout: 3000, ...options });
}

/** The Stripe double's card form, mounted in the element's light DOM (`<div slot="payment">`). */
export function paymentContainer(element: PolarCheckout): HTMLElement | null {
  return element.querySelector<HTMLElement>(':scope > [slot="payment"]');
}

/**
 * Types a card into the double's Payment Element (same-origin iframe), with a future expiry and a CVC. By the inputs'
 * ids: the labels are in the buyer's language.
 */
export async function fillCard(element: PolarCheckout, number: string): Promise<void> {
  const field = (id: string): HTMLInputElement | null => {
    const doc = paymentContainer(element)?.querySelector('iframe')?.contentDocument;
    return (doc?.getElementById(id) as HTMLInputElement | null) ?? null;
  };
  await waitUntil(() => field('cardnumber') !== null, 'the card form is mounted', { timeout: 5000 });
  const expiry = `12${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`;
  for (const [id, value] of [
    ['cardnumber', number],
    ['exp-date', expiry],
    ['cvc', '123'],
  ] as const) {
    const input = field(id)!;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/** Fills what a card checkout asks of a US buyer. */
export async function fillUsBuyer(element: PolarCheckout): Promise<void> {
  fill(control(element, 'customer_email'), 'buyer@example.com');
  fill(control(element, 'customer_name'), 'Ada Buyer');
  choose(control<HTMLSelectElement>(element, 'customer_billing_address.country'), 'US');
  // The street fields appear once the session says a US address needs them.
  await waitUntil(() => maybeControl(element, 'customer_billing_address.line1') !== null, 'the US address fields');
  fill(control(element, 'customer_billing_address.line1'), '1 Market Street');
  fill(control(element, 'customer_billing_address.city'), 'San Francisco');
  fill(control(element, 'customer_billing_address.postal_code'), '94105');
  choose(control<HTMLSelectElement>(element, 'customer_billing_address.state'), 'US-CA');
  await element.updateComplete;
}
