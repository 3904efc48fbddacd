import type { Database } from '@/server/db/client';
import { isIgnored } from '@/server/files/ignore';
import { listFiles } from '@/server/files/read-file';
import { applySandboxChanges, diffTrees, type SandboxChange } from '@/server/files/sync';
import { hashContent } from '@/server/files/tree';
import { getLogger } from '@/server/logger';
import type { Sandbox } from '@/server/sandbox/types';
import { isOwnEcho } from './echo-guard';
import { publishFileChanges } from './file-events';

const FLUSH_DELAY_MS = 250;

/**
 * Stores what changes inside a sandbox (terminal, commands, dev tools) as it happens. Events are
 * batched briefly; each flush reads the current bytes, so a burst of writes stores the final state.
 */
export async function watchSandboxChanges(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string }): Promise<{ stop(): Promise<void> }> {
  const { sandbox, projectId } = options;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let flushing = Promise.resolve();

  const flush = () => {
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    flushing = flushing.then(() => storeChanges({ ...options, paths })).catch((error: unknown) => getLogger().error({ err: error, projectId }, 'sandbox sync failed'));
  };

  const watcher = await sandbox.files.watch('', (event) => {
    if (isIgnored(event.path)) return;
    pending.add(event.path);
    timer ??= setTimeout(flush, FLUSH_DELAY_MS);
  });

  return {
    async stop() {
      await watcher.stop();
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      await flushing;
    },
  };
}

async function readChange(sandbox: Sandbox, path: string): Promise<SandboxChange | null> {
  try {
    return { path, content: await sandbox.files.read(path) };
  } catch {
    // Gone: a deletion. Still there but unreadable as a file: a folder, implied by its files.
    return (await sandbox.files.exists(path)) ? null : { path, content: null };
  }
}

async function storeChanges(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string; paths: string[] }) {
  const changes = (await Promise.all(options.paths.map((path) => readChange(options.sandbox, path)))).filter(
    (change): change is SandboxChange => change !== null && !isOwnEcho(options.projectId, change.path, change.content),
  );
  if (changes.length === 0) return;
  // A sandbox being torn down (killed, expired, its folder removed) reports its files as removed:
  // those are not the user's deletions, and must not reach the store.
  if (changes.some((change) => change.content === null) && !(await isIntact(options.sandbox))) return;
  await store({ ...options, changes });
}

async function isIntact(sandbox: Sandbox): Promise<boolean> {
  if (!(await sandbox.isRunning().catch(() => false))) return false;
  return sandbox.files.list('', { depth: 1 }).then(
    () => true,
    () => false,
  );
}

/** Stores a batch from the sandbox and tells the editors what actually changed. */
async function store(options: { db: Database; projectId: string; userId?: string; changes: SandboxChange[] }) {
  const result = await applySandboxChanges(options);
  await publishFileChanges(options.projectId, [
    ...result.written.filter((write) => write.changed).map((write) => ({ type: 'write' as const, path: write.path, version: write.version, source: 'sandbox' as const })),
    ...result.deleted.map((deleted) => ({ type: 'delete' as const, path: deleted.path, version: deleted.version, source: 'sandbox' as const })),
  ]);
  for (const rejected of result.rejected) getLogger().warn({ projectId: options.projectId, ...rejected }, 'a sandbox file was not stored');
}

/** Every file in the sandbox outside ignored folders, walking folder by folder so node_modules is never listed. */
async function sandboxFiles(sandbox: Sandbox, folder = ''): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await sandbox.files.list(folder, { depth: 1 })) {
    if (isIgnored(entry.path)) continue;
    if (entry.type === 'dir') files.push(...(await sandboxFiles(sandbox, entry.path)));
    else if (entry.type === 'file') files.push(entry.path);
  }
  return files;
}

/** A full comparison of sandbox and store, for when a session ends: catches anything the watcher missed. */
export async function reconcileSandbox(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string }): Promise<void> {
  const paths = await sandboxFiles(options.sandbox);
  const inSandbox = await Promise.all(paths.map(async (path) => ({ path, content: await options.sandbox.files.read(path) })));
  const stored = await listFiles({ db: options.db, projectId: options.projectId });
  const { fetch, deleted } = diffTrees(
    stored.map((file) => ({ path: file.path, hash: file.hash })),
    inSandbox.map((file) => ({ path: file.path, hash: hashContent(file.content) })),
  );
  const wanted = new Set(fetch);
  const changes: SandboxChange[] = [
    ...inSandbox.filter((file) => wanted.has(file.path)),
    ...deleted.map((path) => ({ path, content: null })),
  ];
  if (changes.length > 0) await store({ db: options.db, projectId: options.projectId, userId: options.userId, changes });
}
