/** One bench run of each page of the element, in a fresh browser context, timed in the page and counted at the sandbox. */
import type { Browser, BrowserContext, Page } from 'playwright';
import { instrument, intercept, marksOf, routeStripe, type PageMarks } from './instrument.js';
import type { PageServer } from './page-server.js';
import {
  browserRequests,
  clientGet,
  manyProducts,
  scenario,
  syntheticCustomFields,
  waitForRest,
  type LoggedRequest,
} from './sandbox-session.js';

export interface Env {
  browser: Browser;
  sandboxUrl: string;
  pages: PageServer;
  latencyMs: number;
}

let pageCounter = 0;
/** What each page threw or logged as an error, to say why a measure could not be taken. */
const pageErrors = new WeakMap<Page, string[]>();

/**
 * The storefront page as the README recommends it: the script tag in <head> (so the element has its size at the first
 * paint), the element, then a footer (so that a growing element would shift it). With the session inlined, the page
 * also preloads the form's chunk, as the README's recipe does (`preloadForm` false leaves that out).
 */
export function elementPage(
  sandboxUrl: string,
  clientSecret: string,
  initialCheckout?: unknown,
  preloadForm = initialCheckout !== undefined,
): string {
  // JSON in a script element ends at the first "</script": < is escaped, as a server-side renderer should.
  const inline =
    initialCheckout === undefined
      ? ''
      : `<script type="application/json">${JSON.stringify(initialCheckout).replace(/</g, '\\u003c')}</script>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font-family:system-ui,sans-serif}main{max-width:640px;margin:0 auto;padding:16px}footer{height:160px;background:#eee;padding:16px}</style>
${preloadForm ? '<link rel="modulepreload" href="/chunks/form.js">' : ''}<script src="/polar-checkout.iife.js"></script></head>
<body><main><h1>Storefront</h1><polar-checkout server-url="${sandboxUrl}" client-secret="${clientSecret}">${inline}</polar-checkout></main>
<footer>Storefront footer</footer></body></html>`;
}

export async function openPage(
  env: Env,
  html: string,
  expectText: string,
  timeUpdates = false,
): Promise<{ context: BrowserContext; page: Page; url: string }> {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
  await routeStripe(page, env.sandboxUrl, env.latencyMs);
  await instrument(page, { expectText, timeUpdates });
  const path = `/page-${++pageCounter}`;
  env.pages.page(path, html);
  return { context, page, url: `${env.pages.origin}${path}` };
}

/** Waits for the summary (and the card form) to be painted; fails with what the page threw, if anything. */
/** A fresh `one-time` session on the recommended storefront page (not yet navigated to). */
async function openOneTimePage(env: Env) {
  const session = await scenario(env.sandboxUrl, 'one-time');
  const opened = await openPage(env, elementPage(env.sandboxUrl, session.clientSecret), session.productName);
  return { session, ...opened };
}

export async function waitForMarks(page: Page, card: boolean, timeoutMs = 20_000): Promise<PageMarks> {
  const errors = pageErrors.get(page) ?? [];
  await page
    .waitForFunction(
      (card) => {
        const marks = (window as unknown as { __bench?: PageMarks }).__bench;
        return marks?.summaryPainted !== undefined && (!card || marks.cardPainted !== undefined);
      },
      card,
      { timeout: timeoutMs, polling: 50 },
    )
    .catch(async (error: unknown) => {
      const marks = await marksOf(page).catch(() => null);
      const missing = marks?.summaryPainted === undefined ? 'no summary' : 'no card form';
      throw new Error(`${missing} within ${timeoutMs / 1000} s; the page said: ${errors.join(' | ') || 'nothing'}`, {
        cause: error,
      });
    });
  return marksOf(page);
}

const epoch = (marks: PageMarks, at: number) => marks.timeOrigin + at;
const arrived = (entry: LoggedRequest) => Date.parse(entry.at);
const clsUntil = (marks: PageMarks, until: number) =>
  marks.shifts.filter(([at]) => at <= until).reduce((sum, [, value]) => sum + value, 0);

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize;
}

export interface PlainRun {
  summary: number;
  card: number;
  requestsBeforeSummary: number;
  preflightsBeforeSummary: number;
  cls: number;
  heap: number;
  fill: FillResult;
}

/** The `one-time` session loaded by the element: summary, card form, requests, CLS, heap, then a fast fill. */
export async function plainRun(env: Env): Promise<PlainRun> {
  const { session, context, page, url } = await openOneTimePage(env);
  try {
    await page.goto(url);
    const marks = await waitForMarks(page, true);
    const requests = await browserRequests(env.sandboxUrl, session.clientSecret);
    const before = requests.filter((entry) => arrived(entry) < epoch(marks, marks.summaryPainted!));
    const heap = await heapAfterGc(page);
    const fill = await fillForm(env, page, session.clientSecret, 'fast');
    return {
      summary: marks.summaryPainted!,
      card: marks.cardPainted!,
      requestsBeforeSummary: before.length,
      preflightsBeforeSummary: before.filter((entry) => entry.operation === 'preflight').length,
      cls: clsUntil(marks, marks.cardPainted!),
      heap,
      fill,
    };
  } finally {
    await context.close();
  }
}

export interface InitialRun {
  summary: number;
  card: number;
  /** Whether the summary was painted before the sandbox answered the element's GET (or without any GET). */
  honoured: boolean;
  requestsBeforeSummary: number;
  cls: number;
}

const heldBackMs = 1000;

/**
 * The same session inlined in the page as `<script type="application/json">`, fetched server-side first. The element
 * refreshes it in the background: that read is held back, so what is timed is what the page alone allows.
 */
export async function initialRun(env: Env, preloadForm = true): Promise<InitialRun> {
  const session = await scenario(env.sandboxUrl, 'one-time');
  const json = await clientGet(env.sandboxUrl, session.clientSecret);
  await fetch(`${env.sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      operation: 'client_get',
      delayMs: heldBackMs,
      times: 5,
      client_secret: session.clientSecret,
    }),
  });
  const { context, page, url } = await openPage(
    env,
    elementPage(env.sandboxUrl, session.clientSecret, json, preloadForm),
    session.productName,
  );
  try {
    await page.goto(url);
    const marks = await waitForMarks(page, true);
    const requests = await browserRequests(env.sandboxUrl, session.clientSecret);
    const painted = epoch(marks, marks.summaryPainted!);
    const firstGet = requests.find((entry) => entry.operation === 'client_get');
    return {
      summary: marks.summaryPainted!,
      card: marks.cardPainted!,
      // The element's reads of this session are held back a second (below), so a summary painted before that answer
      // came from the page, whatever else the machine was doing.
      honoured: firstGet === undefined || painted < arrived(firstGet) + env.latencyMs + heldBackMs,
      requestsBeforeSummary: requests.filter((entry) => arrived(entry) < painted).length,
      cls: clsUntil(marks, marks.cardPainted!),
    };
  } finally {
    await context.close();
  }
}

export interface FillResult {
  patches: number;
  preflights: number;
  /** How many PATCHes changed each field (a PATCH that changes two fields counts for both). */
  perField: Map<string, number>;
}

/** `values`: what to type, or the first of them a select offers (the state list holds ISO 3166-2 codes). */
const fillSteps: { id: string; values: string[]; label: string }[] = [
  { id: 'customer_email', values: ['jo@example.com'], label: 'email' },
  { id: 'customer_name', values: ['Jo Bench'], label: 'name' },
  { id: 'customer_billing_address.country', values: ['US'], label: 'country' },
  { id: 'customer_billing_address.line1', values: ['350 Fifth Avenue'], label: 'line1' },
  { id: 'customer_billing_address.postal_code', values: ['10118'], label: 'postal_code' },
  { id: 'customer_billing_address.city', values: ['New York'], label: 'city' },
  { id: 'customer_billing_address.state', values: ['US-NY', 'NY'], label: 'state' },
];

/** Leaves of a PATCH body, as `customer_billing_address.city` → value. */
function leaves(value: unknown, prefix = ''): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([key, inner]) => leaves(inner, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, JSON.stringify(value)]];
}

/** The filled field a body path belongs to; what the element sends along (e.g. `locale`) belongs to none. */
const labelOf = (path: string) => fillSteps.find((step) => step.id === path)?.label;

/**
 * Fills the buyer form the way a person would, field after field, leaving each with Tab. `fast`: Playwright's
 * fill (the whole value at once, no delay); `slow`: email and name typed a key every 500 ms, the rest as fast.
 * Fields the session does not show are skipped.
 */
export async function fillForm(
  env: Env,
  page: Page,
  clientSecret: string,
  speed: 'fast' | 'slow',
): Promise<FillResult> {
  for (const step of fillSteps) {
    const field = page.locator(`polar-checkout [id="${step.id}"]`);
    try {
      await field.waitFor({ state: 'visible', timeout: step.label === 'email' ? 5_000 : 2_000 });
    } catch {
      continue;
    }
    const options = await field.evaluate((element) =>
      element instanceof HTMLSelectElement ? [...element.options].map((option) => option.value) : null,
    );
    if (options) {
      const value = step.values.find((candidate) => options.includes(candidate));
      if (value === undefined) continue;
      await field.selectOption(value);
    } else if (speed === 'slow' && (step.label === 'email' || step.label === 'name')) {
      await field.click();
      await field.pressSequentially(step.values.at(-1)!, { delay: 500 });
    } else {
      await field.fill(step.values.at(-1)!);
    }
    await field.press('Tab');
  }
  // Quiet for longer than the element's save debounce (450 ms today) twice over: the last save has been sent.
  const requests = await waitForRest(env.sandboxUrl, clientSecret, 1_200, env.latencyMs);
  const patches = requests.filter((entry) => entry.method === 'PATCH');
  const perField = new Map<string, number>();
  const sent = new Map<string, string>();
  for (const patch of patches) {
    // A field first sent empty (the address object arriving with nulls) did not change.
    const changed = leaves(patch.body).filter(
      ([path, value]) => (sent.get(path) ?? 'null') !== value && !(sent.get(path) === undefined && value === '""'),
    );
    for (const [path, value] of changed) sent.set(path, value);
    const labels = new Set(changed.flatMap(([path]) => labelOf(path) ?? []));
    if (labels.size === 0) labels.add(changed.length ? '(other)' : '(nothing new)');
    for (const label of labels) perField.set(label, (perField.get(label) ?? 0) + 1);
  }
  return {
    patches: patches.length,
    preflights: requests.filter(
      (entry) => entry.operation === 'preflight' && entry.path.startsWith('/v1/') && !entry.path.endsWith('/confirm'),
    ).length,
    perField,
  };
}

/** The slow fill, on its own fresh page. */
export async function slowFillRun(env: Env): Promise<FillResult> {
  const { session, context, page, url } = await openOneTimePage(env);
  try {
    await page.goto(url);
    await waitForMarks(page, true);
    return await fillForm(env, page, session.clientSecret, 'slow');
  } finally {
    await context.close();
  }
}

export interface RenderRun {
  productCount: number;
  customFieldCount: number;
  /** The update that first showed the summary with data: Lit's update() and the style+layout forced right after. */
  firstScript: number;
  firstLayout: number;
  /** Updates that started once the PATCH answer was in (within 500 ms), summed. */
  patchScript: number;
  patchLayout: number;
  patchUpdates: number;
  heap: number;
}

const extraFields = 30;

/** Many products and many custom fields: how long the element takes to render them and to re-render after a save. */
export async function renderRun(env: Env): Promise<RenderRun> {
  const session = await manyProducts(env.sandboxUrl);
  const { context, page, url } = await openPage(
    env,
    elementPage(env.sandboxUrl, session.clientSecret),
    session.productName,
    true,
  );
  let customFieldCount = 0;
  try {
    // The answers to the element's GET and PATCH get the synthetic fields; the event stream and confirm pass untouched.
    const target = `${env.sandboxUrl}/v1/checkouts/client/${session.clientSecret}`;
    await intercept(page, [{ urlPattern: target, requestStage: 'Response' }], async (cdp, event) => {
      const method = event.request.method;
      if (
        event.request.url !== target ||
        (method !== 'GET' && method !== 'PATCH') ||
        event.responseStatusCode !== 200
      ) {
        await cdp.send('Fetch.continueRequest', { requestId: event.requestId });
        return;
      }
      const { body, base64Encoded } = await cdp.send('Fetch.getResponseBody', { requestId: event.requestId });
      const checkout = JSON.parse(base64Encoded ? Buffer.from(body, 'base64').toString('utf8') : body) as {
        attached_custom_fields: unknown[];
        organization: { id: string };
      };
      checkout.attached_custom_fields = [
        ...checkout.attached_custom_fields,
        ...syntheticCustomFields(extraFields, checkout.organization.id),
      ];
      customFieldCount = checkout.attached_custom_fields.length;
      await cdp.send('Fetch.fulfillRequest', {
        requestId: event.requestId,
        responseCode: 200,
        responseHeaders: (event.responseHeaders ?? []).filter(
          (header) => header.name.toLowerCase() !== 'content-length',
        ),
        body: Buffer.from(JSON.stringify(checkout)).toString('base64'),
      });
    });
    await page.goto(url);
    await waitForMarks(page, true);
    const heap = await heapAfterGc(page);
    const fillStart = await page.evaluate(() => performance.now());
    const email = page.locator('polar-checkout [id="customer_email"]');
    await email.fill('jo@example.com');
    await email.press('Tab');
    await waitForRest(env.sandboxUrl, session.clientSecret, 800, env.latencyMs);
    await page.waitForTimeout(200);
    const answeredAt = await page.evaluate(
      ({ secret, after }) =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes(secret) && entry.startTime > after && !entry.name.includes('/stream'))
          .map((entry) => (entry as PerformanceResourceTiming).responseEnd)[0],
      { secret: session.clientSecret, after: fillStart },
    );
    const marks = await marksOf(page);
    const first = marks.updates.find(([, , , shown]) => shown);
    const afterPatch =
      answeredAt === undefined
        ? []
        : marks.updates.filter(([start]) => start >= answeredAt && start < answeredAt + 500);
    return {
      productCount: session.productCount,
      customFieldCount,
      firstScript: first?.[1] ?? Number.NaN,
      firstLayout: first?.[2] ?? Number.NaN,
      patchScript: afterPatch.length ? afterPatch.reduce((sum, [, script]) => sum + script, 0) : Number.NaN,
      patchLayout: afterPatch.length ? afterPatch.reduce((sum, [, , layout]) => sum + layout, 0) : Number.NaN,
      patchUpdates: afterPatch.length,
      heap,
    };
  } finally {
    await context.close();
  }
}

/** The JS heap of an empty page in the same browser, to read the element's heap against. */
export async function blankHeap(env: Env): Promise<number> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  try {
    env.pages.page('/blank', '<!doctype html><html lang="en"><body><p>blank</p></body></html>');
    await page.goto(`${env.pages.origin}/blank`);
    return await heapAfterGc(page);
  } finally {
    await context.close();
  }
}
