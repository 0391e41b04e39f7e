/**
 * `npm run bench`: what the element costs to download, how fast a checkout shows against the local sandbox behind a
 * simulated round trip, how many requests and saves it makes, and what rendering a large session costs. Figures,
 * not pass/fail: compare runs on the same machine. Run `npm run build` first; it reads dist/.
 *
 *   BENCH_RUNS=7            runs per browser measure; medians are printed
 *   BENCH_LATENCY_MS=100    delay before every answer: page server, sandbox (preflights included), js.stripe.com
 *   BENCH_COMPARE=1 or `npm run bench -- --compare`
 *                           also builds Polar's React checkout form (@polar-sh/checkout, installed in a temp dir)
 *
 * Lower bounds: a page cannot show a session before it has fetched the HTML, the script and the session, one after
 * the other: 3 × latency. With `initialCheckout` the session comes inside the HTML: 2 × latency. The card form needs
 * Stripe.js too, which can be fetched alongside the session (or, with initialCheckout, right after the script):
 * 3 × latency either way. The double's card form is a srcdoc iframe: real Stripe's own iframe round trips are not
 * modelled.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startSandbox } from '../demo/sandbox/server.js';
import { chromiumArgs, chromiumExecutable } from '../test/browser.js';
import { buildOwnViteApp, dist, scriptTagRows, viteAppRows } from './bench/bytes.js';
import { compare } from './bench/compare.js';
import {
  blankHeap,
  initialRun,
  plainRun,
  renderRun,
  slowFillRun,
  type Env,
  type FillResult,
} from './bench/element-runs.js';
import { MB, median, ms, Table } from './bench/format.js';
import { startPageServer } from './bench/page-server.js';

const runs = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 7));
const latencyMs = Math.max(0, Number(process.env['BENCH_LATENCY_MS'] ?? 100));
const withCompare = process.argv.includes('--compare') || process.env['BENCH_COMPARE'] === '1';
const started = performance.now();
const progress = (message: string) => process.stderr.write(`[bench] ${message}\n`);

if (!existsSync(join(dist, 'polar-checkout.iife.js')) || !existsSync(join(dist, 'esm/index.js'))) {
  console.error('npm run bench reads dist/: run `npm run build` first.');
  process.exit(1);
}

const table = new Table();
scriptTagRows(table.section('Bytes: script tag (dist/)'));
progress('building a Vite app that imports the ESM build');
const own = await buildOwnViteApp();
viteAppRows(table.section("Bytes: ESM build in a Vite app (import 'polar-checkout-element', vite build)"), own.app);

const sandbox = await startSandbox({ port: 0, fast: true, latencyMs });
const pages = await startPageServer(latencyMs);
pages.mount('/', dist);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
const env: Env = { browser, sandboxUrl: sandbox.url, pages, latencyMs };

try {
  const plain = [];
  const initial = [];
  const initialUnpreloaded = [];
  const render = [];
  for (let run = 0; run < runs; run++) {
    progress(`run ${run + 1}/${runs}`);
    plain.push(await plainRun(env));
    initial.push(await initialRun(env));
    initialUnpreloaded.push(await initialRun(env, false));
    render.push(await renderRun(env));
  }
  progress('slow fill (a key every 500 ms)');
  const slow = await slowFillRun(env);
  const blank = await blankHeap(env);

  const bound = (round: number) => round * latencyMs;
  const ratio = (value: number, round: number) =>
    latencyMs > 0
      ? `${(value / bound(round)).toFixed(2)} × the bound (${round} × ${latencyMs} ms = ${bound(round)} ms)`
      : '';
  const times = table.section(
    `Time from navigation, one-time session, ${latencyMs} ms per request (median of ${runs})`,
  );
  const summary = median(plain.map((run) => run.summary));
  const card = median(plain.map((run) => run.card));
  times.push({ measure: 'summary painted', value: ms(summary), against: ratio(summary, 3) });
  times.push({
    measure: 'card form ready (Payment Element "ready", painted)',
    value: ms(card),
    against: ratio(card, 3),
  });
  const honoured = initial.filter((run) => run.honoured).length;
  if (honoured * 2 > initial.length) {
    const withInitial = initial.filter((run) => run.honoured);
    const s = median(withInitial.map((run) => run.summary));
    const c = median(withInitial.map((run) => run.card));
    times.push({ measure: 'with initialCheckout: summary painted', value: ms(s), against: ratio(s, 2) });
    times.push({ measure: 'with initialCheckout: card form ready', value: ms(c), against: ratio(c, 3) });
    const u = median(initialUnpreloaded.filter((run) => run.honoured).map((run) => run.summary));
    times.push({
      measure: 'with initialCheckout, form chunk not preloaded',
      value: ms(u),
      against: `${ratio(u, 2)}; the summary waits for chunks/form.js after the script`,
    });
  } else {
    const reason = 'n/a (element ignores initialCheckout)';
    times.push({
      measure: 'with initialCheckout: summary painted',
      value: reason,
      against: `painted after the GET answer in ${initial.length - honoured} of ${initial.length} runs`,
    });
  }

  const requests = table.section('Requests to the sandbox (its request log, CORS preflights included)');
  const before = median(plain.map((run) => run.requestsBeforeSummary));
  const preflights = median(plain.map((run) => run.preflightsBeforeSummary));
  requests.push({
    measure: 'before the summary is painted',
    value: `${before}`,
    against: `${preflights} of them preflights`,
  });
  if (honoured * 2 > initial.length) {
    requests.push({
      measure: 'before the summary, with initialCheckout',
      value: `${median(initial.map((run) => run.requestsBeforeSummary))}`,
      against: 'sent before the paint',
    });
  }
  const fillRow = (name: string, results: FillResult[], note: string) => {
    const perField = new Map<string, number[]>();
    for (const result of results)
      for (const [field, count] of result.perField) perField.set(field, [...(perField.get(field) ?? []), count]);
    const detail = [...perField]
      .map(([field, counts]) => `${field} ${median(counts.concat(Array(results.length - counts.length).fill(0)))}`)
      .join(', ');
    requests.push({
      measure: `PATCHes, ${name}`,
      value: `${median(results.map((result) => result.patches))}`,
      against: `${note}; per field: ${detail || 'none'}; + ${median(results.map((result) => result.preflights))} preflights`,
    });
  };
  fillRow(
    `fast fill (median of ${runs})`,
    plain.map((run) => run.fill),
    'fill() each field, Tab',
  );
  fillRow('slow fill (1 run)', [slow], 'email and name typed at 500 ms a key');

  const cost = table.section(
    `Rendering ${render[0]!.productCount} products and ${render[0]!.customFieldCount} custom fields (${render[0]!.customFieldCount - 3} added by the bench), in the page (median of ${runs})`,
  );
  cost.push({
    measure: 'first render with data: update() + style/layout',
    value: `${ms(median(render.map((run) => run.firstScript)))} + ${ms(median(render.map((run) => run.firstLayout)))}`,
    against: "Lit's update() timed in the page, then a forced layout",
  });
  cost.push({
    measure: 'after a PATCH answer: update() + style/layout',
    value: `${ms(median(render.map((run) => run.patchScript)))} + ${ms(median(render.map((run) => run.patchLayout)))}`,
    against: `${median(render.map((run) => run.patchUpdates))} update(s) within 500 ms of the answer`,
  });
  const memory = table.section('Memory and layout');
  memory.push({
    measure: 'JS heap after GC, one-time, card form shown',
    value: MB(median(plain.map((run) => run.heap))),
    against: `a blank page: ${MB(blank)}`,
  });
  memory.push({ measure: 'JS heap after GC, the large session', value: MB(median(render.map((run) => run.heap))) });
  memory.push({
    measure: 'CLS with a footer, navigation → card form ready',
    value: median(plain.map((run) => run.cls)).toFixed(3),
    against: 'layout shifts without recent input',
  });
  if (honoured * 2 > initial.length) {
    memory.push({ measure: 'CLS with initialCheckout', value: median(initial.map((run) => run.cls)).toFixed(3) });
  }

  if (withCompare) {
    const rows = table.section(
      "Side by side with Polar's React checkout form (both built with Vite, one-time session, median of each)",
    );
    await compare(env, own.app, runs, rows, progress).catch((error: unknown) => {
      rows.push({
        measure: 'comparison failed',
        value: '',
        against: error instanceof Error ? error.message.split('\n')[0]! : String(error),
      });
    });
  }
} finally {
  await browser.close();
  await pages.close();
  await sandbox.close();
  own.cleanup();
}

console.log(table.toString());
console.log(
  `\nChromium ${browser.version()}, ${runs} runs, ${latencyMs} ms per request; took ${((performance.now() - started) / 1000).toFixed(0)} s.`,
);
