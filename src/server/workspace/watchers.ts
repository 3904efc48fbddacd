import type { Database } from '@/server/db/client';
import { getLogger } from '@/server/logger';
import { processSingleton } from '@/server/registry';
import type { Sandbox } from '@/server/sandbox/types';
import { reconcileSandbox, watchSandboxChanges } from './sync-back';

interface Watched {
  sandboxId: string;
  stop: () => Promise<void>;
}

// One watcher per project on this instance, however many tabs have it open (and whichever chunk
// started it: the setup worker's and a route's must not each run one).
const watchers = () => processSingleton('workspace.watchers', () => new Map<string, Promise<Watched>>());

/** Starts syncing the sandbox's changes back to the store, once per project and sandbox. */
export async function ensureWatching(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string }): Promise<void> {
  const watched = watchers();
  const current = await watched.get(options.projectId)?.catch(() => undefined);
  if (current?.sandboxId === options.sandbox.id) return;
  if (current) await current.stop().catch(() => {});
  const starting = watchSandboxChanges(options).then((watcher) => ({ sandboxId: options.sandbox.id, stop: watcher.stop }));
  watched.set(options.projectId, starting);
  await starting;
}

/** Stops watching and does a full reconcile, so nothing written in the sandbox is lost. */
export async function stopWatching(options: { db: Database; sandbox: Sandbox | null; projectId: string; userId?: string }): Promise<void> {
  const watched = watchers();
  const current = await watched.get(options.projectId)?.catch(() => undefined);
  watched.delete(options.projectId);
  await current?.stop();
  if (options.sandbox && (await options.sandbox.isRunning().catch(() => false))) {
    await reconcileSandbox({ db: options.db, sandbox: options.sandbox, projectId: options.projectId, userId: options.userId }).catch((error: unknown) =>
      getLogger().error({ err: error, projectId: options.projectId }, 'final sandbox sync failed'),
    );
  }
}

/** Server shutdown: stop every watcher (the sandboxes themselves are the provider's to stop). */
export async function stopAllWatchers(): Promise<void> {
  const watched = watchers();
  const all = [...watched.values()];
  watched.clear();
  await Promise.all(all.map(async (pending) => (await pending.catch(() => undefined))?.stop()));
}
