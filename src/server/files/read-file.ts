import { and, eq, or } from 'drizzle-orm';
import type { Executor } from '@/server/db/client';
import { fileBlobs, projectFiles } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import { assertFilePath } from './paths';
import { byPath, startsWith } from './tree';

const entryColumns = {
  path: projectFiles.path,
  version: projectFiles.version,
  size: projectFiles.size,
  hash: projectFiles.blobHash,
  updatedAt: projectFiles.updatedAt,
  updatedBy: projectFiles.updatedBy,
  source: projectFiles.source,
};

export type FileEntry = NonNullable<Awaited<ReturnType<typeof statFile>>>;

const at = (projectId: string, path: string) => and(eq(projectFiles.projectId, projectId), eq(projectFiles.path, path));

/** A file's current content and version (the version to send back as `expectedVersion`). */
export async function readFile(options: { db: Executor; projectId: string; path: string }) {
  assertFilePath(options.path);
  const [row] = await options.db
    .select({ ...entryColumns, content: fileBlobs.content })
    .from(projectFiles)
    .innerJoin(fileBlobs, eq(fileBlobs.hash, projectFiles.blobHash))
    .where(at(options.projectId, options.path));
  if (!row) throw notFound(`"${options.path}"`);
  return row;
}

/** A file's metadata, or null when there is no file at that path (a folder is not a file). */
export async function statFile(options: { db: Executor; projectId: string; path: string }) {
  assertFilePath(options.path);
  const [row] = await options.db.select(entryColumns).from(projectFiles).where(at(options.projectId, options.path));
  return row ?? null;
}

/** Every current file, or those at or inside `prefix` (a folder, at any depth), in byte order of path. */
export async function listFiles(options: { db: Executor; projectId: string; prefix?: string }) {
  const folder = options.prefix?.replace(/\/+$/, '');
  if (folder) assertFilePath(folder);
  return options.db
    .select(entryColumns)
    .from(projectFiles)
    .where(and(eq(projectFiles.projectId, options.projectId), folder ? or(eq(projectFiles.path, folder), startsWith(projectFiles.path, `${folder}/`)) : undefined))
    .orderBy(byPath);
}
