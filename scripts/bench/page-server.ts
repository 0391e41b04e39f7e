/**
 * The storefront's own server for the bench: serves the pages and the element's files, each answer held back by the
 * same latency as the sandbox's, so the HTML and every script cost one round trip like the API calls do.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface PageServer {
  origin: string;
  /** Serves `html` at `path` (e.g. `/run-3`). */
  page(path: string, html: string): void;
  /** Serves the files under `dir` below `prefix` (e.g. `/`), read when asked. */
  mount(prefix: string, dir: string): void;
  close(): Promise<void>;
}

export async function startPageServer(latencyMs: number): Promise<PageServer> {
  const pages = new Map<string, string>();
  const mounts: { prefix: string; dir: string }[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (latencyMs > 0) await sleep(latencyMs);
    const html = pages.get(path);
    if (html !== undefined) {
      res.writeHead(200, { 'content-type': types['.html']!, 'cache-control': 'no-store' }).end(html);
      return;
    }
    for (const { prefix, dir } of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) continue;
      res.writeHead(200, {
        'content-type': types[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    page: (path, html) => void pages.set(path, html),
    mount: (prefix, dir) => void mounts.push({ prefix, dir: normalize(dir) }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
