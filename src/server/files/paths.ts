import { AppError } from '@/server/errors';
import { isIgnored } from './ignore';

// Far below btree's ~2.7 kB entry limit, so a long path is a clear error rather than a SQL one.
const MAX_PATH_LENGTH = 1024;

/**
 * Defence in depth: callers normalise paths (resolveProjectPath), so anything else reaching the
 * store is a bug or an attack. Canonical form only (no empty or `.` segments), so one file has one key.
 */
export function assertFilePath(path: string): void {
  const segments = path.split('/');
  if (
    path.length === 0 ||
    path.length > MAX_PATH_LENGTH ||
    path.includes('\0') ||
    segments.some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new AppError('BAD_REQUEST', `"${path.slice(0, 200).replaceAll('\0', '\\0')}" is not a valid project file path.`);
  }
}

/** A path the store will keep: valid and not ignored (dependencies and build output are refused). */
export function assertStorablePath(path: string): void {
  assertFilePath(path);
  if (isIgnored(path)) throw new AppError('BAD_REQUEST', `"${path}" is dependency or build output, which is not stored; it is reinstalled or rebuilt.`);
}

/** `a/b/c` → `['a', 'a/b']`: the folders a file needs, none of which may be a file. */
export function parentPaths(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(1).map((_, index) => segments.slice(0, index + 1).join('/'));
}
