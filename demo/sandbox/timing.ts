/** How long things take in the sandbox. `fast` shortens the artificial waits for tests. */
export interface Timing {
  /** From confirm (or 3-D Secure success) to `succeeded`, standing in for Stripe's webhook. */
  successDelayMs: number;
  /** Polar's `CHECKOUT_TTL_SECONDS`. */
  checkoutTtlMs: number;
  /** sse-starlette's ping interval. */
  keepAliveMs: number;
  /** After this, Polar's stream sends `{"type": "reconnect"}` and closes. */
  streamLifetimeMs: number;
  /**
   * Added before answering every request a browser sends to Polar or Stripe (`/v1/…`, `/__stripe/…`, and their CORS
   * preflights), standing in for a network round trip; the `/__sandbox` control endpoints answer at once.
   */
  latencyMs: number;
}

export function timingFor(fast: boolean, latencyMs = 0): Timing {
  return {
    successDelayMs: fast ? 100 : 800,
    checkoutTtlMs: 24 * 60 * 60 * 1000,
    keepAliveMs: 15_000,
    streamLifetimeMs: 10 * 60 * 1000,
    latencyMs,
  };
}
