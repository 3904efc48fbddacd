import { env } from '@/env';
import { getThrottle } from '@/server/auth/throttle-instance';
import { getDb } from '@/server/db';
import { notFound } from '@/server/errors';
import { getEventBus } from '@/server/events';
import { getMetrics } from '@/server/observability/metrics';
import { identityOf } from '@/server/registry';
import { getSandboxProvider } from '@/server/sandbox';
import { getTerminalManager } from '@/server/terminals/manager';

/** Identity tokens of the process singletons, as one chunk's copies of their getters resolve them. */
export interface SingletonIdentities {
  provider: string;
  terminals: string;
  throttle: string;
  bus: string;
  db: string;
  metrics: string;
}

export function singletonIdentities(): SingletonIdentities {
  return {
    provider: identityOf(getSandboxProvider()),
    terminals: identityOf(getTerminalManager()),
    throttle: identityOf(getThrottle()),
    bus: identityOf(getEventBus()),
    db: identityOf(getDb()),
    metrics: identityOf(getMetrics()),
  };
}

/**
 * What a route sees next to what the background worker sees, for the production-build test that
 * proves both share one of each. `view` is the worker's own function (defined in the worker's
 * chunk), so calling it resolves the singletons through that chunk's modules. Only with
 * AURA_TEST_INTROSPECTION set; otherwise the procedure does not exist (404).
 */
export function compareSingletons(options: { workerView: (() => SingletonIdentities) | null }): { route: SingletonIdentities; worker: SingletonIdentities | null } {
  if (!env.AURA_TEST_INTROSPECTION) throw notFound('This procedure');
  return { route: singletonIdentities(), worker: options.workerView?.() ?? null };
}
