/**
 * The published package, used the way a React developer uses it: `npm pack` the build, install the tarball into a
 * fresh Vite + React app (React 19, then React 18) from the npm registry, type-check the app against the published
 * .d.ts files, build it, serve it, and pay for a session in Chromium through `polar-checkout-element/react`.
 * Polar's sandbox API is the local sandbox and js.stripe.com the Stripe.js double, both by request routing: the
 * app itself is the README's, unchanged (test/package/react-app/).
 *
 * Run after `npm run build` (`npm run test:package`). About a minute with a warm npm cache; the first run downloads
 * React 18, @vitejs/plugin-react and their kin. POLAR_PACK_KEEP=1 keeps the temporary apps (the path is printed);
 * POLAR_PACK_SANDBOX_PORT / POLAR_PACK_APP_PORT pin the ports (default: any free one).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type ConsoleMessage } from 'playwright';
import { startSandbox, type RunningSandbox } from '../../demo/sandbox/server.js';
import { chromiumArgs, chromiumExecutable } from '../browser.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const appSource = join(root, 'test/package/react-app');
const POLAR_SANDBOX_API = 'https://sandbox-api.polar.sh';
const stripeDouble = readFileSync(join(root, 'demo/stripe-double/stripe.js'), 'utf8');
const started = Date.now();

/** The version this repository installed, so the app's install comes from the npm cache `npm ci` just filled. */
const installed = (name: string) =>
  (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const installedOr = (name: string, fallback: string) =>
  existsSync(join(root, 'node_modules', name, 'package.json')) ? installed(name) : fallback;

const tools = {
  typescript: installed('typescript'),
  vite: installed('vite'),
  '@vitejs/plugin-react': installedOr('@vitejs/plugin-react', '6.3.0'),
};
const apps = [
  {
    name: 'React 19',
    dependencies: { react: installed('react'), 'react-dom': installed('react-dom') },
    types: { '@types/react': installed('@types/react'), '@types/react-dom': installed('@types/react-dom') },
  },
  {
    name: 'React 18',
    dependencies: { react: '^18.3.1', 'react-dom': '^18.3.1' },
    types: { '@types/react': '^18.3.0', '@types/react-dom': '^18.3.0' },
  },
];

function log(message: string): void {
  console.log(`[pack +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
}

/**
 * npm in the app without what an enclosing `npm test` says about this package (npm_config_local_prefix points here,
 * npm_package_* describe it); the machine's own npm configuration (registry, cache, CA) is kept.
 */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_(package_|lifecycle_|command$|execpath$|node_execpath$|config_(local_prefix|call)$)/i.test(key),
  ),
);

function run(
  command: string,
  args: string[],
  cwd: string,
  timeoutMs = 180_000,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} (in ${cwd}) ended with ${signal ?? `exit code ${code}`}\n${stdout}\n${stderr}`,
          ),
        );
    });
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every file path named in package.json `exports`. */
function exportTargets(value: unknown): string[] {
  if (typeof value === 'string') return [value.replace(/^\.\//, '')];
  return value && typeof value === 'object' ? Object.values(value).flatMap(exportTargets) : [];
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

function serve(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

let work: string;
let tarball: string;
let sandbox: RunningSandbox;
let browser: Browser;

before(async () => {
  assert.ok(existsSync(join(root, 'dist/esm/react.js')), 'dist/ is missing or stale: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'polar-pack-'));
  log(`working in ${work}`);
});

after(async () => {
  await browser?.close();
  if (sandbox) {
    const violations = (await (await fetch(`${sandbox.url}/__sandbox/violations`)).json()) as unknown[];
    await sandbox.close();
    assert.deepEqual(violations, [], 'the sandbox answered something its contract does not allow');
  }
  if (process.env.POLAR_PACK_KEEP === '1') log(`kept ${work}`);
  else if (work) rmSync(work, { recursive: true, force: true });
});

test("the README's React section shows test/package/react-app/src/Checkout.tsx exactly", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n#### React\n');
  const section = readme.slice(start, readme.indexOf('\n#', start + 1));
  assert.ok(start !== -1, 'README.md has no "#### React" section');
  assert.ok(
    section.includes(`\`\`\`tsx\n${readFileSync(join(appSource, 'src/Checkout.tsx'), 'utf8')}\`\`\`\n`),
    'README.md no longer matches Checkout.tsx',
  );
});

test('npm pack: the tarball holds dist/, README.md, LICENSE and package.json, and every file package.json names', async () => {
  log('npm pack');
  const { stdout, stderr } = await run('npm', ['pack', '--json', '--pack-destination', work], root);
  assert.doesNotMatch(stderr, /warn/i, 'npm pack warned');
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[]; size: number }[];
  tarball = join(work, packed!.filename);
  const files = packed!.files.map((file) => file.path);
  log(`${packed!.filename}: ${files.length} files, ${(packed!.size / 1024).toFixed(0)} kB`);

  const outside = files.filter((path) => !/^(package\.json|README\.md|LICENSE|dist\/.+)$/.test(path));
  assert.deepEqual(outside, [], 'files outside dist/ besides README.md, LICENSE and package.json');
  assert.deepEqual(
    files.filter((path) => /\.(test|spec)\.|(^|\/)(test|demo|node_modules)\//.test(path)),
    [],
    'tests or demo in the tarball',
  );

  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: unknown;
    sideEffects: string[];
    main: string;
    types: string;
    customElements: string;
  };
  const named = [
    ...exportTargets(manifest.exports),
    ...manifest.sideEffects.map((path) => path.replace(/^\.\//, '')),
    manifest.main,
    manifest.types,
    manifest.customElements,
  ].map((path) => path.replace(/^\.\//, ''));
  assert.deepEqual(
    named.filter((path) => !files.includes(path)),
    [],
    'package.json names files the tarball lacks',
  );
  for (const entry of [
    'dist/esm/react.js',
    'dist/esm/react.d.ts',
    'dist/esm/element.js',
    'dist/esm/index.js',
    'dist/custom-elements.json',
    'dist/chunks/form.js',
    'dist/chunks/payment.js',
  ]) {
    assert.ok(files.includes(entry), `${entry} is published`);
  }
  // The element runs in browsers: a storefront's Node version is not its business (the tooling's is devEngines).
  assert.equal((manifest as { engines?: unknown }).engines, undefined, 'package.json has engines');

  // A module whose source is gone (a stale build) would still be published: dist/esm mirrors src/ exactly.
  const stale = files
    .filter((path) => path.startsWith('dist/esm/') && path.endsWith('.js'))
    .filter((path) => !existsSync(join(root, 'src', path.slice('dist/esm/'.length).replace(/\.js$/, '.ts'))));
  assert.deepEqual(stale, [], 'modules in dist/esm/ without a source in src/');

  // src/ is not published, so the source maps must carry their sources.
  for (const path of files.filter((file) => file.endsWith('.map'))) {
    const map = JSON.parse(readFileSync(join(root, path), 'utf8')) as {
      sources: string[];
      sourcesContent?: (string | null)[];
    };
    const carried = map.sourcesContent?.filter((content) => typeof content === 'string').length ?? 0;
    assert.equal(carried, map.sources.length, `${path} points at sources it does not carry`);
  }
});

for (const app of apps) {
  describe(`a Vite app with ${app.name}, installing the tarball`, () => {
    let dir: string;

    test('npm install', { timeout: 240_000 }, async () => {
      assert.ok(tarball, 'npm pack failed');
      dir = join(work, app.name.replace(/\W+/g, '-').toLowerCase());
      cpSync(appSource, dir, { recursive: true });
      const packageJson = {
        name: 'react-shop',
        private: true,
        type: 'module',
        dependencies: { 'polar-checkout-element': `file:${tarball}`, ...app.dependencies },
        devDependencies: { ...app.types, ...tools },
      };
      writeFileSync(join(dir, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);
      log(
        `${app.name}: npm install ${Object.entries({ ...app.dependencies, ...app.types, ...tools })
          .map(([name, version]) => `${name}@${version}`)
          .join(' ')} + the tarball`,
      );
      await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], dir, 230_000);
      const versions = ['react', 'react-dom', '@types/react', 'polar-checkout-element', '@lit/react', 'lit'].map(
        (name) => {
          const file = join(dir, 'node_modules', name, 'package.json');
          return `${name}@${(JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version}`;
        },
      );
      log(`${app.name}: installed ${versions.join(', ')}`);
      assert.equal(installedMajor(dir, 'react'), app.name.split(' ')[1]);
    });

    test(
      'tsc --noEmit: the entry points, event types and typed JSX (src/typings.tsx, with @ts-expect-error misuses)',
      { timeout: 120_000 },
      async () => {
        log(`${app.name}: tsc --noEmit`);
        await run('node', [join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], dir);
      },
    );

    test('vite build', { timeout: 120_000 }, async () => {
      log(`${app.name}: vite build`);
      await run('node', [join(dir, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], dir);
      const assets = walk(join(dir, 'dist')).map((path) => relative(join(dir, 'dist'), path));
      log(`${app.name}: built ${assets.filter((path) => path.endsWith('.js')).join(', ')}`);
    });

    test(
      'in Chromium, a buyer is declined once, then pays; onReady, onError and onSuccess get the right details',
      { timeout: 120_000 },
      async () => {
        sandbox ??= await startSandbox({ port: Number(process.env.POLAR_PACK_SANDBOX_PORT ?? 0), fast: true });
        browser ??= await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
        const { server, url } = await serve(join(dir, 'dist'), Number(process.env.POLAR_PACK_APP_PORT ?? 0));
        try {
          await buy(url, app.name);
        } finally {
          await close(server);
        }
      },
    );
  });
}

function installedMajor(dir: string, name: string): string {
  return (
    JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
  ).version.split('.')[0]!;
}

interface Logged {
  text: string;
  values: unknown[];
}

async function buy(appUrl: string, label: string): Promise<void> {
  const created = (await (await fetch(`${sandbox.url}/__sandbox/scenarios/one-time`, { method: 'POST' })).json()) as {
    client_secret: string;
  };
  const secret = created.client_secret;
  const session = () =>
    fetch(`${sandbox.url}/__sandbox/checkouts/${encodeURIComponent(secret)}`).then(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the session as JSON, probed by assertions
      (response) => response.json() as Promise<Record<string, any>>,
    );
  const page = await browser.newPage();
  const problems: string[] = [];
  const logged: Promise<Logged>[] = [];
  let stripeLoads = 0;
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message: ConsoleMessage) => {
    // Chromium logs every failed request; two are part of the run: the declined confirm and the stream routed away.
    const expected =
      /^Failed to load resource/.test(message.text()) && /\/(confirm|stream)$/.test(message.location().url);
    if (message.type() === 'error' && !expected)
      problems.push(`console.error: ${message.text()} (${message.location().url})`);
    logged.push(
      Promise.all(message.args().map((arg) => arg.jsonValue())).then((values) => ({ text: message.text(), values })),
    );
  });
  // Anything but the app itself would be a request the app makes on its own: none is expected.
  await page.route(
    (url) => url.origin !== appUrl,
    (route) => {
      problems.push(`unexpected request: ${route.request().url()}`);
      return route.abort();
    },
  );
  await page.route(`${POLAR_SANDBOX_API}/**`, async (route) => {
    const url = route.request().url();
    // Fulfilled answers must be whole; without the event stream the element re-reads the session instead.
    if (url.endsWith('/stream')) return route.abort();
    return route.fulfill({ response: await route.fetch({ url: sandbox.url + url.slice(POLAR_SANDBOX_API.length) }) });
  });
  await page.route('https://js.stripe.com/**', (route) => {
    stripeLoads++;
    return route.fulfill({
      contentType: 'text/javascript',
      body: `window.__STRIPE_DOUBLE_CONFIG__ = { api: ${JSON.stringify(POLAR_SANDBOX_API)} };\n${stripeDouble}`,
    });
  });

  const messages = async (prefix: string) =>
    (await Promise.all(logged)).filter((entry) => entry.text.startsWith(prefix));
  const waitFor = async (prefix: string, count = 1) => {
    const deadline = Date.now() + 30_000;
    while ((await messages(prefix)).length < count) {
      if (Date.now() > deadline)
        assert.fail(`no "${prefix}" logged within 30 s (problems: ${problems.join('; ') || 'none'})`);
      await page.waitForTimeout(100);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the logged detail as JSON, probed by assertions
    return (await messages(prefix)).at(-1)!.values[1] as Record<string, any>;
  };

  const pageUrl = `${appUrl}/?client_secret=${encodeURIComponent(secret)}`;
  await page.goto(pageUrl);
  const element = page.locator('polar-checkout');
  const ready = await waitFor('Checkout shown:');
  const server = await session();
  log(`${label}: onReady → checkout ${ready.id} (${ready.status})`);
  assert.equal(ready.id, server.id, 'onReady carries the session');
  assert.equal(ready.status, 'open');
  assert.equal(ready.client_secret, secret);

  // Props reach the element as properties (theme also reflects to its attribute), not as stray attributes.
  const applied = await element.evaluate(
    (node: HTMLElement & { clientSecret?: string; server?: string; theme?: string }) => ({
      clientSecret: node.clientSecret,
      server: node.server,
      theme: node.theme,
      themeAttribute: node.getAttribute('theme'),
      attributes: node.getAttributeNames(),
    }),
  );
  assert.deepEqual(
    {
      clientSecret: applied.clientSecret,
      server: applied.server,
      theme: applied.theme,
      themeAttribute: applied.themeAttribute,
    },
    { clientSecret: secret, server: 'sandbox', theme: 'dark', themeAttribute: 'dark' },
  );
  assert.deepEqual(
    applied.attributes.filter((name: string) => /^on|clientsecret/i.test(name)),
    [],
    'handlers or props leaked into attributes',
  );

  await element.locator('[id="customer_email"]').fill('buyer@example.com');
  if (await element.locator('[id="customer_name"]').count())
    await element.locator('[id="customer_name"]').fill('Ada Buyer');
  if (await element.locator('[id="customer_billing_address.country"]').count()) {
    await element.locator('[id="customer_billing_address.country"]').selectOption('US');
    await element.locator('[id="customer_billing_address.line1"]').fill('1 Market Street');
    await element.locator('[id="customer_billing_address.city"]').fill('San Francisco');
    await element.locator('[id="customer_billing_address.postal_code"]').fill('94105');
    await element.locator('[id="customer_billing_address.state"]').selectOption('US-CA');
  }
  const card = page.frameLocator('iframe[title="Secure payment input frame"]');
  const fillCard = async (number: string) => {
    await card.getByLabel('Card number').fill(number);
    await card.getByLabel('Expiration date').fill('12 / 34');
    await card.getByLabel('Security code').fill('123');
  };

  await fillCard('4000 0000 0000 0002');
  await element.locator('[part~="submit"]').click();
  const declined = await waitFor('Checkout error:');
  log(`${label}: onError → ${declined.code}: ${declined.message}`);
  assert.equal(declined.code, 'payment_failed');
  assert.equal(typeof declined.message, 'string');

  await fillCard('4242 4242 4242 4242');
  await element.locator('[part~="submit"]').click();
  const paid = await waitFor('Paid:');
  const done = await session();
  log(
    `${label}: onSuccess → checkout ${paid.checkout?.id} (${paid.checkout?.status}), successUrl ${paid.successUrl}; the sandbox says ${done.status}`,
  );
  assert.equal(paid.checkout.id, server.id);
  assert.equal(paid.checkout.status, 'succeeded');
  assert.equal(paid.successUrl, done.success_url);
  assert.equal(done.status, 'succeeded');
  assert.equal(done.customer_email, 'buyer@example.com');

  // preventDefault() in onSuccess kept the buyer here, on the element's confirmation and the app's own message.
  await element.locator('[part~="success"]').waitFor();
  await page.getByRole('status').filter({ hasText: 'Your receipt is on its way to buyer@example.com' }).waitFor();
  assert.equal(page.url(), pageUrl);
  assert.equal((await messages('Checkout shown:')).length, 1, 'onReady fired once');
  assert.equal((await messages('Paid:')).length, 1, 'onSuccess fired once');
  assert.ok(stripeLoads > 0, 'the card form came from (the double served at) js.stripe.com');
  assert.deepEqual(problems, []);
  await page.close();
}
