import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/server/errors';
import { assertInsideWorkspace, resolveProjectPath } from '../paths';
import type { ProcessInfo } from '../types';
import type { SandboxCgroup } from './cgroup';
import { buildLaunch, SANDBOX_HOME, sandboxEnv, type Isolation, type Launch } from './isolation';
import type { LocalLimits } from './options';

/** What a local sandbox's commands and terminals share. */
export interface LocalRuntime {
  readonly isolation: Isolation;
  readonly dirs: { project: string; home: string; projectReal: string };
  readonly limits: LocalLimits;
  /** Sandbox-wide variables given at create. */
  readonly envs: Record<string, string>;
  readonly processes: ProcessTable;
  cgroup(): Promise<SandboxCgroup | null>;
  assertRunning(): void;
}

export interface TrackedProcess {
  pid: number;
  cmd: string;
  startedAt: Date;
  /** Kills the process with everything it started; false when it had already ended. */
  kill(): Promise<boolean>;
  /** Settles once the process has ended and been reaped. */
  ended: Promise<unknown>;
}

/** The commands and terminals a sandbox started through the API: only these may be listed or killed by pid. */
export class ProcessTable {
  private readonly byPid = new Map<number, TrackedProcess>();
  private closed = false;

  add(tracked: TrackedProcess) {
    // A launch that raced with the sandbox stopping must not outlive it.
    if (this.closed) void tracked.kill();
    this.byPid.set(tracked.pid, tracked);
    const forget = () => this.byPid.delete(tracked.pid);
    void tracked.ended.then(forget, forget);
  }

  get(pid: number) {
    return this.byPid.get(pid);
  }

  get size() {
    return this.byPid.size;
  }

  pids() {
    return [...this.byPid.keys()];
  }

  list(): ProcessInfo[] {
    return [...this.byPid.values()].map(({ pid, cmd, startedAt }) => ({ pid, cmd, startedAt }));
  }

  async killAll(waitMs = 5_000): Promise<void> {
    this.closed = true;
    const all = [...this.byPid.values()];
    await Promise.all(all.map((tracked) => tracked.kill()));
    const deadline = new Promise((resolve) => setTimeout(resolve, waitMs).unref());
    await Promise.race([Promise.allSettled(all.map((tracked) => tracked.ended)), deadline]);
  }
}

/** Kills a process group (a command or terminal is its own session); false when none is left. */
export function killGroup(pid: number): boolean {
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Checks what a caller asked for and builds the host command line for it. */
export async function prepareLaunch(
  runtime: LocalRuntime,
  request: { argv: string[]; cwd?: string; envs?: Record<string, string>; tty: boolean },
): Promise<Launch> {
  runtime.assertRunning();
  if (runtime.processes.size >= runtime.limits.maxCommands) {
    throw new AppError('TOO_MANY_REQUESTS', `This sandbox already runs ${runtime.limits.maxCommands} commands and terminals; stop one first.`);
  }
  const cwd = resolveProjectPath(request.cwd ?? '');
  const real = await assertInsideWorkspace(runtime.dirs.projectReal, path.join(runtime.dirs.projectReal, cwd));
  const isFolder = await stat(real).then((stats) => stats.isDirectory(), () => false);
  if (!isFolder) throw new AppError('NOT_FOUND', `The folder "${cwd}" does not exist in the sandbox.`);

  const home = runtime.isolation.kind === 'bwrap' ? SANDBOX_HOME : runtime.dirs.home;
  const env = sandboxEnv(runtime.isolation, home, request.tty, runtime.envs, request.envs);
  const cgroup = await runtime.cgroup();
  return buildLaunch(
    runtime.isolation,
    { project: runtime.dirs.project, home: runtime.dirs.home },
    { tmpfsBytes: runtime.limits.tmpfsBytes, cgroupProcs: cgroup?.procsFiles ?? [] },
    { argv: request.argv, cwd: path.relative(runtime.dirs.projectReal, real).split(path.sep).join('/'), env, tty: request.tty },
  );
}
