import { constants, existsSync } from 'node:fs';
import { lstat, mkdir, open, readdir, rmdir, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/server/errors';

/*
 * Sandbox processes can swap a folder for a symbolic link at any moment, so checking a path and
 * then using it by name is a race. Everything here walks from the workspace root one name at a
 * time with O_NOFOLLOW and then names entries through /proc/self/fd/<fd>/<name>, which the kernel
 * resolves to the folder already opened, whatever the path now points to. A link met on the way
 * fails the walk (ENOTDIR or ELOOP) instead of being followed. Without /proc (a macOS laptop)
 * entries are named by path: still checked, but no longer race-free.
 */

const DIR_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;

let procFds: boolean | undefined;
const hasProcFds = () => (procFds ??= existsSync('/proc/self/fd'));

/** A folder opened without following links; `at(name)` names one of its entries race-free. */
export class DirRef {
  private constructor(
    private readonly handle: FileHandle,
    private readonly absolutePath: string,
  ) {}

  static async open(absolutePath: string, via = absolutePath): Promise<DirRef> {
    return new DirRef(await open(via, DIR_FLAGS), absolutePath);
  }

  at(name?: string): string {
    const base = hasProcFds() ? `/proc/self/fd/${this.handle.fd}` : this.absolutePath;
    return name === undefined ? base : `${base}/${name}`;
  }

  async child(name: string, create = false): Promise<DirRef> {
    const childPath = path.join(this.absolutePath, name);
    try {
      return await DirRef.open(childPath, this.at(name));
    } catch (error) {
      if (!create || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(this.at(name)).catch((mkdirError: NodeJS.ErrnoException) => {
        if (mkdirError.code !== 'EEXIST') throw mkdirError;
      });
      return DirRef.open(childPath, this.at(name));
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/**
 * Opens the folder at `segments` below `rootRealPath` (segments of a real path, so no `..` or
 * links are expected; a link found now means the tree changed under us and is refused).
 */
export async function openDir(rootRealPath: string, segments: string[], options: { create?: boolean } = {}): Promise<DirRef> {
  let current = await DirRef.open(rootRealPath);
  try {
    for (const segment of segments) {
      const next = await current.child(segment, options.create);
      await current.close();
      current = next;
    }
    return current;
  } catch (error) {
    await current.close();
    throw error;
  }
}

/** Runs `operate` with the parent folder of a real path inside the root, and the entry's name (null for the root). */
export async function withParent<T>(
  rootRealPath: string,
  realPath: string,
  operate: (parent: DirRef, name: string | null) => Promise<T>,
  options: { create?: boolean } = {},
): Promise<T> {
  const segments = splitReal(rootRealPath, realPath);
  const name = segments.pop() ?? null;
  const parent = await openDir(rootRealPath, name === null ? [] : segments, options);
  try {
    return await operate(parent, name);
  } finally {
    await parent.close();
  }
}

/** Removes an entry; folders are emptied depth-first through opened handles, never by path. */
export async function removeEntry(parent: DirRef, name: string): Promise<void> {
  const stats = await lstat(parent.at(name));
  if (!stats.isDirectory()) return unlink(parent.at(name));
  const folder = await parent.child(name);
  try {
    for (const entry of await readdir(folder.at())) await removeEntry(folder, entry);
  } finally {
    await folder.close();
  }
  await rmdir(parent.at(name));
}

export function splitReal(rootRealPath: string, realPath: string): string[] {
  const relative = path.relative(rootRealPath, realPath);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new AppError('FORBIDDEN', 'That path points outside the project folder.');
  }
  return relative === '' ? [] : relative.split(path.sep);
}
