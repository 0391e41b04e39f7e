import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthSubject } from '../auth/tokens.js';
import type { SandboxContext } from '../context.js';
import type { OperationName } from '../contract/spec.js';
import type { Reply } from './reply.js';

export interface RouteRequest {
  context: SandboxContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  rawBody: string;
  subject: AuthSubject;
}

/** `streaming` means the handler took over the response (Server-Sent Events). */
export type RouteResult = Reply | 'streaming';

export interface Route {
  method: string;
  pattern: RegExp;
  /** The name used by the request log and by faults. */
  operation: string;
  /** The spec operation whose responses this route's answers must match, if any. */
  contract: OperationName | null;
  handler: (request: RouteRequest) => RouteResult | Promise<RouteResult>;
}

/** `/v1/checkouts/client/:clientSecret` → a regex with named groups; a trailing slash is optional. */
export function route(
  method: string,
  path: string,
  operation: string,
  contract: OperationName | null,
  handler: Route['handler'],
): Route {
  const source = path
    .replace(/\/$/, '')
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return { method, pattern: new RegExp(`^${source}/?$`), operation, contract, handler };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `.` or `..`, raw or percent-encoded (`%2e%2e`): no Polar route matches such a path, and the sandbox resolves none. */
export function hasDotSegment(path: string): boolean {
  return path.split('/').some((segment) => {
    const decoded = safeDecode(segment);
    return decoded === '.' || decoded === '..';
  });
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { methodNotAllowed: true } | null;

/** Matches the raw path of the request, as sent. */
export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
  if (hasDotSegment(path)) return null;
  let pathMatched = false;
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (candidate.method !== method) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = safeDecode(value);
    return { route: candidate, params };
  }
  return pathMatched ? { methodNotAllowed: true } : null;
}
