import { spawn } from 'node:child_process';
import { access, mkdir, realpath, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/server/errors';
import { getLogger } from '@/server/logger';

export const SANDBOX_HOME = '/home/user';
export const SANDBOX_WORKDIR = '/home/user/project';
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export type Isolation =
  | { kind: 'bwrap'; bwrapPath: string; etcDir: string; systemArgs: string[]; path: string }
  | { kind: 'none'; path: string };

/*
 * What a sandbox sees of the host: /usr (and the merged-/usr links), the Node install if it lives
 * elsewhere, and a short list of /etc files needed for DNS, TLS, shells and the dynamic linker.
 * Not /etc as a whole: it holds shadow, ssl/private, machine-id, git and npm config with
 * credentials, and the sandbox user maps to the host's user, so owner-only files would be readable.
 */
const ETC_ENTRIES = [
  'resolv.conf', 'hosts', 'host.conf', 'nsswitch.conf', 'gai.conf', 'services', 'protocols',
  'ssl/certs', 'ssl/openssl.cnf',
  'alternatives', // Debian's awk, editor, pager are links through here
  'ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'localtime', 'timezone',
  'bash.bashrc', 'inputrc', 'terminfo', 'mime.types', 'os-release', 'debian_version',
];
const ROOT_LINKS = ['bin', 'sbin', 'lib', 'lib64', 'lib32', 'libx32'];
const BWRAP_CANDIDATES = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

/** Decides once per provider how processes run: inside bubblewrap when it works here, else plain. */
export async function detectIsolation(mode: 'auto' | 'bwrap' | 'none', dataDir: string): Promise<Isolation> {
  const node = await nodeInstall();
  if (mode !== 'none') {
    const bwrapPath = await firstExisting(BWRAP_CANDIDATES);
    if (bwrapPath) {
      const etcDir = await writeSandboxEtc(dataDir);
      let failure: string | null = null;
      // Older kernels can't stop nested user namespaces; isolation without that beats none.
      for (const disableUserns of [true, false]) {
        const isolation: Isolation = { kind: 'bwrap', bwrapPath, etcDir, systemArgs: await systemArgs(etcDir, node.prefix, disableUserns), path: node.path };
        failure = await probe(isolation, etcDir);
        if (!failure) return isolation;
      }
      if (mode === 'bwrap') throw new Error(`bubblewrap does not work here: ${failure}`);
      getLogger().warn({ failure }, 'bubblewrap is installed but does not work here; sandbox commands run unisolated');
    } else if (mode === 'bwrap') {
      throw new Error('bubblewrap (bwrap) is not installed');
    } else {
      getLogger().warn(
        'bubblewrap (bwrap) is not installed: sandbox commands run as plain processes that can read everything the server can. Install it (apt-get install bubblewrap) before letting anyone else use this server.',
      );
    }
  }
  return { kind: 'none', path: node.path };
}

export interface LaunchRequest {
  /** The program inside the sandbox, e.g. ['/bin/bash', '-c', cmd]. */
  argv: string[];
  /** Where it starts: project-relative and already validated. */
  cwd: string;
  /** The complete environment inside. */
  env: Record<string, string>;
  /** A terminal: no `--new-session`, so the shell keeps the PTY as its controlling terminal. */
  tty: boolean;
}

export interface Launch {
  file: string;
  args: string[];
  /** Next's typings make NODE_ENV required in ProcessEnv; a sandbox deliberately has none. */
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** The host command line for a sandbox process. `cgroupProcs` are files the process joins first. */
export function buildLaunch(
  isolation: Isolation,
  dirs: { project: string; home: string },
  options: { tmpfsBytes: number; cgroupProcs: string[] },
  request: LaunchRequest,
): Launch {
  let launch: Launch;
  if (isolation.kind === 'bwrap') {
    const args = [
      ...isolation.systemArgs,
      ...(request.tty ? [] : ['--new-session']), // no TIOCSTI into a terminal the command doesn't own
      '--size', String(options.tmpfsBytes), '--tmpfs', '/tmp',
      // HOME persists for the sandbox's life, so package-manager caches serve the next install.
      '--bind', dirs.home, SANDBOX_HOME,
      '--bind', dirs.project, SANDBOX_WORKDIR,
      '--remount-ro', '/', // the skeleton bwrap builds (/etc, /home) stays as built
      '--chdir', path.posix.join(SANDBOX_WORKDIR, request.cwd),
      // The environment is set from inside bwrap: a hostile LD_PRELOAD must never reach bwrap itself.
      '--clearenv', ...Object.entries(request.env).flatMap(([key, value]) => ['--setenv', key, value]),
      '--', ...request.argv,
    ];
    launch = { file: isolation.bwrapPath, args, env: {} as NodeJS.ProcessEnv, cwd: '/' };
  } else {
    const [file = '/bin/bash', ...args] = request.argv;
    launch = { file, args, env: request.env as NodeJS.ProcessEnv, cwd: path.join(dirs.project, request.cwd) };
  }
  if (options.cgroupProcs.length === 0) return launch;
  // A tiny host shell joins the cgroups, then becomes the real process (same pid), so every
  // descendant is counted and killable, however it detaches.
  const joins = options.cgroupProcs.map((_, index) => `echo $$ > "$${index + 1}" || exit 125`).join('; ');
  const script = `${joins}; shift ${options.cgroupProcs.length}; exec "$@"`;
  return { ...launch, file: '/bin/sh', args: ['-c', script, 'sh', ...options.cgroupProcs, launch.file, ...launch.args] };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Refuses variable names a shell can't hold and values with NUL bytes. */
export function assertValidEnvs(envs: Record<string, string> | undefined): void {
  for (const [key, value] of Object.entries(envs ?? {})) {
    if (!ENV_NAME.test(key) || typeof value !== 'string' || value.includes('\0')) {
      throw new AppError('BAD_REQUEST', `"${key.slice(0, 100)}" is not a valid environment variable.`);
    }
  }
}

/** The explicit environment inside a sandbox: never the server's own (it holds secrets). */
export function sandboxEnv(isolation: Isolation, home: string, tty: boolean, ...extra: Array<Record<string, string> | undefined>): Record<string, string> {
  const env: Record<string, string> = { PATH: isolation.path, HOME: home, USER: 'user', LANG: 'C.UTF-8' };
  if (tty) env.TERM = 'xterm-256color';
  for (const envs of extra) {
    assertValidEnvs(envs);
    Object.assign(env, envs);
  }
  return env;
}

async function systemArgs(etcDir: string, nodePrefix: string | null, disableUserns: boolean): Promise<string[]> {
  const args = [
    // A user namespace (uid 1000, like e2b's `user`) with no capabilities and no nested
    // namespaces; its own pids (killing bwrap kills everything inside), IPC and hostname.
    '--unshare-user', '--uid', '1000', '--gid', '1000', ...(disableUserns ? ['--disable-userns'] : []),
    '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--hostname', 'sandbox',
    '--die-with-parent',
    '--ro-bind', '/usr', '/usr',
  ];
  for (const name of ROOT_LINKS) {
    const target = await realpath(`/${name}`).catch(() => null);
    if (!target) continue;
    if (target.startsWith('/usr/')) args.push('--symlink', target.slice(1), `/${name}`);
    else args.push('--ro-bind', `/${name}`, `/${name}`);
  }
  if (nodePrefix) args.push('--ro-bind', nodePrefix, nodePrefix);
  args.push('--proc', '/proc', '--dev', '/dev');
  for (const entry of ETC_ENTRIES) args.push('--ro-bind-try', `/etc/${entry}`, `/etc/${entry}`);
  args.push('--ro-bind', path.join(etcDir, 'passwd'), '/etc/passwd', '--ro-bind', path.join(etcDir, 'group'), '/etc/group');
  return args;
}

/** Node's install prefix when it is outside /usr (e.g. /opt/node), so `node` and `npm` work inside. */
async function nodeInstall(): Promise<{ prefix: string | null; path: string }> {
  const prefix = path.dirname(path.dirname(await realpath(process.execPath)));
  if (prefix === '/usr' || prefix.startsWith('/usr/')) return { prefix: null, path: SYSTEM_PATH };
  return { prefix, path: `${SYSTEM_PATH}:${prefix}/bin` };
}

/** The sandbox's own passwd and group: tools (npm, whoami, os.userInfo) need the user to exist. */
async function writeSandboxEtc(dataDir: string): Promise<string> {
  const etcDir = path.join(dataDir, 'sandbox-etc');
  await mkdir(etcDir, { recursive: true });
  await writeFile(path.join(etcDir, 'passwd'), 'user:x:1000:1000:Aura sandbox:/home/user:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n');
  await writeFile(path.join(etcDir, 'group'), 'user:x:1000:\nnogroup:x:65534:\n');
  return etcDir;
}

async function probe(isolation: Isolation, scratch: string): Promise<string | null> {
  const launch = buildLaunch(isolation, { project: scratch, home: scratch }, { tmpfsBytes: 1 << 20, cgroupProcs: [] }, {
    argv: ['/bin/sh', '-c', 'exit 0'],
    cwd: '',
    env: { PATH: isolation.path },
    tty: false,
  });
  return new Promise((resolve) => {
    const child = spawn(launch.file, launch.args, { env: launch.env, cwd: launch.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', (error) => resolve(error.message));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? null : stderr.trim() || `exit code ${code}`);
    });
  });
}

async function firstExisting(candidates: string[]): Promise<string | null> {
  for (const candidate of candidates) {
    if (await access(candidate).then(() => true, () => false)) {
      if ((await stat(candidate)).isFile()) return candidate;
    }
  }
  return null;
}
