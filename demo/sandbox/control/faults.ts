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
  /** Sent as is instead of `body`, as `application/json`: malformed JSON, `null`, ... */
  rawBody: string | null;
  /** Extra response headers for the injected status, like `retry-after` on a 429; names lower-cased. */
  headers: Record<string, string>;
  /** Destroy the socket instead of answering. */
  network: boolean;
  /** Process the request first, then fault its answer: a confirm that charged but whose answer was lost. */
  after: boolean;
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
  rawBody?: string;
  headers?: Record<string, string>;
  network?: boolean;
  after?: boolean;
  client_secret?: string;
}

/** The canned body for an injected status when the test gave none. */
export function defaultFaultBody(status: number): unknown {
  if (status === 409)
    return { error: 'CheckoutLocked', detail: 'Checkout is currently being processed. Please try again.' };
  if (status === 429) return { error: 'TooManyRequests', detail: 'Rate limit exceeded.' };
  if (status >= 500) return { error: 'InternalServerError', detail: 'Internal Server Error' };
  return { error: 'SandboxFault', detail: `Injected fault with status ${status}.` };
}

const FIELDS = [
  'operation',
  'times',
  'delayMs',
  'status',
  'body',
  'rawBody',
  'headers',
  'network',
  'after',
  'client_secret',
  'clientSecret',
];

/** Longer than any test waits; beyond 2^31 - 1 ms, Node's timers would fire after 1 ms instead. */
export const MAX_FAULT_DELAY_MS = 10 * 60 * 1000;

/** RFC 9110 `token`, what a header name is made of. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What Node writes in a header value; a CR, LF or NUL would make every matching answer a 500. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** The sandbox frames its answers itself. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding']);

/** Operations whose answer is a stream, sent as it goes: there is no whole answer to fault `after`. */
const STREAMING_OPERATIONS = new Set(['stream']);

function parseHeaders(input: unknown): Record<string, string> | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return 'headers must be an object of strings.';
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string') return 'headers must be an object of strings.';
    if (!HEADER_NAME.test(name)) return `The header name ${JSON.stringify(name)} is not a valid HTTP token.`;
    if (FRAMING_HEADERS.has(name.toLowerCase())) return `The header ${name} is set by the sandbox.`;
    if (!HEADER_VALUE.test(value)) {
      return `The value of header ${name} may not hold CR, LF, NUL or other control characters, nor characters beyond Latin-1.`;
    }
    headers[name.toLowerCase()] = value;
  }
  return headers;
}

/** Parses a `POST /__sandbox/faults` body, or explains what is wrong with it. */
export function parseFault(input: unknown): Fault | string {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 'The body must be a JSON object.';
  const raw = input as Record<string, unknown>;
  const unknown = Object.keys(raw).filter((key) => !FIELDS.includes(key));
  if (unknown.length > 0)
    return `Unknown field ${unknown.join(', ')}; the fields are ${FIELDS.slice(0, -1).join(', ')}.`;
  const operation = raw['operation'];
  if (typeof operation !== 'string' || !(FAULT_OPERATIONS as readonly string[]).includes(operation)) {
    return `operation must be one of ${FAULT_OPERATIONS.join(', ')}.`;
  }
  const times = raw['times'] ?? 1;
  if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) return 'times must be a positive integer.';
  const delayMs = raw['delayMs'] ?? 0;
  if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > MAX_FAULT_DELAY_MS) {
    return `delayMs must be a number from 0 to ${MAX_FAULT_DELAY_MS} (ten minutes).`;
  }
  const rawBody = raw['rawBody'] ?? null;
  if (rawBody !== null && typeof rawBody !== 'string') return 'rawBody must be a string.';
  if (rawBody !== null && 'body' in raw) return 'Give body or rawBody, not both.';
  const status = raw['status'] ?? (rawBody === null ? null : 200);
  if (status !== null && (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599)) {
    return 'status must be an HTTP status between 200 and 599.';
  }
  const network = raw['network'] ?? false;
  if (typeof network !== 'boolean') return 'network must be a boolean.';
  const after = raw['after'] ?? false;
  if (typeof after !== 'boolean') return 'after must be a boolean.';
  if (after && STREAMING_OPERATIONS.has(operation))
    return `after does not apply to ${operation}: its answer is a stream.`;
  const clientSecret = raw['client_secret'] ?? raw['clientSecret'] ?? null;
  if (clientSecret !== null && typeof clientSecret !== 'string') return 'client_secret must be a string.';
  const headers = parseHeaders(raw['headers'] ?? {});
  if (typeof headers === 'string') return headers;
  if (status === null && !network && delayMs === 0) return 'Give at least one of status, rawBody, network or delayMs.';
  return {
    operation: operation as FaultOperation,
    times,
    delayMs,
    status,
    body: rawBody !== null ? null : 'body' in raw ? raw['body'] : status === null ? null : defaultFaultBody(status),
    rawBody,
    headers,
    network,
    after,
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
        (fault.clientSecret === null || fault.clientSecret === clientSecret) &&
        !(fault.after && STREAMING_OPERATIONS.has(operation)),
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
