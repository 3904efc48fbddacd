import { and, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { fileBlobs, projectFileVersions } from '@/server/db/schema';
import { listFiles } from '@/server/files/read-file';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Path → version of every stored file: taken before and after a command to see what it changed. */
export async function storeVersions(db: Database, projectId: string): Promise<Map<string, number>> {
  return new Map((await listFiles({ db, projectId })).map((file) => [file.path, file.version]));
}

/** A stored version's text ('' when it is binary), for diffs. */
export async function versionText(db: Database, projectId: string, path: string, version: number): Promise<string> {
  const [row] = await db
    .select({ content: fileBlobs.content })
    .from(projectFileVersions)
    .innerJoin(fileBlobs, eq(fileBlobs.hash, projectFileVersions.blobHash))
    .where(and(eq(projectFileVersions.projectId, projectId), eq(projectFileVersions.path, path), eq(projectFileVersions.version, version)));
  if (!row) return '';
  try {
    return decoder.decode(row.content);
  } catch {
    return '';
  }
}

/** Paths whose version differs between two snapshots, with their before/after versions (null: absent). */
export function changedPaths(before: Map<string, number>, after: Map<string, number>): { path: string; before: number | null; after: number | null }[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths]
    .filter((path) => before.get(path) !== after.get(path))
    .sort()
    .map((path) => ({ path, before: before.get(path) ?? null, after: after.get(path) ?? null }));
}
