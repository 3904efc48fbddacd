import { shielded } from './callbacks';
import type { FileEvent, FileEventType } from './types';

/**
 * Folders whose insides a watch does not report: installs and builds touch thousands of files
 * there, which would cost one inotify watch per folder locally and flood the event stream on
 * e2b, and the file store ignores them anyway. The folder itself appearing or going is reported.
 */
const QUIET_FOLDERS = new Set(['node_modules', '.git', '.next']);

export function isQuietFolder(name: string): boolean {
  return QUIET_FOLDERS.has(name);
}

/** True when a project-relative path lies inside a quiet folder. */
export function isInsideQuietFolder(relativePath: string): boolean {
  return relativePath.split('/').slice(0, -1).some(isQuietFolder);
}

// How two events on one path within a batch combine: a file created and then written is
// "created"; created and removed is nothing; removed and recreated (an editor's atomic save) is
// "written".
function merge(previous: FileEventType | undefined, next: FileEventType): FileEventType | null {
  if (previous === 'create' && next === 'write') return 'create';
  if (previous === 'create' && next === 'remove') return null;
  if (previous === 'remove' && next === 'create') return 'write';
  return next;
}

/**
 * Collects events for `delayMs` and delivers each path once, in first-seen order, so the bursts
 * that one save produces (create, several writes) reach the listener as one event.
 */
export function createEventBatcher(listener: (event: FileEvent) => void, delayMs = 50) {
  const onEvent = shielded(listener, 'file event');
  let pending = new Map<string, FileEventType>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = new Map();
    for (const [path, type] of batch) onEvent({ type, path });
  };

  return {
    push(event: FileEvent) {
      if (isInsideQuietFolder(event.path)) return;
      const merged = merge(pending.get(event.path), event.type);
      if (merged === null) pending.delete(event.path);
      else pending.set(event.path, merged);
      timer ??= setTimeout(flush, delayMs);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
    },
  };
}
