import { randomUUID } from 'node:crypto';

/** One message on a checkout's channel, as Polar's eventstream serializes it. */
export interface CheckoutEvent {
  id: string;
  key: string;
  payload: Record<string, unknown>;
}

export interface PublishedEvent {
  at: string;
  clientSecret: string;
  event: CheckoutEvent;
  /** How many stream listeners received it; 0 means it was lost, as Polar keeps no replay. */
  listeners: number;
}

type Listener = (event: CheckoutEvent) => void;

const MAX_HISTORY = 10_000;

/** The `checkout:{client_secret}` pub/sub channels. Events go to current listeners only. */
export class EventBus {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly published: PublishedEvent[] = [];

  subscribe(clientSecret: string, listener: Listener): () => void {
    let set = this.listeners.get(clientSecret);
    if (!set) {
      set = new Set();
      this.listeners.set(clientSecret, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(clientSecret);
    };
  }

  listenerCount(clientSecret: string): number {
    return this.listeners.get(clientSecret)?.size ?? 0;
  }

  publish(clientSecret: string, key: string, payload: Record<string, unknown> = {}): CheckoutEvent {
    const event: CheckoutEvent = { id: randomUUID(), key, payload };
    const set = this.listeners.get(clientSecret);
    this.published.push({ at: new Date().toISOString(), clientSecret, event, listeners: set?.size ?? 0 });
    if (this.published.length > MAX_HISTORY) this.published.shift();
    for (const listener of [...(set ?? [])]) listener(event);
    return event;
  }

  /** What was published, for tests that need to know an event existed even if nobody heard it. */
  history(clientSecret?: string): PublishedEvent[] {
    return clientSecret === undefined
      ? [...this.published]
      : this.published.filter((entry) => entry.clientSecret === clientSecret);
  }

  clearHistory(): void {
    this.published.length = 0;
  }
}
