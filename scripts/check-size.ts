/**
 * `npm run size`: fails when the script-tag bundle, its payment chunk or a translation table outgrows its gzip budget;
 * prints the entry's distance to the 30 kB goal (issue 7) and what a paying buyer fetches in all (entry + chunks).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const kB = 1024;
const budgets = { entry: 36 * kB, chunk: 6 * kB, table: 5 * kB };
const goal = 30 * kB;
const dist = new URL('../dist/', import.meta.url).pathname;
const gzipped = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;
const size = (bytes: number) => `${(bytes / kB).toFixed(1)} kB`;
const gzipSize = (bytes: number) => `${bytes} B (${size(bytes)}) gzip`;

const failures: string[] = [];
const check = (name: string, bytes: number, budget: number) => {
  console.log(`${name.padEnd(24)} ${gzipSize(bytes).padStart(22)}, budget ${size(budget)}`);
  if (bytes > budget) failures.push(`${name} is ${bytes} bytes gzip, over its ${budget}`);
};

const entry = gzipped(join(dist, 'polar-checkout.iife.js'));
check('polar-checkout.iife.js', entry, budgets.entry);
const distance = entry - goal;
console.log(`${''.padEnd(24)} ${distance > 0 ? `${distance} B above` : `${-distance} B below`} the ${size(goal)} goal`);
let chunks = 0;
for (const file of readdirSync(join(dist, 'chunks')).filter((name) => name.endsWith('.js'))) {
  const bytes = gzipped(join(dist, 'chunks', file));
  chunks += bytes;
  check(`chunks/${file}`, bytes, budgets.chunk);
}
console.log(`${'entry + chunks'.padEnd(24)} ${gzipSize(entry + chunks).padStart(22)}`);
for (const file of readdirSync(join(dist, 'locales')).filter((name) => name.endsWith('.js'))) {
  const bytes = gzipped(join(dist, 'locales', file));
  if (bytes > budgets.table) failures.push(`locales/${file} is ${bytes} bytes gzip, over its ${budgets.table}`);
}
if (failures.length > 0) {
  console.error(`Over budget:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
