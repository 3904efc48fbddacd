import path from 'node:path';
import { env } from '@/env';
import { processSingleton } from '@/server/registry';
import { E2BSandboxProvider } from './e2b/provider';
import { LocalSandboxProvider } from './local/provider';
import type { SandboxProvider } from './types';

export type * from './types';
export { assertInsideWorkspace, resolveProjectPath } from './paths';
export { E2BSandboxProvider, type E2BProviderOptions } from './e2b/provider';
export { LocalSandboxProvider } from './local/provider';
export type { LocalProviderOptions } from './local/options';

/** E2B when an API key is given, else sandboxes on this machine under `dataDir`. */
export function createSandboxProvider(options: { e2bApiKey?: string; dataDir: string }): SandboxProvider {
  if (options.e2bApiKey) return new E2BSandboxProvider({ apiKey: options.e2bApiKey });
  return new LocalSandboxProvider({ dataDir: options.dataDir });
}

/**
 * The app's provider, chosen once per process from the environment (E2B_API_KEY, AURA_DATA_DIR).
 * One per process, not per chunk: a second copy would hold its own sandbox handles and idle
 * timers. Nothing is registered on import: the app calls `shutdown()` on it when it stops.
 */
export function getSandboxProvider(): SandboxProvider {
  return processSingleton('sandbox.provider', () => createSandboxProvider({ e2bApiKey: env.E2B_API_KEY, dataDir: path.resolve(process.cwd(), env.AURA_DATA_DIR) }));
}
