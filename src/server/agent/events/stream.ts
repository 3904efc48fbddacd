import type { Database } from '@/server/db/client';
import type { EventBus } from '@/server/events';
import { eventStream } from '@/server/events/stream';
import { listEventsSince, subscribeThreadEvents, type StoredAgentEvent } from './store';

/**
 * A thread's events after `afterSeq`, then live ones, each exactly once and in order, from any
 * instance: subscribe first, replay the backlog from the table, then follow the bus; a live event
 * that skips ahead (one was missed) is filled in from the table.
 */
export async function* followThreadEvents(options: { db: Database; bus: EventBus; threadId: string; afterSeq: number; signal?: AbortSignal }): AsyncGenerator<StoredAgentEvent> {
  const { db, threadId } = options;
  const live = eventStream<StoredAgentEvent>((push) => subscribeThreadEvents(options.bus, threadId, push), options.signal);
  let last = options.afterSeq;
  try {
    const catchUp = async function* () {
      for (;;) {
        const batch = await listEventsSince({ db, threadId, afterSeq: last });
        for (const stored of batch) {
          last = stored.seq;
          yield stored;
        }
        if (batch.length < 1000) return;
      }
    };
    yield* catchUp();
    for await (const stored of live) {
      if (stored.seq <= last) continue;
      if (stored.seq > last + 1) {
        yield* catchUp();
        continue;
      }
      last = stored.seq;
      yield stored;
    }
  } finally {
    await live.return(undefined);
  }
}
