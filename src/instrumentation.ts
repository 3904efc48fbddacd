import { loadEnv } from './env';

/** Runs once when a server instance boots: a bad environment stops it here, with every problem listed. */
export function register() {
  loadEnv();
}
