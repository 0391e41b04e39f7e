/**
 * `npm run size`: fails when the script-tag bundle, one of its chunks or a translation table outgrows its gzip budget,
 * or when a chunk carries a copy of Lit (the form chunk renders with the bundle's, src/views/lit-handoff.ts). Prints
 * what a page fetches before the form shows (the bundle, then the form chunk during the session's read) and what a
 * paying buyer fetches in all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kB = 1024;
const budgets: Record<string, number> = {
  'polar-checkout.iife.js': 30 * kB,
  'chunks/form.js': 16 * kB,
  'chunks/payment.js': 6 * kB,
};
const tableBudget = 5 * kB;
const dist = new URL('../dist/', import.meta.url).pathname;
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const size = (bytes: number) => `${(bytes / kB).toFixed(1)} kB`;
const gzipSize = (bytes: number) => `${bytes} B (${size(bytes)}) gzip`;

const failures: string[] = [];
const sizes = new Map<string, number>();
const chunks = readdirSync(join(dist, 'chunks'))
  .filter((name) => name.endsWith('.js'))
  .map((name) => `chunks/${name}`);
for (const file of ['polar-checkout.iife.js', ...chunks]) {
  const bytes = gzipped(join(dist, file));
  sizes.set(file, bytes);
  const budget = budgets[file];
  console.log(`${file.padEnd(24)} ${gzipSize(bytes).padStart(22)}, budget ${budget ? size(budget) : 'none'}`);
  if (budget === undefined) failures.push(`${file} has no budget (a shared chunk costs the page another round trip)`);
  else if (bytes > budget) failures.push(`${file} is ${bytes} bytes gzip, over its ${budget}`);
  if (file !== 'polar-checkout.iife.js' && readFileSync(join(dist, file), 'utf8').includes('litHtmlVersions'))
    failures.push(`${file} carries its own copy of Lit`);
}
const total = (files: string[]) => files.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
console.log(
  `${'before the form shows'.padEnd(24)} ${gzipSize(total(['polar-checkout.iife.js', 'chunks/form.js'])).padStart(22)}`,
);
console.log(`${'entry + chunks'.padEnd(24)} ${gzipSize(total([...sizes.keys()])).padStart(22)}`);
for (const file of readdirSync(join(dist, 'locales')).filter((name) => name.endsWith('.js'))) {
  const bytes = gzipped(join(dist, 'locales', file));
  if (bytes > tableBudget) failures.push(`locales/${file} is ${bytes} bytes gzip, over its ${tableBudget}`);
}
if (failures.length > 0) {
  console.error(`Over budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
