/**
 * Polar's event stream for one session (`/v1/checkouts/client/{secret}/stream`, not in the published spec): default SSE
 * messages whose data is `{ key, payload }`. Polar keeps no history, so callers also re-read the session.
 */
export interface CheckoutEvent {
  key: string;
  payload: Record<string, unknown>;
}

export interface CheckoutEventSubscription {
  close(): void;
}

export function subscribeToCheckoutEvents(
  url: string,
  onEvent: (event: CheckoutEvent) => void,
  onOpen?: () => void,
): CheckoutEventSubscription {
  if (!url || typeof EventSource === 'undefined') return { close() {} };
  // withCredentials stays false: Polar's CORS policy allows any origin only without credentials.
  const source = new EventSource(url);
  source.onopen = () => onOpen?.();
  source.onmessage = (message: MessageEvent<string>) => {
    const event = parseEvent(message.data);
    if (event) onEvent(event);
  };
  return { close: () => source.close() };
}

export function parseEvent(data: string): CheckoutEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const { key, payload } = value as { key?: unknown; payload?: unknown };
    if (typeof key !== 'string') return null;
    return {
      key,
      payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {},
    };
  } catch {
    return null;
  }
}
