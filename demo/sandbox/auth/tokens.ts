import type { IncomingHttpHeaders } from 'node:http';
import { ApiError } from '../errors.js';

export type Scope = 'checkouts:read' | 'checkouts:write';

/** The sandbox organization's access tokens. */
export const ACCESS_TOKENS: Record<string, Scope[]> = {
  polar_oat_sandbox_full: ['checkouts:read', 'checkouts:write'],
  polar_oat_sandbox_read: ['checkouts:read'],
};

export type AuthSubject =
  | { kind: 'anonymous' }
  | { kind: 'organization'; token: string; scopes: Scope[] }
  | { kind: 'customer'; token: string };

const REALM = 'Bearer realm="polar"';

/** The scheme and value of `Authorization`, like FastAPI's `get_authorization_scheme_param`. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const authorization = headers.authorization;
  if (!authorization) return null;
  const [scheme = '', ...rest] = authorization.split(' ');
  const value = rest.join(' ').trim();
  // eslint-disable-next-line no-control-regex -- the range is all of ASCII, as Polar accepts in a token
  if (scheme.toLowerCase() !== 'bearer' || value === '' || !/^[\x00-\x7f]*$/.test(value)) return null;
  return value;
}

/**
 * Polar's auth middleware: no token is anonymous; a token it cannot find is rejected on every
 * route with authlib's `invalid_token` answer, before anything else happens.
 */
export function authenticate(headers: IncomingHttpHeaders, customerSessionTokens: Set<string>): AuthSubject {
  const token = bearerToken(headers);
  if (token === null) return { kind: 'anonymous' };
  const scopes = ACCESS_TOKENS[token];
  if (scopes) return { kind: 'organization', token, scopes };
  if (customerSessionTokens.has(token)) return { kind: 'customer', token };
  const description = 'The access token provided is expired, revoked, malformed, or invalid for other reasons.';
  throw new ApiError(
    401,
    { error: 'invalid_token', error_description: description },
    { 'www-authenticate': `${REALM}, error="invalid_token", error_description="${description}"` },
    true,
  );
}

/**
 * Polar's `Authenticator` for organization endpoints: anonymous (or a customer) is 401
 * `Unauthorized`; a token holding none of the accepted scopes is 403 `insufficient_scope`.
 */
export function requireScopes(subject: AuthSubject, accepted: Scope[]): void {
  if (subject.kind !== 'organization') {
    throw new ApiError(401, { error: 'Unauthorized', detail: 'Unauthorized' }, { 'www-authenticate': REALM }, true);
  }
  if (subject.scopes.some((scope) => accepted.includes(scope))) return;
  const description = 'The request requires higher privileges than provided by the access token.';
  throw new ApiError(
    403,
    { error: 'insufficient_scope', error_description: description },
    {
      'www-authenticate': `${REALM}, error="insufficient_scope", error_description="${description}", scope="${accepted.join(' ')}"`,
    },
    true,
  );
}
