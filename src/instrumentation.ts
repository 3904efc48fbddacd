import { isNodeServerRuntime, loadEnv } from './env';

/** Runs once when a server instance boots: a bad environment stops it here, with every problem listed. */
export async function register() {
  const env = loadEnv();
  if (isNodeServerRuntime()) {
    // Before anything else, so that errors from the background work below are reported too.
    const { initSentry } = await import('./server/observability/sentry');
    initSentry({ dsn: env.SENTRY_DSN, environment: env.NODE_ENV });
    const { startBackgroundWork } = await import('./server/background');
    startBackgroundWork();
  }
}
