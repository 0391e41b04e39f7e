import { expect } from '@open-wc/testing';
import { mergeUpdates as mergePatches, UpdateQueue, type UpdatePatch } from '../../src/checkout/update-queue.js';
import { CheckoutApiError } from '../../src/api/errors.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake server: records what it was sent, answers after `delayMs`, echoes the merged state. */
function fakeServer(delayMs = 30) {
  const sent: UpdatePatch[] = [];
  const state: UpdatePatch = {};
  const results: UpdatePatch[] = [];
  let fail: unknown = null;
  let inFlight = 0;
  let maxInFlight = 0;
  const send = async (patch: UpdatePatch) => {
    sent.push(patch);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await wait(delayMs);
    inFlight--;
    if (fail) {
      const error = fail;
      fail = null;
      throw error;
    }
    Object.assign(state, patch);
    return { ...state };
  };
  return {
    sent,
    state,
    results,
    send,
    failNext(error: unknown) {
      fail = error;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

describe('UpdateQueue', () => {
  it('sends one request per pause in typing, not one per keystroke', async () => {
    const server = fakeServer();
    const queue = new UpdateQueue({
      send: server.send,
      onResult: () => {},
      onError: () => ({ keep: null }),
      debounceMs: 40,
    });
    for (const text of ['A', 'Ad', 'Ada']) {
      queue.edit({ customer_name: text });
      await wait(5);
    }
    await wait(60);
    await queue.settled();
    expect(server.sent).to.deep.equal([{ customer_name: 'Ada' }]);
  });

  it('sends at once when the edit is committed (blur)', async () => {
    const server = fakeServer(5);
    const queue = new UpdateQueue({
      send: server.send,
      onResult: () => {},
      onError: () => ({ keep: null }),
      debounceMs: 10_000,
    });
    queue.edit({ customer_name: 'Ada' }, true);
    await wait(30);
    expect(server.sent).to.have.length(1);
  });

  it('keeps one request in flight and sends edits made meanwhile afterwards, merged', async () => {
    const server = fakeServer(60);
    const seen: UpdatePatch[] = [];
    const queue = new UpdateQueue({
      send: server.send,
      onResult: (result: UpdatePatch) => seen.push(result),
      onError: () => ({ keep: null }),
      debounceMs: 0,
    });
    queue.edit({ customer_name: 'Ada' });
    await wait(10);
    queue.edit({ customer_name: 'Ada Lovelace' });
    queue.edit({ customer_email: 'ada@example.com' });
    await queue.settled();
    expect(server.maxInFlight).to.equal(1);
    expect(server.sent).to.deep.equal([
      { customer_name: 'Ada' },
      { customer_name: 'Ada Lovelace', customer_email: 'ada@example.com' },
    ]);
    // Responses arrive in order: the last one reflects the last edit.
    expect(seen.at(-1)).to.deep.equal({ customer_name: 'Ada Lovelace', customer_email: 'ada@example.com' });
  });

  it('keeps a patch that failed for a retryable reason, under newer edits, and sends it on flush', async () => {
    const server = fakeServer(10);
    const queue = new UpdateQueue({
      send: server.send,
      onResult: () => {},
      onError: (error, sent) => ({ keep: error instanceof CheckoutApiError && error.retryable ? sent : null }),
      debounceMs: 0,
    });
    server.failNext(new CheckoutApiError('network', 'offline', ''));
    queue.edit({ customer_name: 'Old', customer_email: 'a@example.com' });
    await queue.settled();
    // Kept for a retry, but not "saving": nothing is on its way until the next edit or a flush.
    expect(queue.busy).to.equal(false);
    expect(queue.unsent).to.deep.equal({ customer_name: 'Old', customer_email: 'a@example.com' });
    queue.edit({ customer_name: 'New' }, true);
    await queue.flush();
    expect(server.state).to.deep.equal({ customer_name: 'New', customer_email: 'a@example.com' });
    expect(queue.busy).to.equal(false);
    expect(queue.unsent).to.equal(null);
  });

  it('drops a patch the server rejected as invalid', async () => {
    const server = fakeServer(5);
    const queue = new UpdateQueue({
      send: server.send,
      onResult: () => {},
      onError: () => ({ keep: null }),
      debounceMs: 0,
    });
    server.failNext(new CheckoutApiError('validation', 'bad', '', 422));
    queue.edit({ customer_email: 'x@invalid' });
    await queue.settled();
    expect(queue.busy).to.equal(false);
  });

  it('takePending hands over waiting edits without sending them', async () => {
    const server = fakeServer(5);
    const queue = new UpdateQueue({
      send: server.send,
      onResult: () => {},
      onError: () => ({ keep: null }),
      debounceMs: 50,
    });
    queue.edit({ customer_name: 'Ada' });
    expect(queue.takePending()).to.deep.equal({ customer_name: 'Ada' });
    await wait(80);
    expect(server.sent).to.have.length(0);
  });

  it('ignores the answer to a request made before reset', async () => {
    const server = fakeServer(40);
    const seen: unknown[] = [];
    const queue = new UpdateQueue({
      send: server.send,
      onResult: (r) => seen.push(r),
      onError: () => ({ keep: null }),
      debounceMs: 0,
    });
    queue.edit({ customer_name: 'Old session' });
    await wait(10);
    queue.reset();
    await wait(60);
    expect(seen).to.have.length(0);
  });
});

describe('mergePatches', () => {
  it('lets newer fields win and merges custom field data', () => {
    expect(
      mergePatches(
        { customer_name: 'A', custom_field_data: { a: 1 } },
        { customer_name: 'B', custom_field_data: { b: true } },
      ),
    ).to.deep.equal({ customer_name: 'B', custom_field_data: { a: 1, b: true } });
  });
});
