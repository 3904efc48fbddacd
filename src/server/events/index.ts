import { env } from '@/env';
import { createMemoryBus, createRedisBus, type EventBus } from './bus';
import { busKey, createMessageSigner, type MessageSigner } from './signing';

export type { EventBus } from './bus';

const globalForBus = globalThis as unknown as { auraBus?: EventBus; auraBusSigner?: MessageSigner };

/** Signs and checks what this instance exchanges through Redis; one per process (it remembers nonces). */
export function getBusSigner(): MessageSigner {
  globalForBus.auraBusSigner ??= createMessageSigner(busKey(env.AUTH_SECRET));
  return globalForBus.auraBusSigner;
}

/** The app's event bus, chosen once from REDIS_URL. */
export function getEventBus(): EventBus {
  globalForBus.auraBus ??= env.REDIS_URL ? createRedisBus(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}:bus:`, getBusSigner()) : createMemoryBus();
  return globalForBus.auraBus;
}
