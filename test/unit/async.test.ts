import { expect } from '@open-wc/testing';
import { isAbortError, retry, sleep, TimeoutError, withTimeout } from '../../src/lib/async.js';

const outcome = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('the one async helper', () => {
  it('sleep ends early with an AbortError when aborted', async () => {
    const controller = new AbortController();
    const slept = outcome(sleep(10_000, controller.signal));
    controller.abort();
    const { error } = (await slept) as { error: unknown };
    expect(isAbortError(error)).to.equal(true);
  });

  it('withTimeout gives up on work that ignores its signal', async () => {
    const never = () => new Promise<never>(() => undefined);
    const { error } = (await outcome(withTimeout(30, undefined, never))) as { error: unknown };
    expect(error).to.be.instanceOf(TimeoutError);
  });

  it('withTimeout passes an abort of the caller on, as an AbortError', async () => {
    const controller = new AbortController();
    let workSignal: AbortSignal | undefined;
    const running = outcome(
      withTimeout(10_000, controller.signal, (signal) => ((workSignal = signal), new Promise<never>(() => undefined))),
    );
    controller.abort();
    const { error } = (await running) as { error: unknown };
    expect(isAbortError(error)).to.equal(true);
    expect(workSignal?.aborted).to.equal(true);
  });

  it('retry tries again only for retryable errors, as often as there are delays', async () => {
    let calls = 0;
    const failing = () => Promise.reject(new Error(`attempt ${++calls}`));
    await outcome(retry(failing, { delaysMs: [1, 1], retryable: () => true }));
    expect(calls).to.equal(3);
    calls = 0;
    await outcome(retry(failing, { delaysMs: [1, 1], retryable: () => false }));
    expect(calls).to.equal(1);
  });

  it('retry stops waiting when aborted', async () => {
    const controller = new AbortController();
    const running = outcome(
      retry(() => Promise.reject(new Error('no')), {
        delaysMs: [10_000],
        retryable: () => true,
        signal: controller.signal,
      }),
    );
    await sleep(5);
    controller.abort();
    const { error } = (await running) as { error: unknown };
    expect(isAbortError(error)).to.equal(true);
  });
});
