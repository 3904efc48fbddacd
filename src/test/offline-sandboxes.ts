import { AppError } from '@/server/errors';
import type { SandboxProvider } from '@/server/sandbox/types';

/**
 * A sandbox provider with no sandboxes: creating one is refused with a domain error, and none is
 * ever live. Security tests use it so that random input can never start a process.
 */
export function offlineSandboxes(): SandboxProvider {
  return {
    name: 'local',
    create: async () => {
      throw new AppError('PRECONDITION_FAILED', 'Sandboxes are offline in this test.');
    },
    connect: async () => null,
    kill: async () => {},
    shutdown: async () => {},
  };
}
