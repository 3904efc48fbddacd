import * as Sentry from '@sentry/node';
import { processSingleton } from '@/server/registry';

// Set by instrumentation's chunk, read by every route's: a module-level flag would stay false there.
const state = () => processSingleton('observability.sentry', () => ({ enabled: false }));

/**
 * Starts error reporting to Sentry when a DSN is configured; once per process (instrumentation.ts,
 * Node runtime only). No auto-instrumentation: Aura reports its own unexpected errors through
 * `reportServerError`, so Sentry sees exactly what the logs call a server error.
 */
export function initSentry(options: { dsn: string | undefined; environment: string; release?: string }): boolean {
  const sentry = state();
  if (!options.dsn || sentry.enabled) return sentry.enabled;
  Sentry.initWithoutDefaultIntegrations({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    integrations: [Sentry.linkedErrorsIntegration(), Sentry.dedupeIntegration(), Sentry.onUnhandledRejectionIntegration({ mode: 'warn' })],
    tracesSampleRate: 0,
  });
  sentry.enabled = true;
  return true;
}

export function captureInSentry(error: unknown, context: Record<string, string | undefined>): void {
  if (!state().enabled) return;
  Sentry.captureException(error, { tags: Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined)) });
}

/** Sends what is queued; tests and shutdown wait for it. */
export async function flushSentry(timeoutMs = 2_000): Promise<boolean> {
  return state().enabled ? Sentry.flush(timeoutMs) : true;
}
