import { hashContent } from '@/server/files/tree';
import { processSingleton } from '@/server/registry';

/**
 * What this server itself just wrote into a sandbox, by project and path. The sandbox watcher
 * sees those writes too, sometimes late: by then the store may hold a newer save, and storing the
 * echo would undo it. So an echo of our own write is never stored back.
 */
const REMEMBER_MS = 30_000;
// Process-wide: the write-through (a route) and the watcher (started by whichever chunk) must share it.
const writes = () => processSingleton('workspace.echo-guard', () => new Map<string, Map<string, number>>());

const keyOf = (projectId: string, path: string) => `${projectId}\0${path}`;

/** Records content written through to the sandbox (null: a deletion). */
export function rememberWriteThrough(projectId: string, path: string, content: Uint8Array | null): void {
  const written = writes();
  const key = keyOf(projectId, path);
  const hashes = written.get(key) ?? new Map<string, number>();
  const now = Date.now();
  for (const [hash, at] of hashes) if (now - at > REMEMBER_MS) hashes.delete(hash);
  hashes.set(content ? hashContent(content) : 'deleted', now);
  written.set(key, hashes);
}

/** True when a change seen in the sandbox is one we wrote ourselves, recently. */
export function isOwnEcho(projectId: string, path: string, content: Uint8Array | null): boolean {
  const at = writes().get(keyOf(projectId, path))?.get(content ? hashContent(content) : 'deleted');
  return at !== undefined && Date.now() - at <= REMEMBER_MS;
}
