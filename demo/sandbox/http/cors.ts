import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply.js';

const ALLOWED_METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];
/** The CORS-safelisted headers Starlette always allows, plus the two Polar's API config adds. */
const ALLOWED_HEADERS = [
  'Accept',
  'Accept-Language',
  'Authorization',
  'Content-Language',
  'Content-Type',
  'Polar-Version',
];

export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
}

/** Headers for actual (non-preflight) responses to a cross-origin request. */
export function corsHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  if (headers.origin === undefined) return {};
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Polar-Version' };
}

/**
 * Starlette's CORSMiddleware as Polar configures it for the public API: any origin, no
 * credentials, any method, and only the listed request headers. Test-only paths allow any header.
 */
export function preflight(headers: IncomingHttpHeaders, permissive: boolean): Reply {
  const requestedMethod = String(headers['access-control-request-method'] ?? '');
  const requestedHeaders = headers['access-control-request-headers'];
  const responseHeaders: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': ALLOWED_METHODS.join(', '),
    'access-control-max-age': '600',
    'access-control-allow-headers':
      permissive && requestedHeaders ? String(requestedHeaders) : ALLOWED_HEADERS.join(', '),
  };
  const failures: string[] = [];
  if (!ALLOWED_METHODS.includes(requestedMethod)) failures.push('method');
  if (!permissive && requestedHeaders) {
    const allowed = new Set(ALLOWED_HEADERS.map((header) => header.toLowerCase()));
    const requested = String(requestedHeaders)
      .split(',')
      .map((header) => header.trim().toLowerCase())
      .filter(Boolean);
    if (requested.some((header) => !allowed.has(header))) failures.push('headers');
  }
  const content = failures.length > 0 ? `Disallowed CORS ${failures.join(', ')}` : 'OK';
  return {
    status: failures.length > 0 ? 400 : 200,
    text: { contentType: 'text/plain; charset=utf-8', content },
    headers: responseHeaders,
    exempt: true,
  };
}
