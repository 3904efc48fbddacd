import { env } from '@/env';
import { createMemoryBus, createRedisBus, type EventBus } from './bus';

export type { EventBus } from './bus';

const globalForBus = globalThis as unknown as { auraBus?: EventBus };

/** The app's event bus, chosen once from REDIS_URL. */
export function getEventBus(): EventBus {
  globalForBus.auraBus ??= env.REDIS_URL ? createRedisBus(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}:bus:`) : createMemoryBus();
  return globalForBus.auraBus;
}
