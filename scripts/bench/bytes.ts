/** What the element costs to download: the script-tag bundle, what it fetches, and the ESM build inside a Vite app. */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { bytesFrom } from './sourcemap.js';
import { addSizes, kB, sizesOf, sizesText, type Row, type Sizes } from './format.js';
import { buildApp, type BuiltApp } from './vite-app.js';

export const root = new URL('../../', import.meta.url).pathname;
export const dist = join(root, 'dist');

const jsFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? jsFiles(join(dir, entry.name))
          : entry.name.endsWith('.js')
            ? [join(dir, entry.name)]
            : [],
      )
    : [];

export function scriptTagRows(rows: Row[]): void {
  const iifePath = join(dist, 'polar-checkout.iife.js');
  const iife = readFileSync(iifePath);
  const entry = sizesOf(iife);
  rows.push({ measure: 'polar-checkout.iife.js (entry)', value: sizesText(entry) });

  const chunkFile = (name: string) => join(dist, 'chunks', name);
  const roles: Record<string, string> = {
    'form.js': "the form's rules and views, fetched while the session is read",
    'payment.js': 'the card form and the wait for the order, fetched while a card session is read',
  };
  const chunks = jsFiles(join(dist, 'chunks')).map((file) => sizesOf(readFileSync(file)));
  for (const file of jsFiles(join(dist, 'chunks'))) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    rows.push({
      measure: `chunks/${name}`,
      value: sizesText(sizesOf(readFileSync(file))),
      against: roles[name] ?? 'unexpected chunk',
    });
  }
  if (existsSync(chunkFile('form.js'))) {
    rows.push({
      measure: 'before the form shows (entry + form)',
      value: sizesText(addSizes(entry, sizesOf(readFileSync(chunkFile('form.js'))))),
    });
  }
  if (chunks.length > 0) rows.push({ measure: 'entry + chunks', value: sizesText(addSizes(entry, ...chunks)) });

  const tables = jsFiles(join(dist, 'locales')).map((file) => sizesOf(readFileSync(file)));
  if (tables.length > 0) {
    const largest = tables.reduce((a, b) => (b.gzip > a.gzip ? b : a));
    rows.push({
      measure: `one locale table (largest of ${tables.length})`,
      value: sizesText(largest),
      against: 'fetched only for a buyer reading that language; English is built in',
    });
  }

  // From the source maps: bytes whose source is @stripe/stripe-js, in the entry and in any chunk.
  const stripeIn = (file: string) =>
    existsSync(`${file}.map`)
      ? bytesFrom(readFileSync(file, 'utf8'), JSON.parse(readFileSync(`${file}.map`, 'utf8')), 'node_modules/@stripe/')
      : 0;
  if (existsSync(`${iifePath}.map`)) {
    const inEntry = stripeIn(iifePath);
    const chunkFiles = jsFiles(join(dist, 'chunks'));
    const inChunks = chunkFiles.reduce((total, file) => total + stripeIn(file), 0);
    const unmapped = chunkFiles.filter((file) => !existsSync(`${file}.map`)).length;
    rows.push({
      measure: "Stripe's loader (@stripe/stripe-js) in the entry",
      value: `${kB(inEntry)} raw`,
      against:
        `${((inEntry / iife.length) * 100).toFixed(1)} % of the entry's bytes, from the source map` +
        (chunks.length ? `; ${kB(inChunks)} in dist/chunks/` : '') +
        (unmapped ? ` (${unmapped} chunk${unmapped > 1 ? 's' : ''} without a source map: not counted)` : ''),
    });
  }
}

/** A temp Vite app doing `import 'polar-checkout-element'`, resolved to this repo's dist/esm. Kept for the compare run. */
export async function buildOwnViteApp(): Promise<{ app: BuiltApp; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'polar-bench-own-'));
  const app = await buildApp({
    root: dir,
    main: "import 'polar-checkout-element';\n",
    base: '/own/',
    alias: { 'polar-checkout-element': join(dist, 'esm/index.js') },
  });
  return { app, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function viteAppRows(rows: Row[], app: BuiltApp): void {
  const stripe = '/node_modules/@stripe/';
  rows.push({
    measure: 'initial JS (entry + static imports)',
    value: sizesText(app.initial),
    against: `Lit included; Stripe's loader: ${kB(app.initialBytesFrom(stripe))} raw of it`,
  });
  rows.push({
    measure: `lazy JS (${app.lazyCount} chunks via import())`,
    value: sizesText(app.lazy),
    against: `locale tables (one per buyer at most) and lazily loaded code; Stripe's loader: ${kB(app.lazyBytesFrom(stripe))} raw of it`,
  });
}

export type { Sizes };
