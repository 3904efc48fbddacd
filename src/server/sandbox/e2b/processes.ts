import { shielded } from '../callbacks';
import { OutputCollector } from '../output';
import { resolveProjectPath } from '../paths';
import type { CommandHandle, CommandOptions, CommandResult, ProcessInfo, PtyOptions, SandboxCommands, SandboxPty } from '../types';
import type { E2BSandboxInstance } from './client';
import { CommandExitError, mapErrors, TimeoutError, toAppError } from './errors';
import { toAbsolute } from './files';

const TIMEOUT_EXIT_CODE = 124;

export interface E2BCommandLimits {
  commandTimeoutMs: number;
  maxOutputBytes: number;
}

/** Commands over e2b's: `run` is a background start plus a wait, so the output cap and abort work the same as locally. */
export class E2BCommands implements SandboxCommands {
  private readonly startedAt = new Map<number, Date>();

  constructor(
    private readonly sdk: E2BSandboxInstance,
    private readonly limits: E2BCommandLimits,
  ) {}

  async run(cmd: string, options: CommandOptions = {}): Promise<CommandResult> {
    const handle = await this.launch(cmd, options, options.timeoutMs ?? this.limits.commandTimeoutMs);
    return handle.wait();
  }

  // The SDK kills background commands after 60 s unless told otherwise: a started server must live on.
  async start(cmd: string, options: CommandOptions = {}): Promise<CommandHandle> {
    return this.launch(cmd, options, options.timeoutMs ?? 0);
  }

  async list(): Promise<ProcessInfo[]> {
    const processes = await mapErrors(() => this.sdk.commands.list());
    return processes.map(({ pid, cmd, args }) => {
      // The SDK runs `/bin/bash -l -c <cmd>`: show what the caller ran.
      const script = args.includes('-c') ? args[args.indexOf('-c') + 1] : undefined;
      return { pid, cmd: script ?? [cmd, ...args].join(' '), startedAt: this.startedAt.get(pid) };
    });
  }

  async kill(pid: number): Promise<boolean> {
    return mapErrors(() => this.sdk.commands.kill(pid));
  }

  private async launch(cmd: string, options: CommandOptions, timeoutMs: number): Promise<CommandHandle> {
    const cwd = toAbsolute(resolveProjectPath(options.cwd ?? ''));
    const output = new OutputCollector(this.limits.maxOutputBytes);
    const onStdout = shielded(options.onStdout, 'stdout');
    const onStderr = shielded(options.onStderr, 'stderr');
    const handle = await mapErrors(() =>
      this.sdk.commands.run(cmd, {
        background: true,
        cwd,
        envs: options.envs,
        timeoutMs,
        onStdout: (chunk) => {
          output.push('stdout', chunk);
          onStdout(chunk);
        },
        onStderr: (chunk) => {
          output.push('stderr', chunk);
          onStderr(chunk);
        },
      }),
    );
    this.startedAt.set(handle.pid, new Date());
    const kill = () => mapErrors(() => handle.kill());
    const abort = () => void kill().catch(() => {});
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.signal?.aborted) abort();

    const result = handle.wait().then(
      (done) => output.result(done.exitCode),
      (error: unknown) => {
        if (error instanceof CommandExitError) return output.result(error.exitCode);
        if (error instanceof TimeoutError) {
          abort(); // the SDK stops waiting; the process itself must go too
          return output.result(TIMEOUT_EXIT_CODE);
        }
        throw toAppError(error);
      },
    );
    const settled = result.finally(() => {
      this.startedAt.delete(handle.pid);
      options.signal?.removeEventListener('abort', abort);
    });
    settled.catch(() => {}); // the caller observes failures through wait()
    return { pid: handle.pid, wait: () => settled, kill };
  }
}

/** Terminals over e2b's PTYs. */
export class E2BPty implements SandboxPty {
  constructor(private readonly sdk: E2BSandboxInstance) {}

  async create(options: PtyOptions): Promise<{ pid: number }> {
    const cwd = toAbsolute(resolveProjectPath(options.cwd ?? ''));
    const onData = shielded(options.onData, 'terminal data');
    const onExit = shielded(options.onExit, 'terminal exit');
    const handle = await mapErrors(() =>
      this.sdk.pty.create({
        cols: options.cols,
        rows: options.rows,
        cwd,
        envs: { TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.envs },
        onData: (data) => onData(data),
        timeoutMs: 0, // a terminal lives until it is killed or the sandbox stops
      }),
    );
    handle.wait().then(
      (done) => onExit(done.exitCode),
      (error: unknown) => onExit(error instanceof CommandExitError ? error.exitCode : -1),
    );
    return { pid: handle.pid };
  }

  async sendInput(pid: number, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    await mapErrors(() => this.sdk.pty.sendInput(pid, bytes));
  }

  async resize(pid: number, size: { cols: number; rows: number }): Promise<void> {
    await mapErrors(() => this.sdk.pty.resize(pid, size));
  }

  async kill(pid: number): Promise<boolean> {
    return mapErrors(() => this.sdk.pty.kill(pid));
  }
}
