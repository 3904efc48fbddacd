import type { IgnoredEntry } from '@/lib/schemas/files';
import type { ProjectRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { isIgnored } from '@/server/files/ignore';
import { resolveProjectPath } from '@/server/sandbox/paths';
import type { SandboxProvider } from '@/server/sandbox/types';
import { liveSandbox } from './live-sandbox';

/** A folder like node_modules can hold thousands of entries; the tree shows the first ones. */
const MAX_ENTRIES = 2_000;

/**
 * What the store does not keep (dependencies, build output), read from the running sandbox for the
 * tree, one folder at a time: at the root only the ignored entries (the rest comes from the
 * store), inside an ignored folder everything. Empty when no sandbox runs: nothing is started for it.
 */
export async function listIgnoredEntries(options: { provider: SandboxProvider; project: ProjectRow; path: string }): Promise<IgnoredEntry[]> {
  const path = options.path === '' ? '' : resolveProjectPath(options.path);
  // Asked of a path inside the folder: build folders such as dist/ are ignored only below the root.
  if (path !== '' && !isIgnored(`${path}/x`)) throw new AppError('BAD_REQUEST', `"${path}" is not a dependency or build folder; its files are in the project tree.`);
  const sandbox = await liveSandbox(options.provider, options.project);
  if (!sandbox) return [];
  const entries = await sandbox.files.list(path).catch((error: unknown) => {
    if ((error as { code?: unknown }).code === 'ENOENT' || /not found|no such file/i.test(String(error))) return [];
    throw error;
  });
  return entries
    .filter((entry) => path !== '' || (entry.type === 'dir' ? isIgnored(`${entry.path}/x`) : isIgnored(entry.path)))
    .slice(0, MAX_ENTRIES)
    .map((entry) => ({ path: entry.path, name: entry.name, kind: entry.type === 'dir' ? ('folder' as const) : ('file' as const), size: entry.size }));
}
