import type { CheckoutEvent } from '../events/bus.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the sandbox, probed field by field by the tests
export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export interface EventCollector {
  /** Events received so far, in order. */
  events: CheckoutEvent[];
  /** Resolves once an event with this key (and, if given, payload status) has arrived. */
  waitFor(key: string, status?: string, timeoutMs?: number): Promise<CheckoutEvent>;
  close(): void;
}

/** A small HTTP client for tests that talk to a running sandbox. */
export class SandboxClient {
  constructor(readonly baseUrl: string) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the sandbox, probed field by field by the tests
  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON: keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  /** Creates a session from a named scenario and returns the `Checkout`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a Checkout as JSON, probed field by field by the tests
  async scenario(name: string, overrides?: Record<string, unknown>): Promise<any> {
    const response = await this.request('POST', `/__sandbox/scenarios/${name}`, overrides);
    if (response.status !== 201)
      throw new Error(`scenario ${name}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  get = (clientSecret: string) => this.request('GET', `/v1/checkouts/client/${clientSecret}`);
  update = (clientSecret: string, body: unknown) => this.request('PATCH', `/v1/checkouts/client/${clientSecret}`, body);
  confirm = (clientSecret: string, body: unknown) =>
    this.request('POST', `/v1/checkouts/client/${clientSecret}/confirm`, body);

  /** Opens the checkout's event stream and collects what arrives. */
  async stream(clientSecret: string): Promise<EventCollector> {
    const controller = new AbortController();
    const response = await fetch(`${this.baseUrl}/v1/checkouts/client/${clientSecret}/stream`, {
      signal: controller.signal,
    });
    if (response.status !== 200 || !response.body)
      throw new Error(`stream: ${response.status} ${await response.text()}`);
    const events: CheckoutEvent[] = [];
    const waiters = new Set<() => void>();
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\r\n\r\n')) !== -1) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 4);
            for (const line of message.split('\r\n')) {
              if (line.startsWith('data: ')) events.push(JSON.parse(line.slice(6)) as CheckoutEvent);
            }
            for (const wake of [...waiters]) wake();
          }
        }
      } catch {
        // Aborted by close().
      }
    })();
    return {
      events,
      close: () => controller.abort(),
      waitFor(key, status, timeoutMs = 3000) {
        const find = () =>
          events.find((event) => event.key === key && (status === undefined || event.payload['status'] === status));
        return new Promise((resolve, reject) => {
          const found = find();
          if (found) return resolve(found);
          const timer = setTimeout(() => {
            waiters.delete(check);
            reject(new Error(`no ${key} ${status ?? ''} event within ${timeoutMs} ms; got ${JSON.stringify(events)}`));
          }, timeoutMs);
          function check() {
            const event = find();
            if (!event) return;
            clearTimeout(timer);
            waiters.delete(check);
            resolve(event);
          }
          waiters.add(check);
        });
      },
    };
  }
}
