import type { Database } from '@/server/db/client';
import { isIgnored } from '@/server/files/ignore';
import { listFiles } from '@/server/files/read-file';
import { applySandboxChanges, diffTrees, type SandboxChange } from '@/server/files/sync';
import { DEFAULT_FILE_LIMITS, hashContent } from '@/server/files/tree';
import { getLogger } from '@/server/logger';
import type { EntryInfo, Sandbox } from '@/server/sandbox/types';
import { isOwnEcho } from './echo-guard';
import { publishFileChanges } from './file-events';

// A flush waits for QUIET_MS without events, but never more than MAX_WAIT_MS after the first one.
const QUIET_MS = 250;
const MAX_WAIT_MS = 2_000;
/** Larger files are never read: the store would refuse them anyway (see tree.ts). */
const MAX_SYNC_BYTES = DEFAULT_FILE_LIMITS.maxFileBytes;

/**
 * Stores what changes inside a sandbox (terminal, commands, dev tools) as it happens. Events are
 * coalesced per path until the sandbox has been quiet for a moment (bounded by MAX_WAIT_MS), so a
 * process rewriting one file a hundred times costs a read or two, not a hundred; each flush reads
 * the current bytes, so the final state is stored.
 */
export async function watchSandboxChanges(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string }): Promise<{ stop(): Promise<void> }> {
  const { sandbox, projectId } = options;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let firstEventAt = 0;
  let flushing = Promise.resolve();

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const paths = [...pending];
    pending.clear();
    flushing = flushing.then(() => storeChanges({ ...options, paths })).catch((error: unknown) => getLogger().error({ err: error, projectId }, 'sandbox sync failed'));
  };

  const watcher = await sandbox.files.watch('', (event) => {
    if (isIgnored(event.path)) return;
    pending.add(event.path);
    if (!timer) firstEventAt = Date.now();
    clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(QUIET_MS, firstEventAt + MAX_WAIT_MS - Date.now())));
  });

  return {
    async stop() {
      await watcher.stop();
      if (timer) flush();
      await flushing;
    },
  };
}

/**
 * What each path is now, from its folder's listing (lstat: a link is reported as a link), so that
 * nothing is read to find out it should not have been. Missing from the map: gone.
 */
async function describePaths(sandbox: Sandbox, paths: string[]): Promise<Map<string, EntryInfo>> {
  const folders = new Set(paths.map((path) => path.slice(0, Math.max(0, path.lastIndexOf('/')))));
  const listings = await Promise.all([...folders].map((folder) => sandbox.files.list(folder, { depth: 1 }).catch(() => [] as EntryInfo[])));
  return new Map(listings.flat().map((entry) => [entry.path, entry]));
}

/** Whether a sandbox file may be read into memory and stored: a regular file within the store's limit. */
function isSyncable(projectId: string, entry: EntryInfo): boolean {
  if (entry.type !== 'file') return false; // a folder is implied by its files; links are not followed
  if (entry.size <= MAX_SYNC_BYTES) return true;
  getLogger().warn({ projectId, path: entry.path, bytes: entry.size }, 'a sandbox file is too large to store; it was not read');
  return false;
}

async function readChange(sandbox: Sandbox, projectId: string, path: string, entry: EntryInfo | undefined): Promise<SandboxChange | null> {
  if (entry && !isSyncable(projectId, entry)) return null;
  try {
    if (!entry) throw new Error('not listed');
    const content = await sandbox.files.read(path);
    // It grew between the listing and the read.
    return content.byteLength <= MAX_SYNC_BYTES ? { path, content } : null;
  } catch {
    // Gone: a deletion. Still there but unreadable as a file: a folder, implied by its files.
    return (await sandbox.files.exists(path)) ? null : { path, content: null };
  }
}

async function storeChanges(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string; paths: string[] }) {
  const entries = await describePaths(options.sandbox, options.paths);
  const changes = (await Promise.all(options.paths.map((path) => readChange(options.sandbox, options.projectId, path, entries.get(path))))).filter(
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
async function sandboxFiles(sandbox: Sandbox, folder = ''): Promise<EntryInfo[]> {
  const files: EntryInfo[] = [];
  for (const entry of await sandbox.files.list(folder, { depth: 1 })) {
    if (isIgnored(entry.path)) continue;
    if (entry.type === 'dir') files.push(...(await sandboxFiles(sandbox, entry.path)));
    else if (entry.type === 'file') files.push(entry);
  }
  return files;
}

/** A full comparison of sandbox and store, for when a session ends: catches anything the watcher missed. */
export async function reconcileSandbox(options: { db: Database; sandbox: Sandbox; projectId: string; userId?: string }): Promise<void> {
  const stored = await listFiles({ db: options.db, projectId: options.projectId });
  const storedHashes = new Map(stored.map((file) => [file.path, file.hash]));
  const files = await sandboxFiles(options.sandbox);
  // A file left unread (too large) is still there: its stored version is kept, not deleted.
  const present = files.map((entry) => ({ path: entry.path, hash: storedHashes.get(entry.path) ?? '' }));
  // One file at a time, and only the changed ones are kept: the files together can be far larger than one.
  const changed: SandboxChange[] = [];
  for (const entry of files.filter((file) => isSyncable(options.projectId, file))) {
    const content = await options.sandbox.files.read(entry.path).catch(() => null);
    if (!content || content.byteLength > MAX_SYNC_BYTES) continue;
    if (hashContent(content) !== storedHashes.get(entry.path)) changed.push({ path: entry.path, content });
  }
  const { deleted } = diffTrees(
    stored.map((file) => ({ path: file.path, hash: file.hash })),
    present,
  );
  const changes: SandboxChange[] = [...changed, ...deleted.map((path) => ({ path, content: null }))];
  if (changes.length > 0) await store({ db: options.db, projectId: options.projectId, userId: options.userId, changes });
}
