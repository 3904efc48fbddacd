import { FilesystemEventType, type FilesystemEvent } from 'e2b';
import { createEventBatcher } from '../file-events';
import { resolveProjectPath } from '../paths';
import type { EntryInfo, FileEvent, FileEventType, SandboxFiles } from '../types';
import type { E2BSandboxInstance } from './client';
import { mapErrors, NotFoundError } from './errors';

export const E2B_WORKDIR = '/home/user/project';

/** Project-relative (already validated) → absolute inside the VM. */
export const toAbsolute = (relative: string) => (relative ? `${E2B_WORKDIR}/${relative}` : E2B_WORKDIR);

/** Absolute inside the VM → project-relative, or null when outside the project. */
export function toRelative(absolute: string): string | null {
  if (absolute === E2B_WORKDIR) return '';
  return absolute.startsWith(`${E2B_WORKDIR}/`) ? absolute.slice(E2B_WORKDIR.length + 1) : null;
}

// A move reports the old name as "rename" and the new one as "create"; for a listener the old
// name is simply gone, as it is locally. chmod changes no content and is dropped.
const EVENT_TYPES: Partial<Record<FilesystemEventType, FileEventType>> = {
  [FilesystemEventType.CREATE]: 'create',
  [FilesystemEventType.WRITE]: 'write',
  [FilesystemEventType.REMOVE]: 'remove',
  [FilesystemEventType.RENAME]: 'remove',
};

/** The files API over e2b's: paths validated here, then mapped below /home/user/project. */
export class E2BFiles implements SandboxFiles {
  constructor(private readonly sdk: E2BSandboxInstance) {}

  async list(userPath: string, options: { depth?: number } = {}): Promise<EntryInfo[]> {
    const relative = resolveProjectPath(userPath);
    const entries = await mapErrors(() => this.sdk.files.list(toAbsolute(relative), { depth: Math.max(1, options.depth ?? 1) }), userPath);
    return entries
      .flatMap((entry): EntryInfo[] => {
        const path = toRelative(entry.path);
        if (path === null || path === '') return [];
        return [{ path, name: entry.name, type: entry.type ?? 'file', size: entry.size, modifiedAt: entry.modifiedTime ?? new Date(0) }];
      })
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  async read(userPath: string): Promise<Uint8Array> {
    const absolute = toAbsolute(resolveProjectPath(userPath));
    return mapErrors(() => this.sdk.files.read(absolute, { format: 'bytes' }), userPath);
  }

  async write(userPath: string, data: Uint8Array | string): Promise<EntryInfo> {
    const relative = resolveProjectPath(userPath, { write: true });
    // A copy into a plain ArrayBuffer: the SDK takes ArrayBuffer, not a view into a larger one.
    const body = typeof data === 'string' ? data : new Uint8Array(data).buffer;
    const info = await mapErrors(() => this.sdk.files.write(toAbsolute(relative), body), userPath);
    const size = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
    // The write returns no size or time; these save a round trip per file.
    return { path: relative, name: info.name, type: 'file', size, modifiedAt: new Date() };
  }

  async makeDir(userPath: string): Promise<void> {
    const absolute = toAbsolute(resolveProjectPath(userPath, { write: true }));
    await mapErrors(() => this.sdk.files.makeDir(absolute), userPath);
  }

  async rename(from: string, to: string): Promise<void> {
    const source = toAbsolute(resolveProjectPath(from, { write: true }));
    const target = toAbsolute(resolveProjectPath(to, { write: true }));
    await mapErrors(() => this.sdk.files.rename(source, target), from);
  }

  async remove(userPath: string): Promise<void> {
    const absolute = toAbsolute(resolveProjectPath(userPath, { write: true }));
    try {
      await this.sdk.files.remove(absolute);
    } catch (error) {
      if (!(error instanceof NotFoundError)) await mapErrors(() => Promise.reject(error), userPath);
    }
  }

  async exists(userPath: string): Promise<boolean> {
    const absolute = toAbsolute(resolveProjectPath(userPath));
    return mapErrors(() => this.sdk.files.exists(absolute), userPath);
  }

  async watch(userPath: string, onEvent: (event: FileEvent) => void): Promise<{ stop(): Promise<void> }> {
    const relative = resolveProjectPath(userPath);
    const batcher = createEventBatcher(onEvent);
    const handle = await mapErrors(
      () =>
        this.sdk.files.watchDir(
          toAbsolute(relative),
          (event: FilesystemEvent) => {
            const type = EVENT_TYPES[event.type];
            if (type) batcher.push({ type, path: relative ? `${relative}/${event.name}` : event.name });
          },
          { recursive: true, timeoutMs: 0 }, // 0: as long as the handle lives (the SDK's default is 60 s)
        ),
      userPath,
    );
    return {
      async stop() {
        batcher.stop();
        await handle.stop();
      },
    };
  }
}
