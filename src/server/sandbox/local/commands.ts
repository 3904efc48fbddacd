import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { shielded } from '../callbacks';
import { OutputCollector } from '../output';
import type { CommandHandle, CommandOptions, CommandResult, ProcessInfo, SandboxCommands } from '../types';
import { killGroup, prepareLaunch, type LocalRuntime } from './runtime';

const TIMEOUT_EXIT_CODE = 124;

/** Commands of a local sandbox: `bash -c` in its own session, inside bubblewrap when available. */
export class LocalCommands implements SandboxCommands {
  constructor(private readonly runtime: LocalRuntime) {}

  async run(cmd: string, options: CommandOptions = {}): Promise<CommandResult> {
    const handle = await this.launch(cmd, options, options.timeoutMs ?? this.runtime.limits.commandTimeoutMs);
    return handle.wait();
  }

  async start(cmd: string, options: CommandOptions = {}): Promise<CommandHandle> {
    return this.launch(cmd, options, options.timeoutMs ?? 0);
  }

  async list(): Promise<ProcessInfo[]> {
    return this.runtime.processes.list();
  }

  async kill(pid: number): Promise<boolean> {
    // Only what this sandbox started: a pid is never passed to the host's kill() unchecked.
    return (await this.runtime.processes.get(pid)?.kill()) ?? false;
  }

  private async launch(cmd: string, options: CommandOptions, timeoutMs: number): Promise<CommandHandle> {
    const launch = await prepareLaunch(this.runtime, { argv: ['/bin/bash', '-c', cmd], cwd: options.cwd, envs: options.envs, tty: false });
    // detached: its own session and process group, so the whole group can be killed at once.
    const child = spawn(launch.file, launch.args, { env: launch.env, cwd: launch.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = await spawned(child);

    const output = new OutputCollector(this.runtime.limits.maxOutputBytes);
    const collect = (stream: 'stdout' | 'stderr', callback?: (chunk: string) => void) => {
      const decoder = new StringDecoder('utf8');
      const take = (text: string) => {
        output.push(stream, text);
        if (text) callback?.(text);
      };
      child[stream]?.on('data', (chunk: Buffer) => take(decoder.write(chunk)));
      child[stream]?.on('end', () => take(decoder.end()));
    };
    collect('stdout', shielded(options.onStdout, 'stdout'));
    collect('stderr', shielded(options.onStderr, 'stderr'));

    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), killGroup(pid)), timeoutMs) : undefined;
    const abort = () => killGroup(pid);
    options.signal?.addEventListener('abort', abort, { once: true });
    if (options.signal?.aborted) abort();

    let running = true;
    // What the command left running dies with it, as it does in bubblewrap's pid namespace.
    child.on('exit', () => killGroup(pid));
    const result = new Promise<CommandResult>((resolve) => {
      child.on('close', (code, signal) => {
        running = false;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', abort);
        const exitCode = timedOut ? TIMEOUT_EXIT_CODE : (code ?? 128 + (signal ? constants.signals[signal] : 0));
        resolve(output.result(exitCode));
      });
    });
    const kill = async () => running && killGroup(pid);
    this.runtime.processes.add({ pid, cmd, startedAt: new Date(), kill, ended: result });
    return { pid, wait: () => result, kill };
  }
}

function spawned(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () => {
      child.off('error', reject);
      child.on('error', () => {}); // later errors (a failed kill) are not the caller's to handle
      resolve(child.pid ?? -1);
    });
  });
}
