/**
 * Turns a push subscription into an async iterator that ends when `signal` aborts. It subscribes
 * at once (not on first read), so a caller can replay history after subscribing without a gap;
 * events that arrive while the consumer is busy are queued, never dropped. Call `return()` if you
 * stop before reading it to the end.
 */
export function eventStream<T>(subscribe: (push: (event: T) => void) => () => void, signal?: AbortSignal): AsyncGenerator<T> {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let subscribed = true;
  const stop = subscribe((event) => {
    queue.push(event);
    wake?.();
  });
  const unsubscribe = () => {
    if (subscribed) stop();
    subscribed = false;
  };
  const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
  const stream = (async function* () {
    try {
      while (!signal?.aborted) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        await Promise.race([new Promise<void>((resolve) => (wake = resolve)), aborted]);
        wake = undefined;
      }
    } finally {
      unsubscribe();
    }
  })();
  // A generator returned before its first read never runs its finally block.
  const finish = stream.return.bind(stream);
  stream.return = (value) => {
    unsubscribe();
    return finish(value);
  };
  return stream;
}
