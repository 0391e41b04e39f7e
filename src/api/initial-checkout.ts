/**
 * A session the page already has (from its server's Create or ClientGet, as a property or a JSON child), shown before
 * the element's own read answers. It is accepted only if it is a usable session of the element's client secret.
 */
import { checkoutShapeProblems } from './checkout-shape.js';
import type { CheckoutPublic } from './types.js';

export type InitialCheckoutProblem = 'not_a_session' | 'other_session';

export type InitialCheckout =
  { ok: true; checkout: CheckoutPublic } | { ok: false; problem: InitialCheckoutProblem; detail?: string };

/**
 * `value` as a session to show at once. A `Checkout` from Create has no `organization` (only the client's answer
 * does): its name stays blank until the element's own read fills it in.
 */
export function initialCheckoutFrom(value: unknown, clientSecret: string): InitialCheckout {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problem: 'not_a_session' };
  const record = value as Record<string, unknown>;
  const candidate = 'organization' in record ? record : { ...record, organization: { name: '', avatar_url: null } };
  const problems = checkoutShapeProblems(candidate);
  if (problems.length > 0) return { ok: false, problem: 'not_a_session', detail: problems.slice(0, 5).join(', ') };
  if (candidate.client_secret !== clientSecret) return { ok: false, problem: 'other_session' };
  return { ok: true, checkout: candidate as unknown as CheckoutPublic };
}
