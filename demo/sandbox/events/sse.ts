import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from './bus.js';

/** Open event streams, so the server can end them when it closes. */
export class StreamRegistry {
  private readonly closers = new Set<() => void>();

  add(closer: () => void): () => void {
    this.closers.add(closer);
    return () => this.closers.delete(closer);
  }

  get size(): number {
    return this.closers.size;
  }

  closeAll(): void {
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }
}

export interface StreamOptions {
  keepAliveMs: number;
  lifetimeMs: number;
  headers: Record<string, string>;
}

/**
 * Polar's checkout stream through sse-starlette: each event is a default `data:` line holding
 * `{id, key, payload}`, a `: ping` comment keeps the connection alive, and after the lifetime a
 * `{"type": "reconnect"}` message ends it. Only events published while connected are sent.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  bus: EventBus,
  registry: StreamRegistry,
  clientSecret: string,
  options: StreamOptions,
): void {
  res.writeHead(200, {
    ...options.headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();

  const write = (chunk: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(chunk);
  };
  const unsubscribe = bus.subscribe(clientSecret, (event) => write(`data: ${JSON.stringify(event)}\r\n\r\n`));
  const keepAlive = setInterval(() => write(`: ping - ${new Date().toISOString()}\r\n\r\n`), options.keepAliveMs);
  const lifetime = setTimeout(() => {
    write('data: {"type": "reconnect"}\r\n\r\n');
    finish();
  }, options.lifetimeMs);

  let finished = false;
  function finish(): void {
    if (finished) return;
    finished = true;
    unsubscribe();
    clearInterval(keepAlive);
    clearTimeout(lifetime);
    unregister();
    if (!res.writableEnded) res.end();
  }
  const unregister = registry.add(finish);
  req.on('close', finish);
  res.on('close', finish);
  res.on('error', finish);
}
