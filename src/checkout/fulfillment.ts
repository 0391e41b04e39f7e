/**
 * After a successful confirm: wait until the session is `succeeded`. Listens to Polar's event stream and re-reads
 * the session on a widening interval, because the stream keeps no history and may have missed the event. It never
 * waits forever: past `maxWaitMs` it gives up with `FulfillmentTimeout`.
 */
import { subscribeToCheckoutEvents, type CheckoutEvent } from '../api/checkout-events.js';
import type { CheckoutPublic } from '../api/types.js';

export class FulfillmentTimeout extends Error {
  override readonly name = 'FulfillmentTimeout';
}

/** The payment failed after confirm (e.g. the card was declined during authentication): the session is open again. */
export class PaymentReverted extends Error {
  override readonly name = 'PaymentReverted';
  constructor(readonly checkout: CheckoutPublic) {
    super('The payment did not go through and the checkout is open again.');
  }
}

export interface FulfillmentOptions {
  read(signal: AbortSignal): Promise<CheckoutPublic>;
  /** Polar's event stream for the session; null to rely on re-reads alone. */
  streamUrl: string | null;
  signal: AbortSignal;
  /** Re-read delays, the last one repeating. */
  pollDelaysMs?: number[];
  maxWaitMs?: number;
  /** After `succeeded`, how long to wait for Polar to report the merchant's webhook delivered before going on. */
  webhookGraceMs?: number;
  onEvent?(event: CheckoutEvent): void;
}

export function waitForFulfillment(options: FulfillmentOptions): Promise<CheckoutPublic> {
  const pollDelays = options.pollDelaysMs ?? [1000, 1500, 2500, 4000];
  const maxWaitMs = options.maxWaitMs ?? 90_000;
  const webhookGraceMs = options.webhookGraceMs ?? 3000;

  return new Promise<CheckoutPublic>((resolve, reject) => {
    let finished = false;
    let pollTimer: ReturnType<typeof setTimeout> | undefined;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    let succeeded: CheckoutPublic | undefined;
    let webhookDelivered = false;
    let polls = 0;
    let reading = false;
    let streamOpen = false;

    const finish = (outcome: () => void) => {
      if (finished) return;
      finished = true;
      clearTimeout(pollTimer);
      clearTimeout(graceTimer);
      clearTimeout(deadline);
      subscription.close();
      options.signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => finish(() => reject(new DOMException('Aborted', 'AbortError')));
    options.signal.addEventListener('abort', onAbort, { once: true });
    const deadline = setTimeout(
      () => finish(() => reject(new FulfillmentTimeout('Still waiting for the order'))),
      maxWaitMs,
    );

    const settle = (checkout: CheckoutPublic) => {
      if (checkout.status === 'open') return finish(() => reject(new PaymentReverted(checkout)));
      if (checkout.status === 'expired' || checkout.status === 'failed') {
        return finish(() => reject(new PaymentReverted(checkout)));
      }
      if (checkout.status !== 'succeeded') return;
      succeeded = checkout;
      if (webhookDelivered || !streamOpen) return finish(() => resolve(checkout));
      graceTimer ??= setTimeout(() => finish(() => resolve(checkout)), webhookGraceMs);
    };

    const read = async () => {
      if (finished || reading) return;
      reading = true;
      try {
        settle(await options.read(options.signal));
      } catch {
        // A failed re-read is just one missed look; the next poll or event tries again.
      } finally {
        reading = false;
      }
    };

    const schedulePoll = () => {
      if (finished) return;
      const delay = pollDelays[Math.min(polls++, pollDelays.length - 1)];
      pollTimer = setTimeout(async () => {
        await read();
        schedulePoll();
      }, delay);
    };

    const subscription = subscribeToCheckoutEvents(
      options.streamUrl ?? '',
      (event) => {
        options.onEvent?.(event);
        // Polar reports each delivered `checkout.updated` webhook; only the one for `succeeded` means the merchant knows.
        if (event.key === 'checkout.webhook_event_delivered' && event.payload.status === 'succeeded') {
          webhookDelivered = true;
          if (succeeded) finish(() => resolve(succeeded!));
        }
        if (event.key === 'checkout.updated') void read();
      },
      () => {
        streamOpen = true;
        // The event may have fired before the stream opened: look once now.
        void read();
      },
    );
    schedulePoll();
  });
}
