import { loadEnv } from './env';

/** Runs once when a server instance boots: a bad environment stops it here, with every problem listed. */
export async function register() {
  const env = loadEnv();
  // The literal `process.env.NEXT_RUNTIME` check is what lets Next drop the Node-only imports from
  // the edge build; behind a function call it analyses server/background for the edge runtime too.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Before anything else, so that errors from the background work below are reported too.
    const { initSentry } = await import('./server/observability/sentry');
    initSentry({ dsn: env.SENTRY_DSN, environment: env.NODE_ENV });
    const { startBackgroundWork } = await import('./server/background');
    startBackgroundWork();
  }
}
