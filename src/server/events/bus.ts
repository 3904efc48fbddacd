import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import { getLogger } from '@/server/logger';
import { getMetrics } from '@/server/observability/metrics';
import type { MessageSigner } from './signing';

/**
 * Fan-out of live events (file changes, setup progress …) to every subscriber, on this instance or
 * on all instances. In-process by default; Redis pub/sub when REDIS_URL is set, where every
 * message is signed and unsigned, forged, stale or replayed ones are dropped (see ./signing.ts).
 */
export interface EventBus {
  publish(topic: string, event: unknown): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(topic: string, handler: (event: unknown) => void): () => void;
  close(): Promise<void>;
}

export function createMemoryBus(): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(topic, event) {
      emitter.emit(topic, event);
    },
    subscribe(topic, handler) {
      emitter.on(topic, handler);
      return () => emitter.off(topic, handler);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

export function createRedisBus(url: string, prefix: string, signer: MessageSigner): EventBus {
  const publisher = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(url, { lazyConnect: false });
  const local = createMemoryBus();
  const counts = new Map<string, number>();
  // Subscribing is asynchronous; a publish waits for this instance's own pending subscribes, so a
  // subscriber here never misses an event published here after it subscribed.
  const pending = new Set<Promise<unknown>>();
  for (const client of [publisher, subscriber]) client.on('error', (error) => getLogger().warn({ err: error }, 'event bus: redis error'));
  subscriber.on('message', (channel: string, message: string) => {
    const topic = channel.slice(prefix.length);
    const opened = signer.open(topic, message);
    if (!opened.ok) {
      getMetrics().busRejected.inc({ reason: opened.reason });
      getLogger().warn({ channel, reason: opened.reason }, 'event bus: dropped a message that is not from an Aura instance');
      return;
    }
    void local.publish(topic, opened.event);
  });
  return {
    async publish(topic, event) {
      await Promise.allSettled(pending);
      await publisher.publish(prefix + topic, signer.seal(topic, event));
    },
    subscribe(topic, handler) {
      const unsubscribe = local.subscribe(topic, handler);
      const count = counts.get(topic) ?? 0;
      counts.set(topic, count + 1);
      if (count === 0) {
        const subscribing = subscriber.subscribe(prefix + topic).catch(() => {});
        pending.add(subscribing);
        void subscribing.finally(() => pending.delete(subscribing));
      }
      return () => {
        unsubscribe();
        const left = (counts.get(topic) ?? 1) - 1;
        counts.set(topic, left);
        if (left === 0) {
          counts.delete(topic);
          void subscriber.unsubscribe(prefix + topic);
        }
      };
    },
    async close() {
      await local.close();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

