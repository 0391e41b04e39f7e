/** Helpers shared by the SDK suites. */
import assert from 'node:assert/strict';
import type { errors } from '@polar-sh/sdk/2026-10';

/** Awaits a call that must fail with `type`, and returns the error for closer checks. */
export async function rejectionOf<E extends Error>(
  call: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
): Promise<E> {
  try {
    await call;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  return assert.fail(`expected ${type.name}, but the call succeeded`);
}

/** The `loc` of every entry of a 422, joined with dots: `body.customer_email`. */
export const locations = (error: errors.HTTPValidationError) =>
  (error.error.detail ?? []).map((entry) => entry.loc.join('.'));

/** Calls one of the sandbox's `/__sandbox/*` control endpoints. */
export async function sandboxControl(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}/__sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  assert.ok(response.ok, `${method} ${path} answered ${response.status}`);
  return response.json();
}
