import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { eventStream } from './stream';

describe('eventStream', () => {
  it('keeps events pushed before the first read and while the reader is busy, in order', async () => {
    const emitter = new EventEmitter();
    const controller = new AbortController();
    const stream = eventStream<number>((push) => {
      emitter.on('e', push);
      return () => emitter.off('e', push);
    }, controller.signal);
    emitter.emit('e', 1);
    emitter.emit('e', 2);
    const seen: number[] = [];
    for await (const value of stream) {
      seen.push(value);
      if (value === 2) emitter.emit('e', 3);
      if (value === 3) controller.abort();
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(emitter.listenerCount('e')).toBe(0);
  });

  it('unsubscribes when returned early, even unread', async () => {
    const emitter = new EventEmitter();
    const stream = eventStream<number>((push) => {
      emitter.on('e', push);
      return () => emitter.off('e', push);
    });
    expect(emitter.listenerCount('e')).toBe(1);
    await stream.return(undefined);
    expect(emitter.listenerCount('e')).toBe(0);
  });
});
