import type { Database } from '@/server/db/client';
import { listFiles, readFile } from '@/server/files/read-file';
import { hashContent } from '@/server/files/tree';
import { getLogger } from '@/server/logger';
import type { EntryInfo, Sandbox } from '@/server/sandbox/types';
import { rememberWriteThrough } from './echo-guard';

/**
 * Brings a sandbox this process reconnected to (it was running before a restart) up to date with
 * the store. A server killed between storing a save and writing it through leaves the sandbox a
 * save behind; left so, the stale copy would be synced back over the newer save. A sandbox file
 * changed after the store's version (a command's output the watcher had not stored yet) is the
 * newer one: sync-back keeps it. Only files whose sandbox copy is older than the store are read.
 */
export async function refreshSandboxFromStore(options: { db: Database; sandbox: Sandbox; projectId: string }): Promise<string[]> {
  const { db, sandbox, projectId } = options;
  const stored = await listFiles({ db, projectId });
  const folders = new Map<string, Promise<Map<string, EntryInfo>>>();
  const entryOf = (path: string) => {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    let listing = folders.get(folder);
    if (!listing) {
      listing = sandbox.files.list(folder, { depth: 1 }).then(
        (entries) => new Map(entries.map((entry) => [entry.path, entry])),
        () => new Map<string, EntryInfo>(),
      );
      folders.set(folder, listing);
    }
    return listing.then((entries) => entries.get(path));
  };
  const refreshed: string[] = [];
  for (const file of stored) {
    const entry = await entryOf(file.path);
    if (entry?.type === 'file' && entry.modifiedAt >= file.updatedAt) continue;
    if (entry?.type === 'file' && hashContent(await sandbox.files.read(file.path)) === file.hash) continue;
    const { content } = await readFile({ db, projectId, path: file.path });
    rememberWriteThrough(projectId, file.path, content);
    await sandbox.files.write(file.path, content);
    refreshed.push(file.path);
  }
  if (refreshed.length > 0) getLogger().info({ event: 'sandbox_refreshed', projectId, sandboxId: sandbox.id, paths: refreshed.slice(0, 20) }, 'sandbox brought up to date with the store');
  return refreshed;
}
