/**
 * The script-tag bundle for the demo's plain and strict pages, at the paths `npm run build` writes
 * (/dist/polar-checkout.iife.js, its source map, /dist/locales/*.js, /dist/chunks/*.js). Served from dist/ when that
 * build is newer than every source file; otherwise built in memory with the same vite.config.ts (dist/ is left
 * alone), so `npm start` works on a fresh clone and a page reload after an edit runs the edit.
 */
import express, { type RequestHandler } from 'express';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';

type Files = Map<string, string>;

/** Newest modification time of the files the bundle is built from. */
function newestSource(root: string): number {
  let newest = statSync(join(root, 'vite.config.ts')).mtimeMs;
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(root, 'src'));
  return newest;
}

/** dist/ holds a script-tag build at least as new as the sources. */
function distIsFresh(root: string, sourceTime: number): boolean {
  const built = ['polar-checkout.iife.js', 'locales/de.js', 'chunks/payment.js', 'chunks/form.js'].map((path) =>
    join(root, 'dist', path),
  );
  return built.every((path) => existsSync(path) && statSync(path).mtimeMs >= sourceTime);
}

function outputs(result: Awaited<ReturnType<typeof build>>): Rollup.OutputBundle[string][] {
  const list = Array.isArray(result) ? result : [result];
  return list.flatMap((entry) => ('output' in entry ? entry.output : []));
}

/** `vite build` and its `--mode locales`, `payment-chunk` and `form-chunk` builds, written to memory: path under /dist → file text. */
async function buildInMemory(root: string): Promise<Files> {
  const files: Files = new Map();
  for (const [mode, prefix] of [
    ['production', ''],
    ['locales', 'locales/'],
    ['payment-chunk', 'chunks/'],
    ['form-chunk', 'chunks/'],
  ] as const) {
    const result = await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode,
      logLevel: 'warn',
      build: { write: false },
    });
    for (const file of outputs(result)) {
      files.set(prefix + file.fileName, file.type === 'chunk' ? file.code : String(file.source));
    }
  }
  return files;
}

export function scriptBundle(root: string): RequestHandler {
  const fromDist = express.static(join(root, 'dist'));
  let built: { sourceTime: number; files: Promise<Files> } | undefined;

  return (req, res, next) => {
    const path = req.path.replace(/^\//, '');
    if (!/^(polar-checkout\.iife\.js(\.map)?|(locales|chunks)\/[\w-]+\.js)$/.test(path))
      return fromDist(req, res, next);
    const sourceTime = newestSource(root);
    if (distIsFresh(root, sourceTime)) return fromDist(req, res, next);
    if (!built || built.sourceTime !== sourceTime) {
      console.log('Building the script-tag bundle from src/ (dist/ is missing or older than src/) ...');
      const files = buildInMemory(root);
      built = { sourceTime, files };
      files.catch(() => (built = undefined));
    }
    built.files.then(
      (files) => {
        const text = files.get(path);
        if (text === undefined) return void res.status(404).type('text/plain').send(`No ${path} in the build`);
        res
          .type(path.endsWith('.map') ? 'application/json' : 'text/javascript')
          .set('Cache-Control', 'no-cache')
          .send(text);
      },
      (error: unknown) => {
        console.error('The script-tag bundle did not build:', error);
        res
          .status(500)
          .type('text/plain')
          .send(`The script-tag bundle did not build: ${String(error)}`);
      },
    );
  };
}
