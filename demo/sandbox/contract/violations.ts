export interface Violation {
  at: string;
  /** `response` for an answer the sandbox sent, `fixture` for catalogue data checked at startup. */
  kind: 'response' | 'fixture';
  subject: string;
  status?: number;
  detail: string;
}

/** Contract violations are sandbox bugs: kept for `/__sandbox/violations` and printed to stderr. */
export class ViolationLog {
  private readonly entries: Violation[] = [];

  record(violation: Omit<Violation, 'at'>): Violation {
    const entry = { at: new Date().toISOString(), ...violation };
    this.entries.push(entry);
    process.stderr.write(
      `[polar-sandbox] CONTRACT VIOLATION (${entry.kind}) ${entry.subject}${entry.status ? ` ${entry.status}` : ''}: ${entry.detail}\n`,
    );
    return entry;
  }

  list(): Violation[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries.length = 0;
  }
}
