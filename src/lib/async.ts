/** Waiting, retrying and time limits, all abortable: the one place the element sleeps. */

export function abortError(): DOMException {
  return new DOMException('The operation was aborted', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * Runs `work` with a signal that aborts when `signal` does or after `ms`, and settles then even if `work` ignores its
 * signal: a time-out rejects with `TimeoutError`, the caller's abort with an AbortError, else as `work` settles.
 */
export function withTimeout<T>(
  ms: number,
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const controller = new AbortController();
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      settle();
    };
    const onAbort = () => {
      controller.abort();
      finish(() => reject(abortError()));
    };
    const timer = setTimeout(() => {
      controller.abort();
      finish(() => reject(new TimeoutError(`No answer within ${ms} ms`)));
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    work(controller.signal).then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

export interface RetryOptions {
  /** The wait before each further attempt; its length is the number of retries. */
  delaysMs: readonly number[];
  retryable(error: unknown): boolean;
  signal?: AbortSignal;
}

/** Calls `attempt` until it succeeds, the error is not retryable, the delays run out or `signal` aborts. */
export async function retry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = options.delaysMs[index];
      if (delay === undefined || options.signal?.aborted || !options.retryable(error)) throw error;
      await sleep(delay, options.signal);
    }
  }
}
