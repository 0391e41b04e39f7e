import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createRequestListener } from './app.js';
import { SandboxContext } from './context.js';
import { validateFixtures } from './contract/fixtures.js';
import { Contract } from './contract/spec.js';

export interface SandboxOptions {
  /** 0 picks any free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Shorter artificial delays, for tests. Default: `SANDBOX_FAST=1`. */
  fast?: boolean;
  /**
   * A fixed delay in ms before answering each request to `/v1/…` or `/__stripe/…`, preflights included (not the
   * `/__sandbox` control endpoints): one round trip of a slow network, for benchmarks. Default 0.
   */
  latencyMs?: number;
}

export interface RunningSandbox {
  /** Like `http://127.0.0.1:8787`, without a trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

let sharedContract: Contract | null = null;

/** Starts the local Polar sandbox API: Polar's checkout endpoints, stateful, on loopback. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  sharedContract ??= new Contract();
  const context = new SandboxContext(sharedContract, {
    fast: options.fast ?? process.env['SANDBOX_FAST'] === '1',
    log: process.env['SANDBOX_LOG'] === '1',
    latencyMs: options.latencyMs ?? 0,
  });
  validateFixtures(context.contract, context.violations);

  const server = createServer(createRequestListener(context));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  context.baseUrl = url;

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        context.timers.clear();
        context.streams.closeAll();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isMain) {
  const sandbox = await startSandbox({ port: Number(process.env['SANDBOX_PORT'] ?? 8787) });
  process.stdout.write(`Polar sandbox API listening on ${sandbox.url}\n`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
