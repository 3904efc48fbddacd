import type { FileContent, FileSource } from '@/lib/schemas/files';
import type { Database } from '@/server/db/client';
import type { ProjectRow } from '@/server/db/schema';
import { deleteFile } from '@/server/files/delete-file';
import { listFiles, readFile } from '@/server/files/read-file';
import { renameFile } from '@/server/files/rename-file';
import { listVersions, restoreVersion } from '@/server/files/versions';
import { writeFile } from '@/server/files/write-file';
import { sandboxFailed } from '@/server/observability/events';
import { resolveProjectPath } from '@/server/sandbox/paths';
import type { Sandbox, SandboxProvider } from '@/server/sandbox/types';
import { rememberWriteThrough } from './echo-guard';
import { encodeContent } from './encoding';
import { publishFileChanges } from './file-events';
import { liveSandbox } from './live-sandbox';

/**
 * A project's files as the editor, the agent and the API see them: the store is the truth; a live
 * sandbox gets every change written through, and every open editor hears about it.
 */
interface Target {
  db: Database;
  provider: SandboxProvider;
  project: ProjectRow;
  userId?: string;
}

/** What a save answers when the store has the change and the running sandbox does not. */
export const WRITE_THROUGH_WARNING =
  'the running sandbox could not be updated, so the terminal, preview and agent still see the previous version. Save again, or reopen the project to rebuild the sandbox from the saved files.';

/**
 * Applies a change to the live sandbox, if there is one. The store already has it, so a failure
 * does not fail the save; it is returned as a warning the editor shows, so the user knows the two
 * differ instead of finding out from a stale preview.
 */
async function writeThrough(target: Target, change: (sandbox: Sandbox) => Promise<unknown>): Promise<string | undefined> {
  try {
    const sandbox = await liveSandbox(target.provider, target.project);
    if (sandbox) await change(sandbox);
    return undefined;
  } catch (error) {
    sandboxFailed({ provider: target.provider.name, operation: 'write_through', projectId: target.project.id, error });
    return WRITE_THROUGH_WARNING;
  }
}

export async function saveProjectFile(target: Target & { path: string; content: Uint8Array; expectedVersion?: number | null; source: FileSource }) {
  const path = resolveProjectPath(target.path, { write: true });
  const result = await writeFile({ db: target.db, projectId: target.project.id, path, content: target.content, expectedVersion: target.expectedVersion, source: target.source, userId: target.userId });
  if (!result.changed) return result;
  rememberWriteThrough(target.project.id, path, target.content);
  const warning = await writeThrough(target, (sandbox) => sandbox.files.write(path, target.content));
  await publishFileChanges(target.project.id, [{ type: 'write', path, version: result.version, source: target.source }]);
  return warning ? { ...result, warning } : result;
}

export async function readProjectFile(target: Target & { path: string }): Promise<FileContent> {
  const path = resolveProjectPath(target.path);
  const file = await readFile({ db: target.db, projectId: target.project.id, path });
  return { path, version: file.version, size: file.size, updatedAt: file.updatedAt, ...encodeContent(file.content) };
}

export async function listProjectFiles(target: Target & { path?: string }) {
  const prefix = resolveProjectPath(target.path ?? '');
  const files = await listFiles({ db: target.db, projectId: target.project.id, prefix: prefix || undefined });
  return files.map(({ path, version, size, updatedAt }) => ({ path, version, size, updatedAt }));
}

export async function deleteProjectFile(target: Target & { path: string; expectedVersion?: number; source: FileSource }) {
  const path = resolveProjectPath(target.path, { write: true });
  const deleted = await deleteFile({ db: target.db, projectId: target.project.id, path, expectedVersion: target.expectedVersion, source: target.source, userId: target.userId });
  for (const file of deleted) rememberWriteThrough(target.project.id, file.path, null);
  await writeThrough(target, (sandbox) => sandbox.files.remove(path));
  await publishFileChanges(target.project.id, deleted.map((file) => ({ type: 'delete' as const, path: file.path, version: file.version, source: target.source })));
  return deleted;
}

export async function renameProjectFile(target: Target & { from: string; to: string; expectedVersion?: number; source: FileSource }) {
  const from = resolveProjectPath(target.from, { write: true });
  const to = resolveProjectPath(target.to, { write: true });
  const renamed = await renameFile({ db: target.db, projectId: target.project.id, from, to, expectedVersion: target.expectedVersion, source: target.source, userId: target.userId });
  for (const file of renamed) rememberWriteThrough(target.project.id, file.from, null);
  await writeThrough(target, async (sandbox) => {
    // A move into a folder that does not exist yet (the store has no folders) needs it made first.
    const parent = to.includes('/') ? to.slice(0, to.lastIndexOf('/')) : '';
    if (parent) await sandbox.files.makeDir(parent);
    await sandbox.files.rename(from, to);
  });
  await publishFileChanges(target.project.id, renamed.flatMap((file) => [
    { type: 'delete' as const, path: file.from, version: file.version, source: target.source },
    { type: 'write' as const, path: file.to, version: file.version, source: target.source },
  ]));
  return renamed;
}

/** Folders are implied by their files in the store; an empty one exists only in the sandbox. */
export async function makeProjectDir(target: Target & { path: string }) {
  const path = resolveProjectPath(target.path, { write: true });
  await writeThrough(target, (sandbox) => sandbox.files.makeDir(path));
  return { path };
}

export async function listProjectFileVersions(target: Target & { path: string }) {
  return listVersions({ db: target.db, projectId: target.project.id, path: resolveProjectPath(target.path) });
}

export async function restoreProjectFile(target: Target & { path: string; version: number }) {
  const path = resolveProjectPath(target.path, { write: true });
  const result = await restoreVersion({ db: target.db, projectId: target.project.id, path, version: target.version, userId: target.userId });
  const file = await readFile({ db: target.db, projectId: target.project.id, path });
  rememberWriteThrough(target.project.id, path, file.content);
  const warning = await writeThrough(target, (sandbox) => sandbox.files.write(path, file.content));
  await publishFileChanges(target.project.id, [{ type: 'write', path, version: result.version, source: 'restore' }]);
  return warning ? { ...result, warning } : result;
}
