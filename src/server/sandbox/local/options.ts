import { DEFAULT_MAX_OUTPUT_BYTES } from '../output';

/** Options of the local provider; everything but `dataDir` has a default. */
export interface LocalProviderOptions {
  /** Sandboxes live in `<dataDir>/sandboxes/<id>/project`. */
  dataDir: string;
  /** `auto` (default) uses bubblewrap when it works here and warns when it doesn't. */
  isolation?: 'auto' | 'bwrap' | 'none';
  /** Create a cgroup per sandbox for the process and memory limits when the host allows (default true). */
  cgroups?: boolean;
  /** Idle timeout of a new or reconnected sandbox, like e2b's (default 5 minutes). */
  defaultTimeoutMs?: number;
  /** Timeout of `commands.run` when the caller gives none (default 60 s, like e2b). */
  commandTimeoutMs?: number;
  /** Bytes of stdout + stderr a command's result keeps (default 1 MiB). */
  maxOutputBytes?: number;
  /** Commands and terminals running at once through the API (default 32). */
  maxCommands?: number;
  /** Tasks (processes and threads) in the whole sandbox, through the pids cgroup (default 1024). */
  maxProcesses?: number;
  /** Memory of the whole sandbox including its tmpfs, through the memory cgroup (default 2 GiB). */
  memoryBytes?: number;
  /** Size of each tmpfs (/tmp and the home folder) inside bubblewrap (default 512 MiB). */
  tmpfsBytes?: number;
}

export type LocalLimits = Required<Omit<LocalProviderOptions, 'dataDir' | 'isolation' | 'cgroups'>>;

export function resolveLimits(options: LocalProviderOptions): LocalLimits {
  return {
    defaultTimeoutMs: options.defaultTimeoutMs ?? 5 * 60_000,
    commandTimeoutMs: options.commandTimeoutMs ?? 60_000,
    maxOutputBytes: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES,
    maxCommands: options.maxCommands ?? 32,
    maxProcesses: options.maxProcesses ?? 1024,
    memoryBytes: options.memoryBytes ?? 2 * 1024 ** 3,
    tmpfsBytes: options.tmpfsBytes ?? 512 * 1024 ** 2,
  };
}
