import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { fileBlobs, projectFileVersions } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { assertFilePath, assertStorablePath } from './paths';
import { withProjectTree, type FileLimits, type WriteResult } from './tree';

/** A file's history, newest first. A version with `hash: null` is the file's deletion. */
export async function listVersions(options: { db: Executor; projectId: string; path: string; limit?: number }) {
  assertFilePath(options.path);
  return options.db
    .select({
      version: projectFileVersions.version,
      hash: projectFileVersions.blobHash,
      size: fileBlobs.size,
      source: projectFileVersions.source,
      createdAt: projectFileVersions.createdAt,
      createdBy: projectFileVersions.createdBy,
    })
    .from(projectFileVersions)
    .leftJoin(fileBlobs, eq(fileBlobs.hash, projectFileVersions.blobHash))
    .where(and(eq(projectFileVersions.projectId, options.projectId), eq(projectFileVersions.path, options.path)))
    .orderBy(desc(projectFileVersions.version))
    .limit(options.limit ?? 100);
}

export type FileVersion = Awaited<ReturnType<typeof listVersions>>[number];

/**
 * Makes an old version's content current again, as a new version with source `restore` (history
 * is never rewritten). Works on deleted files too: restoring recreates them.
 */
export async function restoreVersion(options: {
  db: Executor;
  projectId: string;
  path: string;
  version: number;
  userId?: string | null;
  limits?: Partial<FileLimits>;
}): Promise<WriteResult> {
  const { path, version, userId } = options;
  assertStorablePath(path);
  // History rows never change once written, so this read needs no lock.
  const [old] = await options.db
    .select({ hash: projectFileVersions.blobHash, size: fileBlobs.size })
    .from(projectFileVersions)
    .leftJoin(fileBlobs, eq(fileBlobs.hash, projectFileVersions.blobHash))
    .where(and(eq(projectFileVersions.projectId, options.projectId), eq(projectFileVersions.path, path), eq(projectFileVersions.version, version)));
  if (!old) throw notFound(`Version ${version} of "${path}"`);
  if (!old.hash || old.size === null) throw new AppError('BAD_REQUEST', `Version ${version} of "${path}" is its deletion; restore an earlier version.`);
  const blob = { hash: old.hash, size: old.size };
  return withProjectTree(options, async (tree) => tree.put(path, blob, { source: 'restore', userId }, await tree.current(path)));
}
