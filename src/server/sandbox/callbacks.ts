import { getLogger } from '@/server/logger';

/**
 * Wraps a caller's callback (output, terminal data, file events) so that a bug in it is logged
 * instead of surfacing as an uncaught exception inside a stream handler, which would stop the server.
 */
export function shielded<A extends unknown[]>(callback: ((...args: A) => void) | undefined, what: string): (...args: A) => void {
  return (...args: A) => {
    try {
      callback?.(...args);
    } catch (error) {
      getLogger().error({ err: error }, `a sandbox ${what} callback failed`);
    }
  };
}
