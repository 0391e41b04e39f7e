/**
 * `--compare`: Polar's own embeddable React checkout form (@polar-sh/checkout) against the same sandbox session,
 * both built by Vite. It is installed with npm into a temp dir at bench time, never into this project.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, waitForMarks, type Env } from './element-runs.js';
import { kB, median, ms, type Row } from './format.js';
import { scenario } from './sandbox-session.js';
import { buildApp, type BuiltApp } from './vite-app.js';

const packageName = '@polar-sh/checkout';
/** How many of the newest versions to try, newest first, until one renders (0.2.x and older want react-stripe-js 3/4). */
const tried = 3;
const peers = ['react@19', 'react-dom@19', '@stripe/react-stripe-js@5', '@stripe/stripe-js@8'];

/**
 * The form as Polar's own checkout page composes it: the provider fetches the session; pricing, then the form.
 * `./shims.js` comes first so that it runs before the package; it does something only on a page that asks for it.
 */
const reactMain = (alias: string) => `import './shims.js';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { CheckoutFormProvider, CheckoutProvider, useCheckout, useCheckoutForm } from '${alias}/providers';
import { CheckoutForm, CheckoutPricing } from '${alias}/components';

const config = window.__BENCH_POLAR__;
function Checkout() {
  const { checkout } = useCheckout();
  const form = useCheckoutForm();
  return h('div', null,
    h('div', { 'data-bench-summary': '' }, h(CheckoutPricing, { checkout })),
    h(CheckoutForm, { ...form, checkout, themePreset: { stripe: { theme: 'stripe' } } }));
}
createRoot(document.getElementById('root')).render(
  h(CheckoutProvider, { clientSecret: config.clientSecret, serverURL: config.serverURL }, h(CheckoutFormProvider, null, h(Checkout))),
);
`;

/**
 * What it takes to render against the sandbox from a storefront's origin, applied only when the page sets
 * `__BENCH_SHIMS__` lists them: 'require': its ESM build bundles react-dom's CommonJS and keeps esbuild's
 * __require("react"), which works only where a `require` function exists (webpack provides one; Vite does not);
 * 'credentials': its API client (@polar-sh/client) fetches with credentials 'include', which Polar's public CORS
 * policy (any origin, no credentials; the sandbox answers as Polar does) refuses, so those fetches omit them.
 */
const reactShims = `import * as React from 'react';
const shims = window.__BENCH_SHIMS__ || [];
if (shims.includes('require')) {
  globalThis.require = (name) => {
    if (name === 'react') return React;
    throw new Error('require(' + name + ') is not shimmed');
  };
}
if (shims.includes('credentials')) {
  const fetch = window.fetch;
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    return fetch(request.url.startsWith(window.__BENCH_POLAR__.serverURL) ? new Request(request, { credentials: 'omit' }) : request);
  };
}
`;

type Shim = 'require' | 'credentials';
const shimSteps: Shim[][] = [[], ['require'], ['require', 'credentials']];
const shimText: Record<Shim, string> = {
  require: "a global require('react')",
  credentials: "credentials 'omit' on its API fetches",
};

const storefront = (inner: string) =>
  `<style>body{margin:0;font-family:system-ui,sans-serif}main{max-width:640px;margin:0 auto;padding:16px}footer{height:160px;background:#eee;padding:16px}</style>` +
  `<main><h1>Storefront</h1>${inner}</main><footer>Storefront footer</footer>`;

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 240_000 });
}

function semverDesc(a: string, b: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : -1));
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (y[i] ?? 0) - (x[i] ?? 0);
  return 0;
}

interface Timed {
  summary: number;
  card: number;
}

/** Summary painted (required) and card form ready (NaN when it does not come within 10 s). */
async function timeApp(
  env: Env,
  appPath: string,
  html: string,
  expectText: string,
  timeoutMs = 20_000,
): Promise<Timed> {
  const session = await scenario(env.sandboxUrl, 'one-time');
  const body = html.replaceAll('%SECRET%', session.clientSecret);
  const template = readFileSync(join(appPath, 'index.html'), 'utf8');
  const { context, page, url } = await openPage(
    env,
    template.replace('<div id="bench-body"></div>', () => body),
    expectText,
  );
  try {
    await page.goto(url);
    const summary = (await waitForMarks(page, false, timeoutMs)).summaryPainted!;
    const card = await waitForMarks(page, true, 10_000).then(
      (marks) => marks.cardPainted!,
      () => Number.NaN,
    );
    return { summary, card };
  } finally {
    await context.close();
  }
}

export async function compare(
  env: Env,
  own: BuiltApp,
  runs: number,
  rows: Row[],
  progress: (message: string) => void,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'polar-bench-compare-'));
  try {
    progress(`installing the newest ${tried} versions of ${packageName} into ${dir}`);
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'polar-bench-compare', private: true, type: 'module' }),
    );
    const versions = (JSON.parse(npm(['view', packageName, 'versions', '--json'], dir)) as string[])
      .filter((version) => !version.includes('-'))
      .sort(semverDesc)
      .slice(0, tried);
    const alias = (version: string) => `polar-checkout-${version.replace(/\W/g, '-')}`;
    npm(
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--legacy-peer-deps',
        '--loglevel=error',
        ...versions.map((v) => `${alias(v)}@npm:${packageName}@${v}`),
        ...peers,
      ],
      dir,
    );

    env.pages.mount('/own/', own.outDir);
    const ownHtml = storefront(
      `<polar-checkout server-url="${env.sandboxUrl}" client-secret="%SECRET%"></polar-checkout>`,
    );
    const polarHtml = (shims: Shim[]) =>
      storefront(
        `<div id="root"></div><script>window.__BENCH_POLAR__ = { serverURL: ${JSON.stringify(env.sandboxUrl)}, clientSecret: "%SECRET%" };` +
          `window.__BENCH_SHIMS__ = ${JSON.stringify(shims)};</script>`,
      );

    let chosen: { version: string; app: BuiltApp; shims: Shim[] } | null = null;
    const refused: { version: string; reason: string }[] = [];
    for (const version of versions) {
      progress(`building and trying ${packageName}@${version}`);
      const base = `/${alias(version)}/`;
      const root = join(dir, alias(version));
      let app: BuiltApp;
      try {
        mkdirSync(root, { recursive: true });
        writeFileSync(join(root, 'shims.js'), reactShims);
        app = await buildApp({ root, main: reactMain(alias(version)), base });
      } catch (error) {
        refused.push({ version, reason: `Vite could not build it: ${firstLine(error)}` });
        continue;
      }
      env.pages.mount(base, app.outDir);
      // Each shim is added only when the form still does not render, so that every reason it fails gets printed.
      let previous = '';
      for (const shims of shimSteps) {
        const failure = await timeApp(env, app.outDir, polarHtml(shims), '', 6_000).then(
          () => null,
          (error: unknown) => firstLine(error),
        );
        if (failure === null) {
          chosen = { version, app, shims };
          break;
        }
        if (failure === previous) break;
        previous = failure;
        refused.push({
          version,
          reason: `${shims.length ? `with shims (${shims.join(', ')})` : 'as shipped'}: ${failure}`,
        });
      }
      if (chosen) break;
    }
    for (const { version, reason } of refused)
      rows.push({ measure: `${packageName}@${version}`, value: 'does not render', against: reason });
    if (!chosen) {
      rows.push({ measure: packageName, value: 'no version rendered', against: `tried ${versions.join(', ')}` });
      return;
    }
    const { version, app, shims } = chosen;
    rows.push({
      measure: `${packageName}@${version}`,
      value: shims.length ? 'renders with shims' : 'renders',
      against:
        `the newest of ${versions.join(', ')} that renders` +
        (shims.length
          ? `; shims: ${shims.map((shim) => shimText[shim]).join(', ')} (see scripts/bench/compare.ts)`
          : '') +
        "; unstyled: its Tailwind classes come with Polar's app, not the package",
    });

    const react = app.initialBytesFrom(/node_modules\/(react|react-dom|scheduler)\//);
    rows.push({
      measure: 'initial JS, gzip: theirs / ours',
      value: `${kB(app.initial.gzip)} / ${kB(own.initial.gzip)}`,
      against: `${(app.initial.gzip / own.initial.gzip).toFixed(2)} × ours; theirs includes React (${kB(react)} of ${kB(app.initial.raw)} raw), which a React storefront already ships`,
    });
    rows.push({
      measure: 'lazy JS, gzip: theirs / ours',
      value: `${kB(app.lazy.gzip)} / ${kB(own.lazy.gzip)}`,
      against: `${app.lazyCount} / ${own.lazyCount} chunks`,
    });

    const theirs: Timed[] = [];
    const ours: Timed[] = [];
    for (let run = 0; run < runs; run++) {
      progress(`compare run ${run + 1}/${runs}`);
      ours.push(await timeApp(env, own.outDir, ownHtml, 'Acme Pro License'));
      theirs.push(await timeApp(env, app.outDir, polarHtml(shims), ''));
    }
    const pair = (pick: (timed: Timed) => number) => {
      const [a, b] = [median(theirs.map(pick)), median(ours.map(pick))];
      return { value: `${ms(a)} / ${ms(b)}`, against: `${(a / b).toFixed(2)} × ours` };
    };
    rows.push({ measure: 'summary painted: theirs / ours (Vite apps)', ...pair((timed) => timed.summary) });
    rows.push({ measure: 'card form ready: theirs / ours (Vite apps)', ...pair((timed) => timed.card) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first line of an error, with the long URLs of this run replaced by what they are. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]!
    .replace(/'http:\/\/127\.0\.0\.1:\d+\/v1\/checkouts\/client\/[^']+'/g, 'the session (ClientGet)')
    .replace(/origin 'http:\/\/127\.0\.0\.1:\d+'/g, "the storefront's origin")
    .slice(0, 400);
}
