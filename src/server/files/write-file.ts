import type { Executor } from '@/server/db/client';
import type { FileSource } from '@/server/db/schema';
import { assertStorablePath } from './paths';
import { assertExpectedVersion, blobOf, withProjectTree, type FileLimits, type WriteResult } from './tree';

/**
 * Saves a file's content as its next version. With `expectedVersion`, the save only succeeds if
 * the file is still at that version (`null`: only if it doesn't exist yet), so a stale editor tab
 * gets CONFLICT instead of overwriting newer work. Saving unchanged content writes nothing.
 */
export async function writeFile(options: {
  db: Executor;
  projectId: string;
  path: string;
  content: Uint8Array;
  expectedVersion?: number | null;
  source: FileSource;
  userId?: string | null;
  limits?: Partial<FileLimits>;
}): Promise<WriteResult> {
  const { path, expectedVersion, source, userId } = options;
  assertStorablePath(path);
  // Hashed before taking the lock, so the lock is held only for the database work.
  const blob = blobOf(options.content);
  return withProjectTree(options, async (tree) => {
    const current = await tree.current(path);
    assertExpectedVersion(path, current, expectedVersion);
    return tree.put(path, blob, { source, userId }, current);
  });
}
