/** Checks the element's attributes (client secret, `server`, `server-url`) before anything is fetched with them. */
import { SERVERS, type PolarServer } from './server-url.js';

export type ConnectionProblem = 'none' | 'client_secret' | 'server_url' | 'server';

export type Connection =
  { ok: true; clientSecret: string; baseUrl: string } | { ok: false; problem: ConnectionProblem };

export interface ConnectionAttributes {
  clientSecret?: string | null | undefined;
  server?: string | null | undefined;
  serverUrl?: string | null | undefined;
}

// Polar's client secrets are `polar_c_` and URL-safe characters; anything else would end up in the request path.
const CLIENT_SECRET = /^polar_c_[A-Za-z0-9_-]{1,200}$/;

/**
 * Where to load the session from, or the first thing wrong with the attributes. A bad `server`/`server-url` is
 * reported even without a secret (it never fixes itself); no secret at all is `none`: the element waits for one.
 */
export function resolveConnection({ clientSecret, server, serverUrl }: ConnectionAttributes): Connection {
  const baseUrl = serverUrl?.trim() ? customBaseUrl(serverUrl.trim()) : namedServerUrl(server);
  if (baseUrl === null) return { ok: false, problem: serverUrl?.trim() ? 'server_url' : 'server' };
  const secret = (clientSecret ?? '').trim();
  if (secret === '') return { ok: false, problem: 'none' };
  if (!CLIENT_SECRET.test(secret)) return { ok: false, problem: 'client_secret' };
  return { ok: true, clientSecret: secret, baseUrl };
}

function namedServerUrl(server: string | null | undefined): string | null {
  if (server === null || server === undefined || server === '') return SERVERS.production;
  return Object.hasOwn(SERVERS, server) ? SERVERS[server as PolarServer] : null;
}

/** An absolute http(s) URL without credentials, query or fragment; plain http only to this machine. */
function customBaseUrl(text: string): string | null {
  // The URL parser forgives `https:\\host`, `https:/host` and stray tabs; a configured URL has none of them.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern rejects
  if (!/^https?:\/\/[^/\\]/i.test(text) || /[\\?#\s\u0000-\u001f\u007f]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  const authority = text.slice(text.indexOf('//') + 2).split('/')[0]!;
  if (authority.includes('@')) return null; // credentials, even empty ones (`https://@host`)
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/, '').replace(/\/+$/, '');
  return `${url.origin}${path}`;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}
