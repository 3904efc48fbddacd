import { spawn as spawnPty, type IPty } from 'node-pty';
import { AppError } from '@/server/errors';
import { shielded } from '../callbacks';
import type { PtyOptions, SandboxPty } from '../types';
import { killGroup, prepareLaunch, type LocalRuntime } from './runtime';

/** Terminals of a local sandbox: an interactive bash on a node-pty, inside bubblewrap when available. */
export class LocalPty implements SandboxPty {
  private readonly terminals = new Map<number, IPty>();

  constructor(private readonly runtime: LocalRuntime) {}

  async create(options: PtyOptions): Promise<{ pid: number }> {
    assertSize(options);
    const launch = await prepareLaunch(this.runtime, { argv: ['/bin/bash', '-i'], cwd: options.cwd, envs: options.envs, tty: true });
    // encoding null: raw bytes out, so a multi-byte character split across reads survives.
    const terminal = spawnPty(launch.file, launch.args, {
      name: 'xterm-256color',
      cols: options.cols,
      rows: options.rows,
      cwd: launch.cwd,
      env: launch.env,
      encoding: null,
    });
    const pid = terminal.pid;
    const onData = shielded(options.onData, 'terminal data');
    const onExit = shielded(options.onExit, 'terminal exit');
    this.terminals.set(pid, terminal);
    terminal.onData((data: string | Buffer) => onData(typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data)));
    const ended = new Promise<void>((resolve) => {
      terminal.onExit(({ exitCode, signal }) => {
        this.terminals.delete(pid);
        killGroup(pid); // jobs the shell left behind
        onExit(signal ? 128 + signal : exitCode);
        resolve();
      });
    });
    this.runtime.processes.add({ pid, cmd: 'bash -i (terminal)', startedAt: new Date(), kill: async () => this.terminals.has(pid) && killGroup(pid), ended });
    return { pid };
  }

  async sendInput(pid: number, data: Uint8Array | string): Promise<void> {
    this.terminal(pid).write(typeof data === 'string' ? data : Buffer.from(data));
  }

  async resize(pid: number, size: { cols: number; rows: number }): Promise<void> {
    assertSize(size);
    this.terminal(pid).resize(size.cols, size.rows);
  }

  async kill(pid: number): Promise<boolean> {
    if (!this.terminals.has(pid)) return false;
    return killGroup(pid);
  }

  private terminal(pid: number): IPty {
    const terminal = this.terminals.get(pid);
    if (!terminal) throw new AppError('NOT_FOUND', 'That terminal has ended.');
    return terminal;
  }
}

function assertSize({ cols, rows }: { cols: number; rows: number }) {
  const valid = (value: number) => Number.isInteger(value) && value >= 1 && value <= 1_000;
  if (!valid(cols) || !valid(rows)) throw new AppError('BAD_REQUEST', 'A terminal needs 1 to 1000 columns and rows.');
}
