/** What the bench puts into each page: timing marks recorded in the page itself, and Stripe.js served by the double. */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright';

export interface PageMarks {
  /** performance.now() when the summary was first painted with the product's name in it. */
  summaryPainted?: number;
  /** When the Payment Element said 'ready', and when the frame after it was painted. */
  cardReady?: number;
  cardPainted?: number;
  /** Summed layout-shift scores without recent input, with the time of each shift. */
  cls: number;
  shifts: [number, number][];
  /** Each `update()` of <polar-checkout>: start, script ms, forced style+layout ms, and whether the summary was there. */
  updates: [number, number, number, boolean][];
  timeOrigin: number;
}

export interface InstrumentOptions {
  /** Text the summary holds once real data is shown (a product name): a skeleton does not count. */
  expectText: string;
  /** Time each element update and force style+layout right after it (only where render cost is measured). */
  timeUpdates: boolean;
}

/**
 * Runs before any page script, in the top frame only.
 *
 * "Summary painted": the Element Timing API would be the direct way, but it does not see into shadow roots, and LCP
 * reports the largest paint, not the summary. So every animation frame checks whether the summary
 * (`[part~="summary"]` in the element's shadow root, or `[data-bench-summary]` for the React form) is laid out with a
 * non-zero size and holds the product's name. rAF callbacks run just before the frame's style, layout and paint, so
 * the first frame that sees it is the frame that paints it; a message posted from that callback runs right after
 * that frame's paint step, and its time is the one recorded (a second rAF would add up to a whole frame of idle).
 * https://html.spec.whatwg.org/multipage/webappapis.html#update-the-rendering
 *
 * Plain JavaScript in a string: tsx wraps the functions of this file in a `__name` helper the page does not have.
 */
const pageScript = `(function (options) {
  if (window.top !== window) return;
  var marks = { cls: 0, shifts: [], updates: [], timeOrigin: performance.timeOrigin };
  window.__bench = marks;
  function afterPaint(done) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { done(performance.now()); };
    channel.port2.postMessage(null);
  }

  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      if (entry.hadRecentInput) return;
      marks.cls += entry.value;
      marks.shifts.push([entry.startTime, entry.value]);
    });
  }).observe({ type: 'layout-shift', buffered: true });

  function summary() {
    var host = document.querySelector('polar-checkout');
    var part = host && host.shadowRoot && host.shadowRoot.querySelector('[part~="summary"]');
    return part || document.querySelector('[data-bench-summary]');
  }
  function shown(element) {
    if (!element || (element.textContent || '').indexOf(options.expectText) === -1) return false;
    var box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }
  var seen = false;
  function frame() {
    if (!seen && shown(summary())) {
      seen = true;
      afterPaint(function (at) { marks.summaryPainted = at; });
    }
    if (!seen) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  window.__benchCardReady = function () {
    if (marks.cardReady !== undefined) return;
    marks.cardReady = performance.now();
    requestAnimationFrame(function () { afterPaint(function (at) { marks.cardPainted = at; }); });
  };

  if (options.timeUpdates) {
    // Wrapped before the element is defined, so that no update is missed. Lit's update() renders and commits.
    var define = customElements.define;
    customElements.define = function (name, constructor, definitionOptions) {
      if (name === 'polar-checkout') {
        var update = constructor.prototype.update;
        constructor.prototype.update = function (changed) {
          var start = performance.now();
          try {
            update.call(this, changed);
          } finally {
            var scripted = performance.now();
            this.getBoundingClientRect();
            marks.updates.push([start, scripted - start, performance.now() - scripted, shown(summary())]);
          }
        };
      }
      return define.call(this, name, constructor, definitionOptions);
    };
  }
})`;

export async function instrument(page: Page, options: InstrumentOptions): Promise<void> {
  await page.addInitScript(`${pageScript}(${JSON.stringify(options)});`);
}

export async function marksOf(page: Page): Promise<PageMarks> {
  return page.evaluate(() => (window as unknown as { __bench: PageMarks }).__bench);
}

const stripeDouble = readFileSync(new URL('../../demo/stripe-double/stripe.js', import.meta.url), 'utf8');

/**
 * Appended to the double: tells the page when a Payment Element is ready (any integration's, the element's or
 * React's), and adds the methods @stripe/react-stripe-js checks for before it accepts a Stripe object.
 */
const stripeHook = `;(function () {
  var original = window.Stripe;
  function notImplemented() { return Promise.reject(new Error('not in the Stripe.js double')); }
  window.Stripe = Object.assign(function () {
    var stripe = original.apply(this, arguments);
    ['createToken', 'createPaymentMethod', 'confirmCardPayment'].forEach(function (name) { stripe[name] = stripe[name] || notImplemented; });
    var elements = stripe.elements;
    stripe.elements = function () {
      var group = elements.apply(this, arguments);
      var create = group.create;
      group.create = function (type) {
        var element = create.apply(this, arguments);
        if (type === 'payment') element.on('ready', function () { if (window.__benchCardReady) window.__benchCardReady(); });
        return element;
      };
      return group;
    };
    return stripe;
  }, original);
})();`;

/**
 * Serves the Stripe.js double at js.stripe.com (so the real loader path runs), one round trip late.
 *
 * Through the DevTools protocol's Fetch domain with a pattern for js.stripe.com only, not Playwright's page.route:
 * once any route is set, Playwright answers every CORS preflight itself, and the sandbox would never see them.
 */
export async function routeStripe(page: Page, sandboxUrl: string, latencyMs: number): Promise<void> {
  const body = Buffer.from(
    `window.__STRIPE_DOUBLE_CONFIG__ = ${JSON.stringify({ api: sandboxUrl })};\n${stripeDouble}\n${stripeHook}`,
  ).toString('base64');
  await intercept(page, [{ urlPattern: 'https://js.stripe.com/*', requestStage: 'Request' }], async (cdp, event) => {
    if (latencyMs > 0) await sleep(latencyMs);
    await cdp.send('Fetch.fulfillRequest', {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: [{ name: 'Content-Type', value: 'text/javascript; charset=utf-8' }],
      body,
    });
  });
}

/** The parts of CDP's Fetch.requestPaused the bench reads. */
export interface Paused {
  requestId: string;
  request: { url: string; method: string };
  responseStatusCode?: number;
  responseHeaders?: { name: string; value: string }[];
}

interface Pattern {
  urlPattern: string;
  requestStage: 'Request' | 'Response';
}

/** One CDP session per page intercepts everything the bench needs to; handlers are chosen by URL. */
const handlers = new WeakMap<
  Page,
  {
    cdp: CDPSession;
    patterns: Pattern[];
    routes: { test: (url: string) => boolean; handle: (cdp: CDPSession, event: Paused) => Promise<void> }[];
  }
>();

export async function intercept(
  page: Page,
  patterns: Pattern[],
  handle: (cdp: CDPSession, event: Paused) => Promise<void>,
): Promise<void> {
  let state = handlers.get(page);
  if (!state) {
    const cdp = await page.context().newCDPSession(page);
    const created = {
      cdp,
      patterns: [] as Pattern[],
      routes: [] as NonNullable<ReturnType<typeof handlers.get>>['routes'],
    };
    handlers.set(page, created);
    cdp.on('Fetch.requestPaused', (event) => {
      const route = created.routes.find((candidate) => candidate.test(event.request.url));
      const done = route ? route.handle(cdp, event) : cdp.send('Fetch.continueRequest', { requestId: event.requestId });
      done.catch(() => undefined); // the page may be gone
    });
    state = created;
  }
  state.patterns.push(...patterns);
  const globs = patterns.map(
    (pattern) => new RegExp(`^${pattern.urlPattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`),
  );
  state.routes.push({ test: (url) => globs.some((glob) => glob.test(url)), handle });
  await state.cdp.send('Fetch.enable', { patterns: state.patterns });
}
