import { parseListeningSockets } from '../proc-net';
import type { Sandbox } from '../types';
import type { E2BSandboxInstance } from './client';
import { CommandExitError, mapErrors } from './errors';
import { E2B_WORKDIR, E2BFiles } from './files';
import { E2BCommands, E2BPty, type E2BCommandLimits } from './processes';

// envd, the SDK's agent inside the VM, listens here; it is infrastructure, not the user's server.
const INFRASTRUCTURE_PORTS = new Set([49983]);

/** One e2b sandbox behind Aura's contract. */
export class E2BSandbox implements Sandbox {
  readonly provider = 'e2b' as const;
  readonly id: string;
  readonly workdir = E2B_WORKDIR;
  readonly files: E2BFiles;
  readonly commands: E2BCommands;
  readonly pty: E2BPty;

  constructor(
    private readonly sdk: E2BSandboxInstance,
    limits: E2BCommandLimits,
    private readonly onKilled: (id: string) => void,
  ) {
    this.id = sdk.sandboxId;
    this.files = new E2BFiles(sdk);
    this.commands = new E2BCommands(sdk, limits);
    this.pty = new E2BPty(sdk);
  }

  async setTimeout(timeoutMs: number): Promise<void> {
    await mapErrors(() => this.sdk.setTimeout(timeoutMs));
  }

  async isRunning(): Promise<boolean> {
    return this.sdk.isRunning();
  }

  async kill(): Promise<void> {
    await mapErrors(() => this.sdk.kill());
    this.onKilled(this.id);
  }

  /** Everything listening in the VM is the sandbox's: read the kernel's tables through a command. */
  async listeningPorts(): Promise<number[]> {
    const script = 'cat /proc/net/tcp /proc/net/tcp6 2>/dev/null';
    const stdout = await this.sdk.commands.run(script, { timeoutMs: 10_000 }).then(
      (result) => result.stdout,
      // tcp6 is missing when IPv6 is off: cat fails, but tcp was printed.
      (error: unknown) => {
        if (error instanceof CommandExitError) return error.stdout;
        return mapErrors(() => Promise.reject(error));
      },
    );
    const ports = parseListeningSockets(stdout).map((socket) => socket.port);
    return [...new Set(ports)].filter((port) => !INFRASTRUCTURE_PORTS.has(port)).sort((a, b) => a - b);
  }

  getHost(port: number): string {
    return this.sdk.getHost(port);
  }
}
