/** `npm run size`: fails when the script-tag bundle or a translation table outgrows its gzip budget. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgets = { bundle: 40 * 1024, table: 5 * 1024 };
const dist = new URL('../dist/', import.meta.url).pathname;
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

const failures: string[] = [];
const bundle = gzipped(join(dist, 'polar-checkout.iife.js'));
console.log(`polar-checkout.iife.js  ${(bundle / 1024).toFixed(1)} kB gzip (budget ${budgets.bundle / 1024} kB)`);
if (bundle > budgets.bundle) failures.push(`polar-checkout.iife.js is ${bundle} bytes gzip`);
for (const file of readdirSync(join(dist, 'locales'))) {
  const size = gzipped(join(dist, 'locales', file));
  if (size > budgets.table) failures.push(`locales/${file} is ${size} bytes gzip`);
}
if (failures.length > 0) {
  console.error(`Over budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
