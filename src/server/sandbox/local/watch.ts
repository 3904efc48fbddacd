import { watch, type FSWatcher } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { getLogger } from '@/server/logger';
import { createEventBatcher, isQuietFolder } from '../file-events';
import type { FileEvent } from '../types';
import { openDir, withParent } from './safe-fs';

type Batcher = ReturnType<typeof createEventBatcher>;

const joinRelative = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
const split = (relative: string) => (relative ? relative.split('/') : []);

/*
 * Node 20's `fs.watch(..., { recursive: true })` on Linux misses writes and removals in
 * subfolders, so this keeps one non-recursive inotify watch per folder itself, adding folders as
 * they appear. Each watch is placed on a folder opened with O_NOFOLLOW (see safe-fs), so a folder
 * swapped for a link can't make it watch something outside the project.
 */
class TreeWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private stopped = false;

  constructor(
    private readonly rootRealPath: string,
    private readonly batcher: Batcher,
  ) {}

  /** Watches `relative` and the folders below it; `announce` reports what is already there (a folder that just appeared). */
  async addFolder(relative: string, announce: boolean): Promise<void> {
    if (this.stopped || this.watchers.has(relative)) return;
    const folder = await openDir(this.rootRealPath, split(relative)).catch(() => null);
    if (!folder) return; // gone again, or replaced by a link: nothing to watch
    try {
      const watcher = watch(folder.at(), { persistent: false }, (type, name) => {
        if (name) this.onChange(joinRelative(relative, name.toString()), type);
      });
      watcher.on('error', () => this.dropFolder(relative));
      this.watchers.set(relative, watcher);
      for (const entry of await readdir(folder.at(), { withFileTypes: true })) {
        const child = joinRelative(relative, entry.name);
        if (announce) this.batcher.push({ type: 'create', path: child });
        if (entry.isDirectory() && !isQuietFolder(entry.name)) await this.addFolder(child, announce);
      }
    } finally {
      await folder.close();
    }
  }

  private onChange(relative: string, type: string) {
    if (type === 'change') return this.batcher.push({ type: 'write', path: relative });
    // inotify says "rename" for create, delete and both ends of a move: look at what is there now.
    void this.inspect(relative).catch((error: unknown) => getLogger().warn({ err: error }, 'sandbox watch could not follow a new folder'));
  }

  private async inspect(relative: string) {
    const absolute = path.join(this.rootRealPath, relative);
    const stats = await withParent(this.rootRealPath, absolute, (parent, name) => lstat(parent.at(name ?? undefined))).catch(() => null);
    if (!stats) {
      this.batcher.push({ type: 'remove', path: relative });
      this.dropFolder(relative);
      return;
    }
    this.batcher.push({ type: 'create', path: relative });
    const name = relative.split('/').at(-1) ?? '';
    if (stats.isDirectory() && !isQuietFolder(name)) await this.addFolder(relative, true);
  }

  private dropFolder(relative: string) {
    for (const [folder, watcher] of this.watchers) {
      if (folder === relative || folder.startsWith(`${relative}/`)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
  }

  stop() {
    this.stopped = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

const POLL_INTERVAL_MS = 1_000;
const POLL_MAX_ENTRIES = 20_000;

/** The fallback when inotify is exhausted: compares snapshots of the tree every second. */
async function pollTree(rootRealPath: string, base: string, batcher: Batcher) {
  const snapshot = async () => {
    const seen = new Map<string, string>();
    const visit = async (relative: string) => {
      const folder = await openDir(rootRealPath, split(relative)).catch(() => null);
      if (!folder) return;
      try {
        for (const name of await readdir(folder.at())) {
          if (seen.size >= POLL_MAX_ENTRIES) return;
          const stats = await lstat(folder.at(name)).catch(() => null);
          if (!stats) continue;
          const child = joinRelative(relative, name);
          seen.set(child, `${stats.isDirectory()}:${stats.size}:${stats.mtimeMs}`);
          if (stats.isDirectory() && !isQuietFolder(name)) await visit(child);
        }
      } finally {
        await folder.close();
      }
    };
    await visit(base);
    return seen;
  };
  let previous = await snapshot();
  const timer = setInterval(() => {
    void snapshot().then((current) => {
      for (const [path, signature] of current) {
        const before = previous.get(path);
        if (before === undefined) batcher.push({ type: 'create', path });
        else if (before !== signature) batcher.push({ type: 'write', path });
      }
      for (const path of previous.keys()) if (!current.has(path)) batcher.push({ type: 'remove', path });
      previous = current;
    });
  }, POLL_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** Recursive watch of `base` (a real, project-relative folder path); events carry project-relative paths. */
export async function watchTree(rootRealPath: string, base: string, onEvent: (event: FileEvent) => void): Promise<{ stop(): Promise<void> }> {
  const batcher = createEventBatcher(onEvent);
  const tree = new TreeWatcher(rootRealPath, batcher);
  let stopPolling: (() => void) | undefined;
  try {
    await tree.addFolder(base, false);
  } catch (error) {
    tree.stop();
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOSPC' && code !== 'EMFILE') throw error;
    getLogger().warn({ code }, 'inotify limit reached; this sandbox watch polls every second instead');
    stopPolling = await pollTree(rootRealPath, base, batcher);
  }
  return {
    async stop() {
      tree.stop();
      stopPolling?.();
      batcher.stop();
    },
  };
}
