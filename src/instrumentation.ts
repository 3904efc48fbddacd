import { loadEnv } from './env';

/** Runs once when a server instance boots: a bad environment stops it here, with every problem listed. */
export async function register() {
  loadEnv();
  // The literal `process.env.NEXT_RUNTIME` check is what lets Next drop the Node-only import from
  // the edge build; behind a function call it analyses server/background for the edge runtime too.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startBackgroundWork } = await import('./server/background');
    startBackgroundWork();
  }
}
