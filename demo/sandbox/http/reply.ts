import type { ServerResponse } from 'node:http';

/** What a route answers; `exempt` marks bodies the spec does not describe (auth errors, faults). */
export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as is with this content type instead of JSON. */
  text?: { contentType: string; content: string };
  headers?: Record<string, string>;
  exempt?: boolean;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body, headers };
}

export function send(res: ServerResponse, reply: Reply, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...extraHeaders, ...(reply.headers ?? {}) };
  let payload = '';
  if (reply.text) {
    headers['content-type'] = reply.text.contentType;
    payload = reply.text.content;
  } else if (reply.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(reply.body);
  }
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  res.end(payload);
}
