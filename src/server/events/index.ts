import { env } from '@/env';
import { processSingleton } from '@/server/registry';
import { createMemoryBus, createRedisBus, type EventBus } from './bus';
import { busKey, createMessageSigner, type MessageSigner } from './signing';

export type { EventBus } from './bus';

/** Signs and checks what this instance exchanges through Redis; one per process (it remembers nonces). */
export function getBusSigner(): MessageSigner {
  return processSingleton('events.signer', () => createMessageSigner(busKey(env.AUTH_SECRET)));
}

/** The app's event bus, chosen once per process from REDIS_URL (an in-memory bus must be one, or events go missing between chunks). */
export function getEventBus(): EventBus {
  return processSingleton('events.bus', () =>
    env.REDIS_URL ? createRedisBus(env.REDIS_URL, `${env.REDIS_KEY_PREFIX}:bus:`, getBusSigner()) : createMemoryBus(),
  );
}
