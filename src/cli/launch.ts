/**
 * `npm run dev`, `npm start` and `npm run db:migrate` go through here:
 *
 *   node --import tsx src/cli/launch.ts [--migrate-only] <command> [args...]
 *
 * It loads `.env*`, fills what is missing with embedded defaults (an embedded PostgreSQL in
 * `.aura/`, a generated AUTH_SECRET), validates the environment, applies migrations, then runs
 * the command with that environment. When the command exits or the launcher is told to stop
 * (Ctrl-C, SIGTERM, SIGHUP), it stops the command, then the database, leaving no process behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import exitHook from 'async-exit-hook';
import { EnvError, parseEnv, type Env, type RawEnv } from '@/env';
import { dataDirOf, loadLaunchEnv, loadOrCreateDevSecret } from '@/env/launch';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/server/db/embedded';
import { runMigrations } from '@/server/db/migrate';

const log = (message: string) => console.log(`[aura] ${message}`);

const running: { database?: EmbeddedDatabase; child?: ChildProcess; stopping?: Promise<void> } = {};

function shutdown(): Promise<void> {
  running.stopping ??= (async () => {
    await stopChild(running.child);
    await running.database?.stop().catch((error: unknown) => log(`stopping the database failed: ${String(error)}`));
  })();
  return running.stopping;
}

async function main(argv: string[]): Promise<number> {
  const migrateOnly = argv[0] === '--migrate-only';
  const [command, ...args] = migrateOnly ? argv.slice(1) : argv;
  if (!migrateOnly && !command) {
    console.error('usage: launch.ts [--migrate-only] <command> [args...]');
    return 2;
  }
  const raw = loadLaunchEnv({ dev: command === 'next' && args[0] === 'dev' });
  const env = await prepare(raw);
  if (migrateOnly || !command) return 0;
  return command === 'next' && (args[0] === 'start' || args[0] === 'dev') ? run(command, serveArgs(args, env), withClientAddress(raw)) : run(command, args, raw);
}

/** `next start|dev` listens on HOST (127.0.0.1 unless set) unless the command line says otherwise. */
function serveArgs(args: string[], env: Env): string[] {
  return args.some((arg) => arg === '-H' || arg === '--hostname' || arg.startsWith('--hostname=')) ? args : [...args, '--hostname', env.HOST];
}

/** Preloads ./client-address.mjs into Next.js: the client address comes from the socket, or from TRUSTED_PROXIES' headers. */
function withClientAddress(raw: RawEnv): RawEnv {
  const preload = `--import=${pathToFileURL(path.join(import.meta.dirname, 'client-address.mjs')).href}`;
  return { ...raw, NODE_OPTIONS: [raw.NODE_OPTIONS, preload].filter(Boolean).join(' ') };
}

/** Fills the embedded defaults, validates everything, and migrates. */
async function prepare(raw: RawEnv): Promise<Env> {
  const dataDir = dataDirOf(raw);
  if (!raw.DATABASE_URL && raw.VERCEL) {
    // An embedded database inside a build container would be migrated and thrown away.
    throw new Error('DATABASE_URL is not set: on Vercel, set it (and AUTH_SECRET) in the project settings.');
  }
  if (!raw.DATABASE_URL) {
    running.database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), log });
    raw.DATABASE_URL = running.database.url;
  }
  raw.AUTH_SECRET ||= await loadOrCreateDevSecret(dataDir);
  // Self-hosted `next start` answers on whatever host it is reached by; Auth.js must be told so.
  raw.AUTH_TRUST_HOST ||= 'true';
  const env = parseEnv(raw);
  log('applying migrations');
  await runMigrations(env.DATABASE_URL);
  return env;
}

function run(command: string, args: string[], raw: RawEnv): Promise<number> {
  const child = spawn(command, args, { stdio: 'inherit', env: raw as NodeJS.ProcessEnv });
  running.child = child;
  return new Promise((resolve) => {
    child.on('error', (error) => {
      log(`could not run ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : signal ? 143 : 1)));
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

// Signals: stop everything, then let async-exit-hook exit. (On a plain exit, main has already
// shut down, and the hook is called without a callback.)
exitHook((done?: () => void) => void shutdown().then(() => done?.()));
exitHook.forceExitTimeout(20_000);

// If whatever started us dies without passing a signal on (npm killed with SIGKILL, a closed
// terminal), we are re-parented: treat that like SIGTERM rather than run on as an orphan.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) process.kill(process.pid, 'SIGTERM');
}, 500).unref();

main(process.argv.slice(2))
  .catch((error: unknown) => {
    console.error(error instanceof EnvError ? error.message : error);
    return 1;
  })
  .then(async (code) => {
    await shutdown();
    process.exit(code);
  });
