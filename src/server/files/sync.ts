import { eq } from 'drizzle-orm';
import { pathTextProblem } from '@/lib/schemas/files';
import type { Executor } from '@/server/db/client';
import { fileBlobs, projectFiles } from '@/server/db/schema';
import { isAppError } from '@/server/errors';
import { isIgnored } from './ignore';
import { assertFilePath } from './paths';
import { blobOf, byPath, withProjectTree, type BlobRef, type DeletedFile, type FileLimits, type WriteResult } from './tree';

/** Every current file with its exact bytes, in path order: what a new sandbox is rebuilt from. */
export async function snapshot(options: { db: Executor; projectId: string }) {
  return options.db
    .select({ path: projectFiles.path, version: projectFiles.version, hash: projectFiles.blobHash, content: fileBlobs.content })
    .from(projectFiles)
    .innerJoin(fileBlobs, eq(fileBlobs.hash, projectFiles.blobHash))
    .where(eq(projectFiles.projectId, options.projectId))
    .orderBy(byPath);
}

export interface SandboxChange {
  path: string;
  /** null: the path was deleted in the sandbox (a file, or a folder with everything inside). */
  content: Uint8Array | null;
}

export interface SandboxSyncResult {
  written: WriteResult[];
  deleted: DeletedFile[];
  /** Dependency and build output, never stored. */
  ignored: string[];
  /** Files the store refused (too large, over the project's quota, file/folder clash), with why. */
  rejected: Array<{ path: string; reason: string }>;
}

/**
 * Stores a batch of changes seen in a sandbox (agent or terminal work), in one transaction. The
 * sandbox is a real filesystem, so its changes win without version checks. Ignored paths and
 * unchanged content are skipped. One refused file doesn't drop the rest of the batch: it is
 * reported in `rejected` so the user can be told that file is only in the sandbox.
 */
export async function applySandboxChanges(options: {
  db: Executor;
  projectId: string;
  changes: SandboxChange[];
  userId?: string | null;
  limits?: Partial<FileLimits>;
}): Promise<SandboxSyncResult> {
  // The last change to a path wins; contents are hashed before the lock is taken.
  const latest = new Map<string, BlobRef | null>();
  for (const change of options.changes) {
    assertFilePath(change.path);
    latest.set(change.path, change.content && blobOf(change.content));
  }
  const paths = [...latest.keys()].sort();
  const ignored = paths.filter(isIgnored);
  // A name made in the sandbox that the editor could not address (invisible characters, not NFC)
  // stays in the sandbox only, and the user is told.
  const unnamed = paths.filter((path) => !isIgnored(path) && (pathTextProblem(path) !== null || path !== path.normalize('NFC')));
  const kept = paths.filter((path) => !isIgnored(path) && !unnamed.includes(path));
  const meta = { source: 'sandbox' as const, userId: options.userId };
  const rejected = unnamed.map((path) => ({ path, reason: `${pathTextProblem(path) ?? 'The name is not in Unicode NFC form.'} Rename it in the terminal.` }));
  const result: SandboxSyncResult = { written: [], deleted: [], ignored, rejected };

  return withProjectTree(options, async (tree) => {
    // Deletions first: a file replaced by a folder of the same name must be gone before the folder's files arrive.
    for (const path of kept.filter((path) => latest.get(path) === null)) {
      const file = await tree.current(path);
      result.deleted.push(...(await tree.remove(file ? [file] : await tree.filesUnder(path), meta)));
    }
    for (const path of kept) {
      const blob = latest.get(path);
      if (!blob) continue;
      try {
        const written = await tree.put(path, blob, meta, await tree.current(path));
        if (written.changed) result.written.push(written);
      } catch (error) {
        // Raised by checks, not by failed SQL, so the transaction is still usable.
        if (!isAppError(error) || (error.code !== 'PAYLOAD_TOO_LARGE' && error.code !== 'CONFLICT')) throw error;
        result.rejected.push({ path, reason: error.message });
      }
    }
    return result;
  });
}

/**
 * Full reconcile at the end of a sandbox session: given the sandbox's files with their SHA-256
 * (hex), which to fetch (new or changed) and which stored files were deleted in the sandbox.
 * Ignored sandbox paths are left out.
 */
export function diffTrees(stored: Array<{ path: string; hash: string }>, sandbox: Array<{ path: string; hash: string }>) {
  const storedHashes = new Map(stored.map((file) => [file.path, file.hash]));
  const present = sandbox.filter((file) => !isIgnored(file.path));
  const inSandbox = new Set(present.map((file) => file.path));
  return {
    fetch: present.filter((file) => storedHashes.get(file.path) !== file.hash).map((file) => file.path).sort(),
    deleted: stored.filter((file) => !inSandbox.has(file.path) && !isIgnored(file.path)).map((file) => file.path).sort(),
  };
}
