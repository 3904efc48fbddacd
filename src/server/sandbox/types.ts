/**
 * The sandbox contract, shaped like the e2b SDK so that both providers fit it. Paths are always
 * relative to the sandbox's project folder (`workdir`), POSIX style, validated by
 * `resolveProjectPath` (see paths.ts); providers check them again, and refuse with AppError.
 */

export type ProviderName = 'local' | 'e2b';

export interface SandboxCreateOptions {
  /** Free-form labels, e.g. { projectId, userId }; e2b keeps them as sandbox metadata. */
  metadata?: Record<string, string>;
  /** Idle timeout after which the sandbox may stop; extended with `setTimeout`. */
  timeoutMs?: number;
  envs?: Record<string, string>;
}

export interface SandboxProvider {
  readonly name: ProviderName;
  create(options?: SandboxCreateOptions): Promise<Sandbox>;
  /** Reconnects to a live sandbox; null when it is gone (killed, expired, or the server restarted). */
  connect(sandboxId: string): Promise<Sandbox | null>;
  kill(sandboxId: string): Promise<void>;
  /** Stops every sandbox this process started (server shutdown). */
  shutdown(): Promise<void>;
}

export type EntryType = 'file' | 'dir' | 'symlink';

export interface EntryInfo {
  /** Relative to the project folder, e.g. `src/App.tsx`. */
  path: string;
  name: string;
  type: EntryType;
  size: number;
  modifiedAt: Date;
}

export type FileEventType = 'create' | 'write' | 'remove' | 'rename';

export interface FileEvent {
  type: FileEventType;
  path: string;
}

export interface SandboxFiles {
  /** Entries below `path` ('' is the project root), up to `depth` levels (default 1). */
  list(path: string, options?: { depth?: number }): Promise<EntryInfo[]>;
  read(path: string): Promise<Uint8Array>;
  /** Creates parent folders as needed. */
  write(path: string, data: Uint8Array | string): Promise<EntryInfo>;
  makeDir(path: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Removes a file or a folder with its contents; a path that is already gone is fine. */
  remove(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /**
   * Recursive watch; the handle stops it. Events are batched (one per path per burst), and the
   * insides of `node_modules`, `.git` and `.next` are not reported (the folders themselves are).
   * A move arrives as `remove` of the old path and `create` of the new one.
   */
  watch(path: string, onEvent: (event: FileEvent) => void): Promise<{ stop(): Promise<void> }>;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Output beyond the provider's cap (1 MiB by default, stdout and stderr together) was dropped; callbacks still saw it. */
  truncated: boolean;
}

export interface CommandOptions {
  /** Relative to the project folder. */
  cwd?: string;
  envs?: Record<string, string>;
  /** `run` defaults to 60 s, `start` to none; 0 means none. A command that times out is killed and exits with 124. */
  timeoutMs?: number;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
  signal?: AbortSignal;
}

export interface CommandHandle {
  readonly pid: number;
  wait(): Promise<CommandResult>;
  kill(): Promise<boolean>;
}

export interface ProcessInfo {
  pid: number;
  cmd: string;
  /** Unknown for a process this server did not start (e2b, after reconnecting). */
  startedAt?: Date;
}

export interface SandboxCommands {
  /** Runs in the foreground: resolves when the command exits (or times out: exitCode 124). */
  run(cmd: string, options?: CommandOptions): Promise<CommandResult>;
  /** Starts in the background. */
  start(cmd: string, options?: CommandOptions): Promise<CommandHandle>;
  /** Commands and terminals running in the sandbox (locally: those this server started through the API). */
  list(): Promise<ProcessInfo[]>;
  /** Kills a command or terminal with everything it started; false when there is no such process. */
  kill(pid: number): Promise<boolean>;
}

export interface PtyOptions {
  cols: number;
  rows: number;
  cwd?: string;
  envs?: Record<string, string>;
  onData: (data: Uint8Array) => void;
  onExit?: (exitCode: number) => void;
}

export interface SandboxPty {
  create(options: PtyOptions): Promise<{ pid: number }>;
  sendInput(pid: number, data: Uint8Array | string): Promise<void>;
  resize(pid: number, size: { cols: number; rows: number }): Promise<void>;
  kill(pid: number): Promise<boolean>;
}

export interface Sandbox {
  readonly id: string;
  readonly provider: ProviderName;
  /** The project folder as commands inside the sandbox see it (`/home/user/project`). */
  readonly workdir: string;
  readonly files: SandboxFiles;
  readonly commands: SandboxCommands;
  readonly pty: SandboxPty;
  setTimeout(timeoutMs: number): Promise<void>;
  isRunning(): Promise<boolean>;
  kill(): Promise<void>;
  /** TCP ports something inside the sandbox is listening on. */
  listeningPorts(): Promise<number[]>;
  /** host[:port] where a port inside the sandbox can be reached from the server. */
  getHost(port: number): string;
}
