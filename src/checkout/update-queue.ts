/**
 * Buyer edits → ClientUpdate, one request at a time. Edits made while waiting are merged into one patch
 * (coalesced), sent after a pause or at once on blur, and always after the request before them has returned, so an
 * older response can never land after a newer one and the server always ends with the latest input.
 */
import type { CheckoutUpdatePublic } from '../api/types.js';
import { isAbortError, sleep } from '../lib/async.js';

export type UpdatePatch = CheckoutUpdatePublic;

export interface UpdateQueueOptions<Result> {
  send(patch: UpdatePatch, signal: AbortSignal): Promise<Result>;
  onResult(result: Result, sent: UpdatePatch, hasMorePending: boolean): void;
  /**
   * What to keep of a failed update: the whole of it for a later retry (network failures), the part the server did
   * not object to for sending again now (a 422 about one field), or nothing.
   */
  onError(error: unknown, sent: UpdatePatch): { keep: UpdatePatch | null; now?: boolean };
  onBusyChange?(busy: boolean): void;
  debounceMs?: number;
}

export class UpdateQueue<Result> {
  private pending: UpdatePatch = {};
  private hasPending = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  /** The waiting edits failed and wait for the next edit or an explicit retry (nothing is being saved meanwhile). */
  private parked = false;
  private controller = new AbortController();
  private readonly debounceMs: number;

  constructor(private readonly options: UpdateQueueOptions<Result>) {
    // Longer than a slow typist's gap between keys (about 500 ms): one save per field, not one per key.
    this.debounceMs = options.debounceMs ?? 1000;
  }

  /** Records an edit; it is sent after a pause in editing, or right away when `immediate`. */
  edit(patch: UpdatePatch, immediate = false): void {
    this.pending = mergeUpdates(this.pending, patch);
    this.hasPending = true;
    this.parked = false;
    this.schedule(immediate ? 0 : this.debounceMs);
  }

  /** Sends whatever is waiting now (after the request in flight, if any). */
  flush(): Promise<void> {
    if (this.hasPending) {
      this.parked = false;
      this.schedule(0);
    }
    return this.settled();
  }

  /** Edits whose saving failed and that wait for a retry, or null. */
  get unsent(): UpdatePatch | null {
    return this.parked && this.hasPending ? this.pending : null;
  }

  /** Resolves once nothing is waiting and nothing is in flight. */
  async settled(): Promise<void> {
    while (this.running || (this.hasPending && this.timer !== undefined)) {
      await (this.running ?? sleep(10));
    }
  }

  /** Takes the waiting edits out of the queue without sending them (confirm sends the whole form instead). */
  takePending(): UpdatePatch {
    clearTimeout(this.timer);
    this.timer = undefined;
    const patch = this.pending;
    this.pending = {};
    this.hasPending = false;
    return patch;
  }

  /** Saving now or soon; not while failed edits wait for a retry. */
  get busy(): boolean {
    return this.running !== undefined || (this.hasPending && !this.parked);
  }

  /** Drops everything and aborts the request in flight (a new session was loaded). */
  reset(): void {
    this.takePending();
    this.parked = false;
    this.controller.abort();
    this.controller = new AbortController();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.pump();
    }, delayMs);
    this.options.onBusyChange?.(true);
  }

  private async pump(): Promise<void> {
    if (this.running) return; // the running loop picks the new edits up when it is done
    this.running = this.drain();
    try {
      await this.running;
    } finally {
      this.running = undefined;
      this.options.onBusyChange?.(this.busy);
    }
  }

  private async drain(): Promise<void> {
    while (this.hasPending && this.timer === undefined) {
      const patch = this.takePending();
      const { signal } = this.controller;
      try {
        const result = await this.options.send(patch, signal);
        if (signal.aborted) return;
        this.options.onResult(result, patch, this.hasPending);
      } catch (error) {
        if (signal.aborted || isAbortError(error)) return;
        const { keep, now } = this.options.onError(error, patch);
        if (keep) {
          // Newer edits win over the failed ones.
          this.pending = mergeUpdates(keep, this.pending);
          this.hasPending = true;
          // Otherwise both wait for the next edit or an explicit retry.
          if (!now) {
            this.parked = true;
            return;
          }
        }
      }
    }
  }
}

/** Merges two updates; later values win, custom field answers are merged one by one. */
export function mergeUpdates(older: CheckoutUpdatePublic, newer: CheckoutUpdatePublic): CheckoutUpdatePublic {
  const merged: CheckoutUpdatePublic = { ...older, ...newer };
  if (older.custom_field_data && newer.custom_field_data) {
    merged.custom_field_data = { ...older.custom_field_data, ...newer.custom_field_data };
  }
  return merged;
}
