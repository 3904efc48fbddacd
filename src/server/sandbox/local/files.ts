import { constants, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { lstat, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '@/server/errors';
import { assertInsideWorkspace, resolveProjectPath } from '../paths';
import type { EntryInfo, EntryType, FileEvent, SandboxFiles } from '../types';
import { openDir, removeEntry, splitReal, withParent, type DirRef } from './safe-fs';
import { watchTree } from './watch';

const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW;
const WRITE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** Prefix of the temporary file a write goes through; watchers and sync skip these names. */
export const TEMP_PREFIX = '.aura-tmp-';

/** The files API of a local sandbox: the real folder, with every path checked and opened race-free (safe-fs). */
export class LocalFiles implements SandboxFiles {
  constructor(private readonly rootRealPath: string) {}

  async list(userPath: string, options: { depth?: number } = {}): Promise<EntryInfo[]> {
    const { relative, real } = await this.locate(userPath, {});
    const depth = Math.max(1, options.depth ?? 1);
    return guard(userPath, async () => {
      const folder = await openDir(this.rootRealPath, splitReal(this.rootRealPath, real));
      const entries: EntryInfo[] = [];
      try {
        await collect(folder, relative, depth, entries);
      } finally {
        await folder.close();
      }
      return entries.sort((a, b) => a.path.localeCompare(b.path));
    });
  }

  async read(userPath: string): Promise<Uint8Array> {
    const { real } = await this.locate(userPath, {});
    return guard(userPath, () =>
      withParent(this.rootRealPath, real, async (parent, name) => {
        const handle = await open(parent.at(name ?? undefined), READ_FLAGS);
        try {
          return new Uint8Array(await handle.readFile());
        } finally {
          await handle.close();
        }
      }),
    );
  }

  async write(userPath: string, data: Uint8Array | string): Promise<EntryInfo> {
    const { relative, real } = await this.locate(userPath, { write: true });
    return guard(userPath, () =>
      withParent(
        this.rootRealPath,
        real,
        async (parent, name) => {
          // Write a temporary file, then rename it over the target: anyone reading the file (the
          // dev server, the sync watcher) sees the old bytes or the new ones, never half of them.
          const temp = `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`;
          const handle = await open(parent.at(temp), WRITE_FLAGS, 0o644);
          try {
            await handle.writeFile(data);
            const stats = await handle.stat();
            await rename(parent.at(temp), parent.at(name ?? undefined));
            return toEntry(relative, stats);
          } catch (error) {
            await rm(parent.at(temp), { force: true }).catch(() => {});
            throw error;
          } finally {
            await handle.close();
          }
        },
        { create: true },
      ),
    );
  }

  async makeDir(userPath: string): Promise<void> {
    const { real } = await this.locate(userPath, { write: true });
    await guard(userPath, async () => (await openDir(this.rootRealPath, splitReal(this.rootRealPath, real), { create: true })).close());
  }

  async rename(from: string, to: string): Promise<void> {
    const source = await this.locate(from, { write: true, followFinalLink: false });
    const target = await this.locate(to, { write: true, followFinalLink: false });
    await guard(from, () =>
      withParent(this.rootRealPath, source.real, (sourceParent, sourceName) =>
        withParent(this.rootRealPath, target.real, (targetParent, targetName) =>
          rename(sourceParent.at(sourceName ?? undefined), targetParent.at(targetName ?? undefined)),
        ),
      ),
    );
  }

  async remove(userPath: string): Promise<void> {
    const { real } = await this.locate(userPath, { write: true, followFinalLink: false });
    await guard(userPath, () =>
      withParent(this.rootRealPath, real, (parent, name) =>
        removeEntry(parent, name ?? '').catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error; // removing what is already gone is done
        }),
      ).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }),
    );
  }

  async exists(userPath: string): Promise<boolean> {
    const { real } = await this.locate(userPath, {});
    return withParent(this.rootRealPath, real, async (parent, name) => {
      await lstat(parent.at(name ?? undefined));
      return true;
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return false;
      throw error;
    });
  }

  async watch(userPath: string, onEvent: (event: FileEvent) => void): Promise<{ stop(): Promise<void> }> {
    const { real } = await this.locate(userPath, {});
    const base = splitReal(this.rootRealPath, real).join('/');
    await guard(userPath, async () => (await openDir(this.rootRealPath, splitReal(this.rootRealPath, real))).close());
    return watchTree(this.rootRealPath, base, onEvent);
  }

  private async locate(userPath: string, options: { write?: boolean; followFinalLink?: boolean }) {
    const relative = resolveProjectPath(userPath, options);
    const real = await assertInsideWorkspace(this.rootRealPath, path.join(this.rootRealPath, relative), options);
    return { relative, real };
  }
}

async function collect(folder: DirRef, relative: string, depth: number, into: EntryInfo[]): Promise<void> {
  for (const name of await readdir(folder.at())) {
    const stats = await lstat(folder.at(name)).catch(() => null);
    if (!stats) continue; // removed while listing
    const entry = toEntry(relative ? `${relative}/${name}` : name, stats);
    into.push(entry);
    if (entry.type === 'dir' && depth > 1) {
      const child = await folder.child(name).catch(() => null);
      if (!child) continue;
      try {
        await collect(child, entry.path, depth - 1, into);
      } finally {
        await child.close();
      }
    }
  }
}

function toEntry(relative: string, stats: Stats): EntryInfo {
  const type: EntryType = stats.isSymbolicLink() ? 'symlink' : stats.isDirectory() ? 'dir' : 'file';
  return { path: relative, name: path.posix.basename(relative), type, size: stats.size, modifiedAt: stats.mtime };
}

/** Turns file-system errors into messages about the user's path, never the host's. */
async function guard<T>(userPath: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const shown = `"${userPath || '.'}"`;
    const mapped: Record<string, () => AppError> = {
      ENOENT: () => new AppError('NOT_FOUND', `${shown} does not exist in the sandbox.`, { cause: error }),
      ENOTDIR: () => new AppError('BAD_REQUEST', `A part of ${shown} is a file or a link, not a folder.`, { cause: error }),
      EISDIR: () => new AppError('BAD_REQUEST', `${shown} is a folder.`, { cause: error }),
      EEXIST: () => new AppError('CONFLICT', `${shown} already exists.`, { cause: error }),
      ENOTEMPTY: () => new AppError('CONFLICT', `${shown} would replace a folder that is not empty.`, { cause: error }),
      ELOOP: () => new AppError('FORBIDDEN', `${shown} changed into a symbolic link while it was being used.`, { cause: error }),
      EACCES: () => new AppError('FORBIDDEN', `${shown} is not accessible.`, { cause: error }),
      EPERM: () => new AppError('FORBIDDEN', `${shown} is not accessible.`, { cause: error }),
      ENOSPC: () => new AppError('SERVICE_UNAVAILABLE', 'The sandbox is out of disk space.', { cause: error }),
    };
    throw mapped[code ?? '']?.() ?? error;
  }
}
