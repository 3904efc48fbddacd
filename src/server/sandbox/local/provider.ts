import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SandboxCreateOptions, SandboxProvider } from '../types';
import { assertValidEnvs, detectIsolation, type Isolation } from './isolation';
import { resolveLimits, type LocalLimits, type LocalProviderOptions } from './options';
import { DirRef, removeEntry } from './safe-fs';
import { LocalSandbox } from './sandbox';

const SANDBOX_ID = /^[a-z0-9]{8,64}$/;

interface SandboxMeta {
  createdAt: string;
  metadata: Record<string, string>;
  envs: Record<string, string>;
}

/**
 * Sandboxes on this machine, one folder each: `<dataDir>/sandboxes/<id>/project` is the project
 * (the only thing a sandbox can write), `home` is HOME when bubblewrap is missing, and
 * `meta.json` (outside the project, so invisible inside) keeps metadata and envs for `connect`
 * after a server restart. Processes never survive a restart; folders do.
 */
export class LocalSandboxProvider implements SandboxProvider {
  readonly name = 'local' as const;
  private readonly root: string;
  private readonly limits: LocalLimits;
  private readonly live = new Map<string, Promise<LocalSandbox>>();
  private isolation: Promise<Isolation> | undefined;

  constructor(private readonly options: LocalProviderOptions) {
    this.root = path.join(path.resolve(options.dataDir), 'sandboxes');
    this.limits = resolveLimits(options);
  }

  async create(options: SandboxCreateOptions = {}): Promise<LocalSandbox> {
    const envs = options.envs ?? {};
    assertValidEnvs(envs); // now rather than at the first command
    const id = randomBytes(10).toString('hex');
    const dir = path.join(this.root, id);
    await mkdir(this.root, { recursive: true, mode: 0o700 }); // projects are private to the server's user
    await mkdir(path.join(dir, 'project'), { recursive: true });
    await mkdir(path.join(dir, 'home'), { recursive: true });
    const meta: SandboxMeta = { createdAt: new Date().toISOString(), metadata: options.metadata ?? {}, envs };
    await writeFile(path.join(dir, 'meta.json'), JSON.stringify(meta), { mode: 0o600 });
    return this.open(id, meta, options.timeoutMs);
  }

  async connect(sandboxId: string): Promise<LocalSandbox | null> {
    if (!SANDBOX_ID.test(sandboxId)) return null;
    const known = await this.live.get(sandboxId)?.catch(() => null);
    if (known) {
      if ((await known.isRunning()) && (await exists(path.join(this.root, sandboxId, 'project')))) return known;
      await known.stop(); // expired, or its folder was removed under it: finish stopping, then start afresh
    }
    const meta = await this.readMeta(sandboxId);
    return meta ? this.open(sandboxId, meta) : null;
  }

  async kill(sandboxId: string): Promise<void> {
    // The id names a folder to delete: anything but our own format is refused before it reaches a path.
    if (!SANDBOX_ID.test(sandboxId)) return;
    const sandbox = await this.live.get(sandboxId)?.catch(() => null);
    await sandbox?.stop();
    const sandboxes = await realpath(this.root)
      .then((root) => DirRef.open(root))
      .catch(() => null);
    if (!sandboxes) return;
    try {
      await removeEntry(sandboxes, sandboxId).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    } finally {
      await sandboxes.close();
    }
  }

  async shutdown(): Promise<void> {
    const sandboxes = await Promise.allSettled(this.live.values());
    await Promise.all(sandboxes.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
  }

  private open(id: string, meta: SandboxMeta, timeoutMs?: number): Promise<LocalSandbox> {
    const forget = () => {
      if (this.live.get(id) === opening) this.live.delete(id);
    };
    const opening: Promise<LocalSandbox> = (async () => {
      this.isolation ??= detectIsolation(this.options.isolation ?? 'auto', path.dirname(this.root));
      const isolation = await this.isolation;
      const project = path.join(this.root, id, 'project');
      return new LocalSandbox({
        id,
        isolation,
        dirs: { project, home: path.join(this.root, id, 'home'), projectReal: await realpath(project) },
        limits: this.limits,
        envs: meta.envs,
        useCgroups: this.options.cgroups !== false,
        timeoutMs: timeoutMs ?? this.limits.defaultTimeoutMs,
        onStopped: forget,
        kill: (sandboxId) => this.kill(sandboxId),
      });
    })();
    this.live.set(id, opening);
    opening.catch(forget);
    return opening;
  }

  private async readMeta(id: string): Promise<SandboxMeta | null> {
    try {
      const meta = JSON.parse(await readFile(path.join(this.root, id, 'meta.json'), 'utf8')) as Partial<SandboxMeta>;
      await realpath(path.join(this.root, id, 'project'));
      return { createdAt: String(meta.createdAt), metadata: meta.metadata ?? {}, envs: meta.envs ?? {} };
    } catch {
      return null;
    }
  }
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
