/**
 * The three public client endpoints of a checkout session. No credentials, no custom headers on GET (so the
 * first load needs no CORS preflight), the client secret only in the path.
 */
import { CheckoutApiError, errorFromResponse } from './errors.js';
import type { CheckoutConfirmStripe, CheckoutPublic, CheckoutPublicConfirmed, CheckoutUpdatePublic } from './types.js';

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

export class CheckoutClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly confirmTimeoutMs: number;
  private readonly lockedRetryDelaysMs: number[];

  constructor(options: CheckoutClientOptions) {
    this.baseUrl = options.baseUrl;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.confirmTimeoutMs = options.confirmTimeoutMs ?? 60_000;
    this.lockedRetryDelaysMs = options.lockedRetryDelaysMs ?? [250, 500, 1000, 2000];
  }

  sessionUrl(clientSecret: string): string {
    return `${this.baseUrl}/v1/checkouts/client/${encodeURIComponent(clientSecret)}`;
  }

  streamUrl(clientSecret: string): string {
    return `${this.sessionUrl(clientSecret)}/stream`;
  }

  get(clientSecret: string, signal?: AbortSignal): Promise<CheckoutPublic> {
    return this.request<CheckoutPublic>('GET', this.sessionUrl(clientSecret), undefined, this.timeoutMs, signal);
  }

  update(clientSecret: string, body: CheckoutUpdatePublic, signal?: AbortSignal): Promise<CheckoutPublic> {
    return this.request<CheckoutPublic>('PATCH', this.sessionUrl(clientSecret), body, this.timeoutMs, signal);
  }

  confirm(clientSecret: string, body: CheckoutConfirmStripe, signal?: AbortSignal): Promise<CheckoutPublicConfirmed> {
    const url = `${this.sessionUrl(clientSecret)}/confirm`;
    return this.request<CheckoutPublicConfirmed>('POST', url, body, this.confirmTimeoutMs, signal);
  }

  private async request<T>(
    method: string,
    url: string,
    body: unknown,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(method, url, body, timeoutMs, signal);
      } catch (error) {
        // Polar locks the row while another request works on it; nothing was applied, so trying again is safe.
        const delay = this.lockedRetryDelaysMs[attempt];
        if (!(error instanceof CheckoutApiError) || error.code !== 'locked' || delay === undefined) throw error;
        await sleep(delay, signal);
      }
    }
  }

  private async send<T>(
    method: string,
    url: string,
    body: unknown,
    timeoutMs: number,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        credentials: 'omit',
        mode: 'cors',
        headers: body === undefined ? { Accept: 'application/json' } : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timeout.signal,
      });
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (timeout.signal.aborted) {
        throw new CheckoutApiError('timeout', `No answer from Polar within ${timeoutMs / 1000} s`, '');
      }
      throw new CheckoutApiError('network', `Could not reach Polar: ${(error as Error).message}`, '');
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
    const payload = await readJson(response);
    if (!response.ok) throw errorFromResponse(response.status, payload);
    if (payload === undefined) throw new CheckoutApiError('server', 'Polar sent an empty answer', '', response.status);
    return payload as T;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function abortError(): DOMException {
  return new DOMException('The request was aborted', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(abortError());
      },
      { once: true },
    );
  });
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
