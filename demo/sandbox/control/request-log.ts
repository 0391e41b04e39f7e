import { excessiveNestingAt } from '../http/json-depth.js';

export interface LoggedRequest {
  at: string;
  method: string;
  path: string;
  operation: string | null;
  status: number;
  body: unknown;
  origin: string | null;
  hasCookie: boolean;
  authorization: string | null;
  /** The checkout the request concerned, when it could be told. */
  clientSecret: string | null;
}

/** A bigger body is logged as `{ truncated: true, bytes }`: no test reads that far into one. */
export const MAX_LOGGED_BODY_BYTES = 64 * 1024;

export interface RequestLogLimits {
  /** What the entries may weigh together, as the JSON `GET /__sandbox/requests` would send. */
  maxBytes: number;
  maxEntries: number;
}

/** Enough for any test; a demo left running for days, or flooded with big bodies, does not grow without bound. */
const DEFAULT_LIMITS: RequestLogLimits = { maxBytes: 16 * 1024 * 1024, maxEntries: 10_000 };

/** Best effort, for the request log: the parsed body, the raw text, a summary when it is too big, or null. */
export function bodyForLog(raw: string): unknown {
  if (raw === '') return null;
  const bytes = Buffer.byteLength(raw);
  if (bytes > MAX_LOGGED_BODY_BYTES) return { truncated: true, bytes };
  // Too deep to serialize again once parsed: kept as the text it came as.
  if (excessiveNestingAt(raw) !== null) return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** The entry's weight as JSON; a body that cannot be serialized is replaced, so that it cannot break the log. */
function weigh(entry: LoggedRequest): number {
  try {
    return Buffer.byteLength(JSON.stringify(entry));
  } catch {
    entry.body = { unserializable: true };
    return Buffer.byteLength(JSON.stringify(entry));
  }
}

/** Every request the sandbox answered, for tests that check what the browser really sent. Oldest go first. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private weights: number[] = [];
  private retained = 0;

  constructor(private readonly limits: RequestLogLimits = DEFAULT_LIMITS) {}

  add(entry: LoggedRequest): void {
    const weight = weigh(entry);
    this.entries.push(entry);
    this.weights.push(weight);
    this.retained += weight;
    let excess = 0;
    let dropped = 0;
    while (
      this.entries.length - dropped > 1 &&
      (this.entries.length - dropped > this.limits.maxEntries || this.retained - excess > this.limits.maxBytes)
    ) {
      excess += this.weights[dropped]!;
      dropped += 1;
    }
    if (dropped > 0) {
      this.entries = this.entries.slice(dropped);
      this.weights = this.weights.slice(dropped);
      this.retained -= excess;
    }
  }

  /** What the entries weigh together, in bytes of JSON. */
  get bytes(): number {
    return this.retained;
  }

  list(clientSecret?: string | null): LoggedRequest[] {
    if (!clientSecret) return [...this.entries];
    return this.entries.filter((entry) => entry.clientSecret === clientSecret);
  }

  clear(): void {
    this.entries = [];
    this.weights = [];
    this.retained = 0;
  }
}
