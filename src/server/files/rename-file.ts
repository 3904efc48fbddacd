import type { Executor } from '@/server/db/client';
import type { FileSource } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { assertFilePath, assertStorablePath } from './paths';
import { assertExpectedVersion, withProjectTree } from './tree';

export interface RenamedFile {
  from: string;
  to: string;
  /** The new file's version at `to` (its history continues any earlier file at that path). */
  version: number;
}

/**
 * Moves a file, or a folder with everything inside it. Never overwrites: if anything exists at
 * `to` the move is refused with CONFLICT. Both sides get history rows (a deletion at `from`, a new
 * version at `to`); the content is not copied, the new rows point at the same blobs.
 */
export async function renameFile(options: {
  db: Executor;
  projectId: string;
  from: string;
  to: string;
  expectedVersion?: number;
  source: FileSource;
  userId?: string | null;
}): Promise<RenamedFile[]> {
  const { from, to, expectedVersion, source, userId } = options;
  assertFilePath(from);
  assertStorablePath(to);
  if (from === to || to.startsWith(`${from}/`)) throw new AppError('BAD_REQUEST', `Can't move "${from}" into itself.`);
  return withProjectTree(options, async (tree) => {
    const file = await tree.current(from);
    assertExpectedVersion(from, file, expectedVersion);
    const moving = file ? [file] : await tree.filesUnder(from);
    if (moving.length === 0) throw notFound(`"${from}"`);
    const occupant = await tree.occupant(to);
    if (occupant) throw new AppError('CONFLICT', occupant === to || occupant.startsWith(`${to}/`) ? `"${to}" already exists.` : `Can't move to "${to}": "${occupant}" is a file.`);

    const moves = moving.map((row) => ({ row, target: to + row.path.slice(from.length) }));
    moves.forEach(({ target }) => assertStorablePath(target));
    const meta = { source, userId };
    await tree.remove(moving, meta);
    const renamed: RenamedFile[] = [];
    for (const { row, target } of moves) {
      const { version } = await tree.put(target, { hash: row.blobHash, size: row.size }, meta, undefined);
      renamed.push({ from: row.path, to: target, version });
    }
    return renamed;
  });
}
