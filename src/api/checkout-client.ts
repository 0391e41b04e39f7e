/**
 * The three public client endpoints of a checkout session. No credentials, no custom headers on GET (so the
 * first load needs no CORS preflight), the client secret only in the path. Every answer's shape is checked.
 */
import { abortError, retry, TimeoutError, withTimeout } from '../lib/async.js';
import { asCheckoutPublic } from './checkout-shape.js';
import { CheckoutApiError, errorFromResponse } from './errors.js';
import type { CheckoutConfirmStripe, CheckoutPublic, CheckoutUpdatePublic } from './types.js';

export { isAbortError } from '../lib/async.js';

export interface CheckoutClientOptions {
  /** Base URL without `/v1`, e.g. `https://api.polar.sh`. */
  baseUrl: string;
  /** Per-request time limit for reads and updates. */
  timeoutMs?: number;
  /** Confirm charges the card and may take longer. */
  confirmTimeoutMs?: number;
  /** Waits before retrying a 409 (the session is locked by another request); one entry per retry. */
  lockedRetryDelaysMs?: number[];
}

/** What the session core needs from Polar; tests give it a fake. */
export interface CheckoutApi {
  get(signal: AbortSignal): Promise<CheckoutPublic>;
  update(body: CheckoutUpdatePublic, signal: AbortSignal): Promise<CheckoutPublic>;
  confirm(body: CheckoutConfirmStripe, signal: AbortSignal): Promise<CheckoutPublic>;
  /** The session's event stream, or null where there is none. */
  readonly streamUrl: string | null;
}

export class CheckoutClient implements CheckoutApi {
  private readonly sessionUrl: string;
  private readonly timeoutMs: number;
  private readonly confirmTimeoutMs: number;
  private readonly lockedRetryDelaysMs: number[];
  /**
   * Never credentials. To another origin (Polar's API) `same-origin` sends none either, and it is the mode of a
   * `<link rel="preload" as="fetch" crossorigin>`, so the page's preload of the session is used, not fetched twice.
   */
  private readonly credentials: RequestCredentials;

  constructor(clientSecret: string, options: CheckoutClientOptions) {
    this.sessionUrl = `${options.baseUrl}/v1/checkouts/client/${encodeURIComponent(clientSecret)}`;
    const sameOrigin = typeof location !== 'undefined' && new URL(options.baseUrl).origin === location.origin;
    this.credentials = sameOrigin ? 'omit' : 'same-origin';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 60_000;
    this.lockedRetryDelaysMs = options.lockedRetryDelaysMs ?? [250, 500, 1000, 2000];
  }

  get streamUrl(): string {
    return `${this.sessionUrl}/stream`;
  }

  get(signal: AbortSignal): Promise<CheckoutPublic> {
    return this.request('GET', this.sessionUrl, undefined, this.timeoutMs, signal);
  }

  update(body: CheckoutUpdatePublic, signal: AbortSignal): Promise<CheckoutPublic> {
    return this.request('PATCH', this.sessionUrl, body, this.timeoutMs, signal);
  }

  confirm(body: CheckoutConfirmStripe, signal: AbortSignal): Promise<CheckoutPublic> {
    return this.request('POST', `${this.sessionUrl}/confirm`, body, this.confirmTimeoutMs, signal);
  }

  private request(
    method: string,
    url: string,
    body: unknown,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<CheckoutPublic> {
    // Polar locks the row while another request works on it; nothing was applied, so trying again is safe.
    return retry(() => this.send(method, url, body, timeoutMs, signal), {
      delaysMs: this.lockedRetryDelaysMs,
      retryable: (error) => error instanceof CheckoutApiError && error.code === 'locked',
      signal,
    });
  }

  private async send(
    method: string,
    url: string,
    body: unknown,
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<CheckoutPublic> {
    try {
      return await withTimeout(timeoutMs, signal, async (requestSignal) => {
        const response = await fetch(url, {
          method,
          credentials: this.credentials,
          mode: 'cors',
          // A session is never read from the HTTP cache; and without a cache entry, Chromium does not hold an update
          // back until a read of the same URL has finished (the answers' order is SnapshotClock's business). Updates
          // and confirms keep the default mode: with no-store Chromium also skips its CORS preflight cache, and every
          // save would cost an OPTIONS round trip first.
          cache: method === 'GET' ? 'no-store' : 'default',
          headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: requestSignal,
        }).catch((error: unknown) => {
          if (requestSignal.aborted) throw error;
          throw new CheckoutApiError('network', `Could not reach Polar: ${(error as Error).message}`, '');
        });
        const payload = await readJson(response).catch((error: unknown) => {
          if (requestSignal.aborted) throw error;
          throw new CheckoutApiError('network', `The answer from Polar broke off: ${(error as Error).message}`, '');
        });
        if (!response.ok) throw errorFromResponse(response.status, payload);
        return asCheckoutPublic(payload, response.status);
      });
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new CheckoutApiError('timeout', `No answer from Polar within ${timeoutMs / 1000} s`, '');
      }
      if (signal.aborted) throw abortError();
      throw error;
    }
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
