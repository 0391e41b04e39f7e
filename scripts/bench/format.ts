/** Small helpers for `npm run bench`: medians, units, and the one table it prints. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}

/** gzip -9 and brotli at its highest quality, as a CDN would serve a static file. */
export function sizesOf(content: Buffer | string): Sizes {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function addSizes(...all: Sizes[]): Sizes {
  return all.reduce((sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

export const kB = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
export const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const ms = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : 'n/a');
export const sizesText = (s: Sizes): string => `${kB(s.raw)} raw · ${kB(s.gzip)} gzip · ${kB(s.brotli)} br`;

/** One line of the table: a measure, its value, and what to read it against (a bound, a ratio, a note). */
export interface Row {
  measure: string;
  value: string;
  against?: string;
}

export class Table {
  private readonly sections: { title: string; rows: Row[] }[] = [];

  section(title: string): Row[] {
    const rows: Row[] = [];
    this.sections.push({ title, rows });
    return rows;
  }

  toString(): string {
    const all = this.sections.flatMap((section) => section.rows);
    const width = (pick: (row: Row) => string, header: string) =>
      Math.max(header.length, ...all.map((row) => pick(row).length));
    const w1 = width((row) => `  ${row.measure}`, 'Measure');
    const w2 = width((row) => row.value, 'Value');
    const line = (a: string, b: string, c: string) => `${a.padEnd(w1)}  ${b.padEnd(w2)}  ${c}`.trimEnd();
    const rule = '-'.repeat(w1 + w2 + 4 + 'Against'.length);
    const out = [line('Measure', 'Value', 'Against'), rule];
    for (const section of this.sections) {
      if (section.rows.length === 0) continue;
      out.push(section.title);
      for (const row of section.rows) out.push(line(`  ${row.measure}`, row.value, row.against ?? ''));
    }
    return out.join('\n');
  }
}
