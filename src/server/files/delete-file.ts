import type { Executor } from '@/server/db/client';
import type { FileSource } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import { assertFilePath } from './paths';
import { assertExpectedVersion, withProjectTree, type DeletedFile } from './tree';

/**
 * Deletes a file, or every file inside a folder. History keeps the content, so `restoreVersion`
 * brings a deleted file back. `expectedVersion` guards a single file against a stale delete.
 */
export async function deleteFile(options: {
  db: Executor;
  projectId: string;
  path: string;
  expectedVersion?: number;
  source: FileSource;
  userId?: string | null;
}): Promise<DeletedFile[]> {
  const { path, expectedVersion, source, userId } = options;
  assertFilePath(path);
  return withProjectTree(options, async (tree) => {
    const file = await tree.current(path);
    assertExpectedVersion(path, file, expectedVersion);
    const rows = file ? [file] : await tree.filesUnder(path);
    if (rows.length === 0) throw notFound(`"${path}"`);
    return tree.remove(rows, { source, userId });
  });
}
