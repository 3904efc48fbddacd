import { AppError } from '@/server/errors';
import { getLogger } from '@/server/logger';
import { processSingleton } from '@/server/registry';
import type { Sandbox } from '../types';
import { createCgroup, type SandboxCgroup } from './cgroup';
import { LocalCommands } from './commands';
import { LocalFiles } from './files';
import { SANDBOX_WORKDIR, type Isolation } from './isolation';
import type { LocalLimits } from './options';
import { listeningPorts, processTree } from './ports';
import { LocalPty } from './pty';
import { ProcessTable, type LocalRuntime } from './runtime';

// The missing-cgroups warning is logged once per process.
const cgroupWarning = () => processSingleton('sandbox.local.cgroup-warning', () => ({ logged: false }));

export interface LocalSandboxInit {
  id: string;
  isolation: Isolation;
  dirs: { project: string; home: string; projectReal: string };
  limits: LocalLimits;
  envs: Record<string, string>;
  useCgroups: boolean;
  timeoutMs: number;
  /** The provider forgets a sandbox once it has stopped (expired or killed). */
  onStopped(sandbox: LocalSandbox): void;
  /** `kill()` is the provider's kill: processes, then the folder. */
  kill(id: string): Promise<void>;
}

/**
 * A sandbox on this machine. When its timeout passes, its processes are killed and it stops
 * (`isRunning()` false, commands refused); its files stay, and `connect` gives a fresh handle.
 */
export class LocalSandbox implements Sandbox {
  readonly provider = 'local' as const;
  readonly id: string;
  readonly workdir: string;
  readonly files: LocalFiles;
  readonly commands: LocalCommands;
  readonly pty: LocalPty;
  private state: 'running' | 'stopped' = 'running';
  private timer: NodeJS.Timeout | undefined;
  private stopping: Promise<void> | undefined;
  private cgroupReady: Promise<SandboxCgroup | null> | undefined;
  private readonly runtime: LocalRuntime;

  constructor(private readonly init: LocalSandboxInit) {
    this.id = init.id;
    this.workdir = init.isolation.kind === 'bwrap' ? SANDBOX_WORKDIR : init.dirs.projectReal;
    this.runtime = {
      isolation: init.isolation,
      dirs: init.dirs,
      limits: init.limits,
      envs: init.envs,
      processes: new ProcessTable(),
      cgroup: () => (this.cgroupReady ??= this.createCgroup()),
      assertRunning: () => {
        if (this.state !== 'running') throw new AppError('NOT_FOUND', 'This sandbox has stopped; reconnect to start it again.');
      },
    };
    this.files = new LocalFiles(init.dirs.projectReal);
    this.commands = new LocalCommands(this.runtime);
    this.pty = new LocalPty(this.runtime);
    this.armTimer(init.timeoutMs);
  }

  async setTimeout(timeoutMs: number): Promise<void> {
    this.runtime.assertRunning();
    this.armTimer(timeoutMs);
  }

  async isRunning(): Promise<boolean> {
    return this.state === 'running';
  }

  async kill(): Promise<void> {
    await this.init.kill(this.id);
  }

  async listeningPorts(): Promise<number[]> {
    const cgroup = this.cgroupReady ? await this.cgroupReady : null;
    const pids = cgroup ? await cgroup.pids() : await processTree(this.runtime.processes.pids());
    return listeningPorts(pids);
  }

  /** Which limits the host lets this sandbox enforce (for diagnostics and tests). */
  async enforcedLimits(): Promise<{ isolated: boolean; processes: boolean; memory: boolean }> {
    const cgroup = await this.runtime.cgroup();
    return { isolated: this.init.isolation.kind === 'bwrap', processes: cgroup?.enforces.processes ?? false, memory: cgroup?.enforces.memory ?? false };
  }

  getHost(port: number): string {
    return `127.0.0.1:${port}`;
  }

  /** Kills every process of the sandbox (files stay) and marks it stopped; settles once all is gone. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.state = 'stopped';
      clearTimeout(this.timer);
      await this.runtime.processes.killAll();
      const cgroup = this.cgroupReady ? await this.cgroupReady : null;
      await cgroup?.remove();
      this.init.onStopped(this);
    })();
    return this.stopping;
  }

  private armTimer(timeoutMs: number) {
    clearTimeout(this.timer);
    // Node fires timers longer than 2^31-1 ms at once; e2b's own maximum is 24 hours anyway.
    const delay = Math.min(Math.max(timeoutMs, 0), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      void this.stop().catch((error: unknown) => getLogger().error({ err: error, sandboxId: this.id }, 'could not stop an expired sandbox'));
    }, delay);
    this.timer.unref(); // an idle sandbox must not keep the server (or a test run) alive
  }

  private async createCgroup(): Promise<SandboxCgroup | null> {
    if (!this.init.useCgroups) return null;
    const cgroup = await createCgroup(this.id, this.init.limits);
    const warning = cgroupWarning();
    if ((!cgroup?.enforces.processes || !cgroup.enforces.memory) && !warning.logged) {
      warning.logged = true;
      getLogger().warn(
        { sandboxId: this.id, enforces: cgroup?.enforces ?? { processes: false, memory: false } },
        'cgroups are not available for every limit here; sandbox process and memory limits are partly unenforced',
      );
    }
    return cgroup;
  }
}
