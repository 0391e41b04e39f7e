export const FAULT_OPERATIONS = [
  'client_get',
  'client_update',
  'client_confirm',
  'stream',
  'list',
  'create',
  'get',
  'update',
  'any',
] as const;

export type FaultOperation = (typeof FAULT_OPERATIONS)[number];

export interface Fault {
  operation: FaultOperation;
  /** How many more matching requests it applies to. */
  times: number;
  delayMs: number;
  status: number | null;
  body: unknown;
  /** Extra response headers for the injected status, like `retry-after` on a 429. */
  headers: Record<string, string>;
  /** Destroy the socket instead of answering. */
  network: boolean;
  /** Only requests for this checkout, when set. */
  clientSecret: string | null;
}

/** What a test posts to `POST /__sandbox/faults` (everything but `operation` optional). */
export interface FaultRequest {
  operation: FaultOperation;
  times?: number;
  delayMs?: number;
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  network?: boolean;
  client_secret?: string;
}

/** The canned body for an injected status when the test gave none. */
export function defaultFaultBody(status: number): unknown {
  if (status === 409) return { error: 'CheckoutLocked', detail: 'Checkout is currently being processed. Please try again.' };
  if (status === 429) return { error: 'TooManyRequests', detail: 'Rate limit exceeded.' };
  if (status >= 500) return { error: 'InternalServerError', detail: 'Internal Server Error' };
  return { error: 'SandboxFault', detail: `Injected fault with status ${status}.` };
}

/** Parses a `POST /__sandbox/faults` body, or explains what is wrong with it. */
export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'The body must be a JSON object.';
  const raw = input as Record<string, unknown>;
  const operation = raw['operation'];
  if (typeof operation !== 'string' || !(FAULT_OPERATIONS as readonly string[]).includes(operation)) {
    return `operation must be one of ${FAULT_OPERATIONS.join(', ')}.`;
  }
  const times = raw['times'] ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) return 'times must be a positive integer.';
  const delayMs = raw['delayMs'] ?? 0;
  if (typeof delayMs !== 'number' || delayMs < 0) return 'delayMs must be a non-negative number.';
  const status = raw['status'] ?? null;
  if (status !== null && (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)) {
    return 'status must be an HTTP status between 200 and 599.';
  }
  const network = raw['network'] ?? false;
  if (typeof network !== 'boolean') return 'network must be a boolean.';
  const clientSecret = raw['client_secret'] ?? raw['clientSecret'] ?? null;
  if (clientSecret !== null && typeof clientSecret !== 'string') return 'client_secret must be a string.';
  const headers = raw['headers'] ?? {};
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((value) => typeof value !== 'string')) {
    return 'headers must be an object of strings.';
  }
  if (status === null && !network && delayMs === 0) return 'Give at least one of status, network or delayMs.';
  return {
    operation: operation as FaultOperation,
    times,
    delayMs,
    status,
    body: 'body' in raw ? raw['body'] : status === null ? null : defaultFaultBody(status),
    headers: headers as Record<string, string>,
    network,
    clientSecret,
  };
}

/** Queued faults; each matching request consumes one use of the first fault that matches it. */
export class FaultInjector {
  private faults: Fault[] = [];

  add(fault: Fault): void {
    this.faults.push(fault);
  }

  take(operation: string, clientSecret: string | null): Fault | null {
    const index = this.faults.findIndex(
      (fault) =>
        (fault.operation === 'any' || fault.operation === operation) &&
        (fault.clientSecret === null || fault.clientSecret === clientSecret),
    );
    if (index === -1) return null;
    const fault = this.faults[index]!;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return { ...fault };
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }
}
