/**
 * `npm run bench`: prints the bundle's size and how fast a checkout renders and completes in Chromium against the
 * local sandbox. Figures, not pass/fail: compare runs on the same machine. Run `npm run build` first.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { startSandbox } from '../demo/sandbox/server.js';
import { chromiumArgs, chromiumExecutable } from '../test/browser.js';

const runs = Number(process.env.BENCH_RUNS ?? 10);
const root = new URL('..', import.meta.url).pathname;
const iifePath = join(root, 'dist/polar-checkout.iife.js');
const stripeDouble = readFileSync(join(root, 'demo/stripe-double/stripe.js'), 'utf8');

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} kB`;
}

function sizes(): void {
  const iife = readFileSync(iifePath);
  console.log('Bundle');
  console.log(`  dist/polar-checkout.iife.js  ${kb(iife.length)} min, ${kb(gzipSync(iife, { level: 9 }).length)} gzip, ${kb(brotliCompressSync(iife).length)} brotli`);
  const tables = readdirSync(join(root, 'dist/locales')).map((file) => readFileSync(join(root, 'dist/locales', file)));
  const gzipped = tables.map((table) => gzipSync(table, { level: 9 }).length);
  console.log(`  dist/locales/*.js            ${tables.length} tables, ${kb(Math.max(...gzipped))} gzip at most, fetched only for a buyer reading that language`);
  const esm = walk(join(root, 'dist/esm')).filter((file) => file.endsWith('.js'));
  const esmBytes = esm.reduce((total, file) => total + statSync(file).size, 0);
  console.log(`  dist/esm/**/*.js            ${kb(esmBytes)} unminified in ${esm.length} modules (Lit and Stripe's loader not included)`);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timings(): Promise<void> {
  const sandbox = await startSandbox({ port: 0, fast: true });
  const page = (secret: string) => `<!doctype html><html><body>
    <polar-checkout server-url="${sandbox.url}" client-secret="${secret}"></polar-checkout>
    <script>window.__STRIPE_DOUBLE_CONFIG__ = { api: ${JSON.stringify(sandbox.url)} };</script>
    <script>${stripeDouble}</script>
    <script src="/polar-checkout.iife.js"></script></body></html>`;
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    if (req.url === '/polar-checkout.iife.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' }).end(readFileSync(iifePath));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(pages.get(req.url ?? '') ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });

  const rendered: number[] = [];
  const saved: number[] = [];
  const completed: number[] = [];
  let requestsBeforeRender = 0;
  for (let run = 0; run < runs; run++) {
    const created = await fetch(`${sandbox.url}/__sandbox/scenarios/free`, { method: 'POST' });
    const secret = ((await created.json()) as { client_secret: string }).client_secret;
    pages.set(`/run-${run}`, page(secret));
    const context = await browser.newContext();
    const tab = await context.newPage();
    let apiRequests = 0;
    tab.on('request', (request) => {
      if (request.url().startsWith(sandbox.url)) apiRequests++;
    });
    await tab.addInitScript(() => {
      document.addEventListener('polar-ready', () => ((window as any).__readyAt = performance.now()), { once: true });
      document.addEventListener('polar-change', () => ((window as any).__changedAt = performance.now()));
      document.addEventListener('polar-success', (event) => {
        event.preventDefault();
        (window as any).__successAt = performance.now();
      });
    });
    await tab.goto(`${origin}/run-${run}`);
    await tab.waitForFunction(() => (window as any).__readyAt);
    rendered.push(await tab.evaluate(() => (window as any).__readyAt as number));
    requestsBeforeRender = apiRequests;

    const email = tab.locator('polar-checkout [id="customer_email"]');
    const typedAt = await tab.evaluate(() => performance.now());
    await email.fill('bench@example.com');
    await email.blur();
    await tab.waitForFunction(() => (window as any).__changedAt);
    saved.push((await tab.evaluate(() => (window as any).__changedAt as number)) - typedAt);

    const payAt = await tab.evaluate(() => performance.now());
    await tab.locator('polar-checkout [part~="submit"]').click();
    await tab.waitForFunction(() => (window as any).__successAt);
    completed.push((await tab.evaluate(() => (window as any).__successAt as number)) - payAt);
    await context.close();
  }
  await browser.close();
  server.close();
  await sandbox.close();

  console.log(`\nIn Chromium against the local sandbox (free product, median of ${runs} runs, fresh browser context each)`);
  console.log(`  navigation start → session rendered (polar-ready)  ${median(rendered).toFixed(0)} ms`);
  console.log(`  API requests before the form is shown              ${requestsBeforeRender} (no CORS preflight)`);
  console.log(`  email blur → saved (polar-change)                  ${median(saved).toFixed(0)} ms`);
  console.log(`  pay → polar-success (confirm + order)              ${median(completed).toFixed(0)} ms (sandbox fulfils after ~100 ms)`);
}

sizes();
await timings();
