import { isNodeServerRuntime, loadEnv } from './env';

/** Runs once when a server instance boots: a bad environment stops it here, with every problem listed. */
export async function register() {
  loadEnv();
  if (isNodeServerRuntime()) {
    const { startBackgroundWork } = await import('./server/background');
    startBackgroundWork();
  }
}
