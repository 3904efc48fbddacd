import { access, mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/*
 * Process and memory limits through cgroups, when the server may create them (root, or a
 * delegated subtree). Each sandbox gets `<server's own cgroup>/aura-sandboxes/<id>`, nested
 * under the server's cgroup so the host's own limits still cover it. cgroup v1 (one folder per
 * controller) and v2 (one folder) both work; v2 needs its controllers delegated to the server's
 * cgroup, which many hosts don't do, and then the limits are simply not enforced.
 * RLIMIT_NPROC is not a substitute (root ignores it, and it counts per user, not per sandbox),
 * nor is RLIMIT_AS (Node reserves far more address space than it uses).
 */

const ROOT = '/sys/fs/cgroup';
const SUBTREE = 'aura-sandboxes';

export interface CgroupLimits {
  maxProcesses: number;
  memoryBytes: number;
}

export interface SandboxCgroup {
  /** Files a process writes its pid to, to join (one per hierarchy). */
  readonly procsFiles: string[];
  readonly enforces: { processes: boolean; memory: boolean };
  pids(): Promise<number[]>;
  /** Kills every process in the cgroup, however it was started or detached. */
  killAll(): Promise<void>;
  /** Kills everything and removes the cgroup. */
  remove(): Promise<void>;
}

interface Controller {
  name: 'pids' | 'memory';
  dir: string;
  limits: Array<[file: string, value: string]>;
}

export async function createCgroup(name: string, limits: CgroupLimits): Promise<SandboxCgroup | null> {
  const controllers = await locateControllers(name, limits).catch(() => []);
  const working: Controller[] = [];
  for (const controller of controllers) {
    try {
      await mkdir(controller.dir, { recursive: true });
      for (const [file, value] of controller.limits) await writeFile(path.join(controller.dir, file), value);
      working.push(controller);
    } catch {
      await rmdir(controller.dir).catch(() => {});
    }
  }
  if (working.length === 0) return null;
  // In v2 one folder serves both controllers, and it must be joined once.
  const dirs = [...new Set(working.map((controller) => controller.dir))];
  return new Cgroup(dirs, { processes: working.some((c) => c.name === 'pids'), memory: working.some((c) => c.name === 'memory') });
}

class Cgroup implements SandboxCgroup {
  readonly procsFiles: string[];

  constructor(
    private readonly dirs: string[],
    readonly enforces: { processes: boolean; memory: boolean },
  ) {
    this.procsFiles = dirs.map((dir) => path.join(dir, 'cgroup.procs'));
  }

  async pids(): Promise<number[]> {
    const lists = await Promise.all(this.procsFiles.map((file) => readFile(file, 'utf8').catch(() => '')));
    return [...new Set(lists.join('\n').split('\n').filter(Boolean).map(Number))];
  }

  async killAll(): Promise<void> {
    // Looping covers processes forked while the previous round was being killed.
    for (let round = 0; round < 50; round += 1) {
      const pids = await this.pids();
      if (pids.length === 0) return;
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async remove(): Promise<void> {
    await this.killAll();
    for (const dir of this.dirs) {
      // A killed process leaves the cgroup only once it has been reaped: retry briefly.
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const done = await rmdir(dir).then(
          () => true,
          (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
        );
        if (done) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
}

async function locateControllers(name: string, limits: CgroupLimits): Promise<Controller[]> {
  const lines = (await readFile('/proc/self/cgroup', 'utf8')).trim().split('\n');
  const controllers: Controller[] = [];
  const v1 = (controller: string) => lines.map((line) => line.split(':')).find(([, list = '']) => list.split(',').includes(controller))?.[2];
  const pidsPath = v1('pids');
  const memoryPath = v1('memory');
  if (pidsPath !== undefined) {
    controllers.push({ name: 'pids', dir: path.join(ROOT, 'pids', pidsPath, SUBTREE, name), limits: [['pids.max', String(limits.maxProcesses)]] });
  }
  if (memoryPath !== undefined) {
    const dir = path.join(ROOT, 'memory', memoryPath, SUBTREE, name);
    const memsw = await exists(path.join(ROOT, 'memory', memoryPath, 'memory.memsw.limit_in_bytes'));
    const bytes = String(limits.memoryBytes);
    // memsw (memory + swap) may only be set once the plain limit is, and is at least as large.
    controllers.push({ name: 'memory', dir, limits: [['memory.limit_in_bytes', bytes], ...(memsw ? [['memory.memsw.limit_in_bytes', bytes] as [string, string]] : [])] });
  }
  const unifiedPath = lines.find((line) => line.startsWith('0::'))?.slice(3);
  const missing = (['pids', 'memory'] as const).filter((c) => (c === 'pids' ? pidsPath : memoryPath) === undefined);
  if (unifiedPath !== undefined && missing.length > 0) controllers.push(...(await locateV2(unifiedPath, missing, name, limits).catch(() => [])));
  return controllers;
}

async function locateV2(ownPath: string, wanted: Array<'pids' | 'memory'>, name: string, limits: CgroupLimits): Promise<Controller[]> {
  const mount = (await exists(path.join(ROOT, 'cgroup.controllers'))) ? ROOT : path.join(ROOT, 'unified');
  const parent = path.join(mount, ownPath, SUBTREE);
  await mkdir(parent, { recursive: true });
  // Fails unless the server's cgroup delegates these controllers: then nothing is enforced.
  await writeFile(path.join(parent, 'cgroup.subtree_control'), wanted.map((c) => `+${c}`).join(' '));
  const dir = path.join(parent, name);
  const swap = await exists(path.join(parent, 'memory.swap.max'));
  return wanted.map((c): Controller =>
    c === 'pids'
      ? { name: c, dir, limits: [['pids.max', String(limits.maxProcesses)]] }
      : { name: c, dir, limits: [['memory.max', String(limits.memoryBytes)], ...(swap ? [['memory.swap.max', '0'] as [string, string]] : [])] },
  );
}

function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
