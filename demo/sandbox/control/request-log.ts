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

/** Enough for any test; a demo left running for days does not grow without bound. */
const MAX_ENTRIES = 10_000;

/** Every request the sandbox answered, for tests that check what the browser really sent. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
  }

  list(clientSecret?: string | null): LoggedRequest[] {
    if (!clientSecret) return [...this.entries];
    return this.entries.filter((entry) => entry.clientSecret === clientSecret);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
