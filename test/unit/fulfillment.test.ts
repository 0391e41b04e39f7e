import { expect } from '@open-wc/testing';
import type { CheckoutPublic } from '../../src/api/types.js';
import { FulfillmentTimeout, PaymentReverted, waitForFulfillment } from '../../src/checkout/fulfillment.js';
import { checkout } from '../fixtures/checkouts.js';

/** A session that reads as each status in turn (the last one repeating). */
function reader(statuses: CheckoutPublic['status'][]) {
  let reads = 0;
  return {
    read: async () => checkout({ status: statuses[Math.min(reads++, statuses.length - 1)]! }),
    get reads() {
      return reads;
    },
  };
}

// No stream here (404): the wait must get by on re-reading the session alone.
const streamUrl = '/no-such-stream';

describe('waiting for the order after confirm', () => {
  it('re-reads the session until it has succeeded, even with no event stream', async () => {
    const session = reader(['confirmed', 'confirmed', 'succeeded']);
    const result = await waitForFulfillment({
      read: session.read,
      streamUrl,
      signal: new AbortController().signal,
      pollDelaysMs: [20],
    });
    expect(result.status).to.equal('succeeded');
    expect(session.reads).to.be.greaterThanOrEqual(3);
  });

  it('reports a payment that failed after confirm (the session is open again)', async () => {
    const session = reader(['confirmed', 'open']);
    let error: unknown;
    await waitForFulfillment({
      read: session.read,
      streamUrl,
      signal: new AbortController().signal,
      pollDelaysMs: [20],
    }).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(PaymentReverted);
    expect((error as PaymentReverted).checkout.status).to.equal('open');
  });

  it('never waits forever', async () => {
    const session = reader(['confirmed']);
    const started = performance.now();
    let error: unknown;
    await waitForFulfillment({
      read: session.read,
      streamUrl,
      signal: new AbortController().signal,
      pollDelaysMs: [20],
      maxWaitMs: 200,
    }).catch((caught) => (error = caught));
    expect(error).to.be.instanceOf(FulfillmentTimeout);
    expect(performance.now() - started).to.be.lessThan(1000);
  });

  it('keeps polling through failed reads', async () => {
    let reads = 0;
    const result = await waitForFulfillment({
      read: async () => {
        reads++;
        if (reads < 3) throw new Error('offline');
        return checkout({ status: 'succeeded' });
      },
      streamUrl,
      signal: new AbortController().signal,
      pollDelaysMs: [20],
    });
    expect(result.status).to.equal('succeeded');
  });

  it('stops when the element lets go of the session', async () => {
    const controller = new AbortController();
    const waiting = waitForFulfillment({
      read: reader(['confirmed']).read,
      streamUrl,
      signal: controller.signal,
      pollDelaysMs: [20],
    });
    controller.abort();
    let error: unknown;
    await waiting.catch((caught) => (error = caught));
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
