import { createHash } from 'node:crypto';
import { and, count, eq, inArray, max, or, sql } from 'drizzle-orm';
import type { Executor, Transaction } from '@/server/db/client';
import { fileBlobs, projectFiles, projectFileVersions, projects, type FileSource, type ProjectFileRow } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { parentPaths } from './paths';

const MiB = 1024 * 1024;

export interface FileLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxProjectBytes: number;
}

/** Sources only: dependencies and build output are never stored, so these are generous. */
export const DEFAULT_FILE_LIMITS: FileLimits = { maxFileBytes: 10 * MiB, maxFiles: 10_000, maxProjectBytes: 200 * MiB };

export interface ChangeMeta {
  source: FileSource;
  userId?: string | null;
}

export interface BlobRef {
  hash: string;
  size: number;
  /** Present when the blob may not be stored yet; absent when reusing a stored one (rename, restore). */
  content?: Uint8Array;
}

export interface WriteResult {
  path: string;
  version: number;
  size: number;
  hash: string;
  /** False when the content was already current: nothing was written. */
  changed: boolean;
}

export interface DeletedFile {
  path: string;
  /** The history version that records the deletion. */
  version: number;
}

export const hashContent = (content: Uint8Array) => createHash('sha256').update(content).digest('hex');
export const blobOf = (content: Uint8Array): BlobRef => ({ hash: hashContent(content), size: content.byteLength, content });

const formatMiB = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
// Byte order, the same on every server whatever its default collation.
export const byPath = sql`${projectFiles.path} collate "C"`;
export const startsWith = (column: typeof projectFiles.path, prefix: string) => sql`starts_with(${column}, ${prefix})`;
// Stays under PostgreSQL's 65,535 bind parameters per statement.
const CHUNK = 1000;

/** Optimistic concurrency: `undefined` skips the check, `null` means "must not exist yet". */
export function assertExpectedVersion(path: string, current: ProjectFileRow | undefined, expected: number | null | undefined): void {
  if (expected === undefined || (current?.version ?? null) === expected) return;
  const message = !current
    ? `"${path}" no longer exists; it was deleted after you opened it.`
    : expected === null
      ? `"${path}" already exists (version ${current.version}).`
      : `"${path}" was changed by someone else: it is at version ${current.version}, you edited version ${expected}. Reload it before saving.`;
  throw new AppError('CONFLICT', message);
}

/**
 * Runs `work` in a transaction that holds the project's write lock. Every change to a project's
 * tree goes through here, so writers to one project serialise: creates have no row to lock yet,
 * folder moves touch many rows, and quotas are only exact when nobody else is writing.
 * `no key update` still lets other tables insert rows that reference the project.
 */
export async function withProjectTree<T>(
  options: { db: Executor; projectId: string; limits?: Partial<FileLimits> },
  work: (tree: ProjectTree) => Promise<T>,
): Promise<T> {
  return options.db.transaction(async (tx) => {
    const [project] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, options.projectId)).for('no key update');
    if (!project) throw notFound('Project');
    const [usage] = await tx
      .select({ files: count(), bytes: sql<number>`coalesce(sum(${projectFiles.size}), 0)`.mapWith(Number) })
      .from(projectFiles)
      .where(eq(projectFiles.projectId, options.projectId));
    return work(new ProjectTree(tx, options.projectId, { ...DEFAULT_FILE_LIMITS, ...options.limits }, usage!));
  });
}

/** One project's tree inside a locked transaction. Only `withProjectTree` makes these. */
export class ProjectTree {
  constructor(
    private readonly tx: Transaction,
    private readonly projectId: string,
    private readonly limits: FileLimits,
    private readonly usage: { files: number; bytes: number },
  ) {}

  async current(path: string): Promise<ProjectFileRow | undefined> {
    const [row] = await this.tx.select().from(projectFiles).where(and(eq(projectFiles.projectId, this.projectId), eq(projectFiles.path, path)));
    return row;
  }

  /** The files inside a folder, at any depth. */
  async filesUnder(folder: string): Promise<ProjectFileRow[]> {
    return this.tx
      .select()
      .from(projectFiles)
      .where(and(eq(projectFiles.projectId, this.projectId), startsWith(projectFiles.path, `${folder}/`)))
      .orderBy(byPath);
  }

  /** A file at `path`, a file inside it, or a file where one of its folders should be. */
  async occupant(path: string): Promise<string | undefined> {
    const [row] = await this.tx
      .select({ path: projectFiles.path })
      .from(projectFiles)
      .where(and(eq(projectFiles.projectId, this.projectId), or(inArray(projectFiles.path, [path, ...parentPaths(path)]), startsWith(projectFiles.path, `${path}/`))))
      .limit(1);
    return row?.path;
  }

  /** Makes `blob` the content of `path`. `current` is the row the caller read under this lock. */
  async put(path: string, blob: BlobRef, meta: ChangeMeta, current: ProjectFileRow | undefined): Promise<WriteResult> {
    if (current?.blobHash === blob.hash) return { path, version: current.version, size: current.size, hash: current.blobHash, changed: false };
    this.assertFits(path, blob.size, current);
    if (!current) {
      const occupant = await this.occupant(path);
      if (occupant) throw new AppError('CONFLICT', occupant === path ? `"${path}" already exists.` : `"${path}" clashes with "${occupant}": a path can't be both a file and a folder.`);
    }
    if (blob.content) await this.tx.insert(fileBlobs).values({ hash: blob.hash, content: blob.content, size: blob.size }).onConflictDoNothing();
    const version = (current?.version ?? (await this.lastVersion(path))) + 1;
    const state = { blobHash: blob.hash, version, size: blob.size, updatedAt: sql`now()`, updatedBy: meta.userId ?? null, source: meta.source };
    await this.tx
      .insert(projectFiles)
      .values({ projectId: this.projectId, path, ...state })
      .onConflictDoUpdate({ target: [projectFiles.projectId, projectFiles.path], set: state });
    await this.tx.insert(projectFileVersions).values({ projectId: this.projectId, path, version, blobHash: blob.hash, source: meta.source, createdBy: meta.userId ?? null });
    this.usage.files += current ? 0 : 1;
    this.usage.bytes += blob.size - (current?.size ?? 0);
    return { path, version, size: blob.size, hash: blob.hash, changed: true };
  }

  /** Deletes files from the tree; history keeps every version and records the deletion. */
  async remove(rows: ProjectFileRow[], meta: ChangeMeta): Promise<DeletedFile[]> {
    const deleted: DeletedFile[] = [];
    for (let start = 0; start < rows.length; start += CHUNK) {
      const chunk = rows.slice(start, start + CHUNK);
      await this.tx.delete(projectFiles).where(and(eq(projectFiles.projectId, this.projectId), inArray(projectFiles.path, chunk.map((row) => row.path))));
      const history = chunk.map((row) => ({ projectId: this.projectId, path: row.path, version: row.version + 1, blobHash: null, source: meta.source, createdBy: meta.userId ?? null }));
      await this.tx.insert(projectFileVersions).values(history);
      deleted.push(...history.map(({ path, version }) => ({ path, version })));
      this.usage.files -= chunk.length;
      this.usage.bytes -= chunk.reduce((total, row) => total + row.size, 0);
    }
    return deleted;
  }

  // A path deleted and written again continues its numbering, so history stays one sequence.
  private async lastVersion(path: string): Promise<number> {
    const [row] = await this.tx
      .select({ version: max(projectFileVersions.version) })
      .from(projectFileVersions)
      .where(and(eq(projectFileVersions.projectId, this.projectId), eq(projectFileVersions.path, path)));
    return row?.version ?? 0;
  }

  private assertFits(path: string, size: number, current: ProjectFileRow | undefined): void {
    const { maxFileBytes, maxFiles, maxProjectBytes } = this.limits;
    if (size > maxFileBytes) throw new AppError('PAYLOAD_TOO_LARGE', `"${path}" is ${formatMiB(size)}; a file can be at most ${formatMiB(maxFileBytes)}.`);
    if (!current && this.usage.files >= maxFiles) {
      throw new AppError('PAYLOAD_TOO_LARGE', `This project already has ${this.usage.files} files, the most it can hold. Delete some before adding "${path}".`);
    }
    if (this.usage.bytes - (current?.size ?? 0) + size > maxProjectBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `Saving "${path}" would take this project past its ${formatMiB(maxProjectBytes)} storage limit.`);
    }
  }
}
