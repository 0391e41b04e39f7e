/**
 * The one session state: its phases, and the rule that decides which server answer may replace the snapshot shown.
 *
 * Phases:
 *   idle ─load→ loading ─→ open ⇄ paying ─→ awaiting ─→ succeeded
 *            │           └→ unavailable (expired, not found, unreadable; retry → loading)
 *            └→ misconfigured (a malformed client secret or server URL: nothing is requested)
 *   awaiting ─90 s→ stalled ─recheck→ awaiting | succeeded
 */
import type { CheckoutPublic } from '../api/types.js';
import type { Draft } from './fields.js';
import type { BuyerError, Message } from './messages.js';

export type Phase =
  'idle' | 'misconfigured' | 'loading' | 'unavailable' | 'open' | 'paying' | 'awaiting' | 'stalled' | 'succeeded';

export type PayStep = 'validating' | 'tokenizing' | 'confirming' | 'authenticating';

export type PaymentFormStatus = 'none' | 'loading' | 'ready' | 'failed';

export interface SessionState {
  phase: Phase;
  payStep: PayStep | null;
  /** The newest snapshot of the session that was applied (see SnapshotClock). */
  checkout: CheckoutPublic | null;
  draft: Draft;
  /** Messages under named fields, by field path. */
  fieldErrors: Readonly<Record<string, Message>>;
  /** The message by the pay button, or instead of the form when the phase is `unavailable` or `misconfigured`. */
  formError: BuyerError | null;
  /** Edits are waiting or in flight. */
  saving: boolean;
  payment: { status: PaymentFormStatus; complete: boolean };
}

export const initialState: SessionState = {
  phase: 'idle',
  payStep: null,
  checkout: null,
  draft: {},
  fieldErrors: {},
  formError: null,
  saving: false,
  payment: { status: 'none', complete: false },
};

/** The buyer can change the order and their details. */
export function isEditable(state: SessionState): boolean {
  return state.phase === 'open';
}

/** A payment is under way: the pay button shows its progress. */
export function isBusy(state: SessionState): boolean {
  return state.phase === 'paying' || state.phase === 'awaiting';
}

/**
 * Which answers may be applied. Every request takes a ticket in the order it is sent. Writes (update, confirm) run one
 * at a time, so their answers come back in order. A read can cross a write on the server (sent before it, answered
 * after it, or the other way round), so a read's answer counts only if no write was in flight at any moment of the
 * read's flight. An answer is applied only when its ticket is newer than the one applied last: a stale answer never
 * overwrites a newer state.
 */
export class SnapshotClock {
  private issued = 0;
  private applied = 0;
  private writesInFlight = 0;
  private writesStarted = 0;

  /** A read is about to be sent. */
  read(): ReadTicket {
    return { version: ++this.issued, writesStarted: this.writesStarted, clean: this.writesInFlight === 0 };
  }

  /** A write is about to be sent; call `settled` when it has answered or failed. */
  write(): WriteTicket {
    this.writesInFlight++;
    this.writesStarted++;
    return { version: ++this.issued, settled: false };
  }

  settled(ticket: WriteTicket): void {
    if (ticket.settled) return;
    ticket.settled = true;
    this.writesInFlight--;
  }

  /** Whether a read's answer may be applied now; if so it becomes the newest applied. */
  acceptRead(ticket: ReadTicket): boolean {
    const crossedWrite = !ticket.clean || this.writesInFlight > 0 || this.writesStarted !== ticket.writesStarted;
    return !crossedWrite && this.accept(ticket.version);
  }

  /** Whether a write's answer may be applied now; if so it becomes the newest applied. */
  acceptWrite(ticket: WriteTicket): boolean {
    return this.accept(ticket.version);
  }

  /** Forget everything (another session is loaded). */
  reset(): void {
    this.issued = 0;
    this.applied = 0;
    this.writesInFlight = 0;
    this.writesStarted = 0;
  }

  private accept(version: number): boolean {
    if (version <= this.applied) return false;
    this.applied = version;
    return true;
  }
}

export interface ReadTicket {
  readonly version: number;
  readonly writesStarted: number;
  readonly clean: boolean;
}

export interface WriteTicket {
  readonly version: number;
  settled: boolean;
}
