/**
 * bench/load: virtual users against the real stack over loopback HTTP.
 *
 *   npm run bench:load [-- --users 200 --seconds 60 --think-ms 1000 --compare-seconds 20]
 *
 * The server runs in a child process (bench/load-server.ts), so its memory is its own. Users are
 * inserted with one precomputed password hash (signup's argon2 is not what is measured), each
 * with a project of a few files stored through the file service, and each opens an editor session
 * (a local sandbox: a folder and a watcher, no processes). The first `--terminals` users' projects
 * get an open terminal; every other user signs in as one of those owners too (a second device), so
 * each terminal is typed into by users/terminals people. Every user comes from its own
 * X-Forwarded-For address, so the app's real login throttle applies without turning into 429s.
 *
 * Then, per user, a think time of 0.5–1.5 × --think-ms between operations, picked by weight:
 * login (REST), projects.list, files.read, files.write (with the expectedVersion it last saw; a
 * CONFLICT re-reads and retries once) and terminals.write. After that mixed phase, the same users
 * run projects.list alone against Aura, then the same SQL on a bare node:http + postgres server.
 * Prints markdown tables; exits 1 if any request failed.
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { desc, eq, like } from 'drizzle-orm';
import superjson from 'superjson';
import { env } from '@/env';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import { hashPassword } from '@/server/auth/password';
import { createDatabase } from '@/server/db/client';
import { projects, users } from '@/server/db/schema';
import { writeFile } from '@/server/files/write-file';

const flag = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const USERS = flag('users', 200);
const SECONDS = flag('seconds', 60);
const THINK_MS = flag('think-ms', 1000);
const COMPARE_SECONDS = flag('compare-seconds', 20);
const TERMINALS = Math.min(USERS, flag('terminals', 20));
const PASSWORD = 'load bench passphrase that is long enough';
const WEIGHTS = { login: 3, 'projects.list': 20, 'files.read': 30, 'files.write': 25, 'terminals.write': 22 } as const;
type Op = keyof typeof WEIGHTS | 'peer list';

interface User {
  index: number;
  email: string;
  ip: string;
  id: string;
  projectId: string;
  token: string;
  /** A session of the terminal's owner, signed in from this user's address. */
  hostToken: string;
  host: User | null;
  terminalId: string;
  version: number | null;
}

class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(`${status} ${code ?? ''} ${message}`.trim());
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function request(url: string, init: { method?: string; token?: string; ip: string; body?: string }) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-forwarded-for': init.ip, 'user-agent': 'aura-bench-load/1.0' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body, signal: AbortSignal.timeout(30_000) });
  const json = (await response.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  if (!response.ok) {
    const error = json.error?.json ?? json.error;
    throw new RequestError(response.status, error?.data?.code ?? error?.code, String(error?.message ?? ''));
  }
  return json;
}

function client(base: string) {
  const trpc = async <T>(kind: 'query' | 'mutation', procedure: string, input: unknown, user: User, token = user.token): Promise<T> => {
    const body = JSON.stringify(superjson.serialize(input));
    const url = `${base}/api/trpc/${procedure}`;
    const json = kind === 'query' ? await request(`${url}?input=${encodeURIComponent(body)}`, { token, ip: user.ip }) : await request(url, { method: 'POST', token, ip: user.ip, body });
    return superjson.deserialize(json.result.data) as T;
  };
  const login = async (user: User, email = user.email) => {
    const json = await request(`${base}/api/auth/login`, { method: 'POST', ip: user.ip, body: JSON.stringify({ email, password: PASSWORD }) });
    return json.accessToken as string;
  };
  return { trpc, login };
}

/** Latencies and failures per operation. */
class Stats {
  readonly latencies = new Map<Op, number[]>();
  readonly errors = new Map<Op, Map<string, number>>();
  conflicts = 0;
  record(op: Op, ms: number) {
    const list = this.latencies.get(op) ?? [];
    list.push(ms);
    this.latencies.set(op, list);
  }
  fail(op: Op, error: unknown) {
    const byMessage = this.errors.get(op) ?? new Map<string, number>();
    const message = error instanceof Error ? error.message : String(error);
    byMessage.set(message, (byMessage.get(message) ?? 0) + 1);
    this.errors.set(op, byMessage);
  }
  errorCount(op?: Op) {
    const of = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    return op ? of(this.errors.get(op) ?? new Map()) : [...this.errors.values()].reduce((total, m) => total + of(m), 0);
  }
  summary(op: Op) {
    const sorted = [...(this.latencies.get(op) ?? [])].sort((a, b) => a - b);
    return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  }
}

/** Every user runs `pick()`ed operations with think time until the deadline. */
async function runPhase(stats: Stats, users: User[], seconds: number, pick: () => Op, ops: Partial<Record<Op, (user: User) => Promise<unknown>>>) {
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    users.map(async (user) => {
      await sleep(Math.random() * THINK_MS); // users arrive spread over one think time
      while (performance.now() < deadline) {
        const op = pick();
        const started = performance.now();
        try {
          await ops[op]!(user);
          stats.record(op, performance.now() - started);
        } catch (error) {
          stats.fail(op, error);
        }
        await sleep(THINK_MS * (0.5 + Math.random()));
      }
    }),
  );
  return stats;
}

function weighted(): Op {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let roll = Math.random() * total;
  for (const [op, weight] of Object.entries(WEIGHTS)) if ((roll -= weight) < 0) return op as Op;
  return 'files.read';
}

/** Runs `task` over items, `limit` at a time. */
async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<unknown>) {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await task(items[next++]!);
  }));
}

async function startServer(args: string[]): Promise<{ child: ChildProcess; base: string; memory: (gc?: boolean) => Promise<NodeJS.MemoryUsage> }> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--expose-gc', path.join(import.meta.dirname, 'load-server.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load-server exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
      else process.stderr.write(`[server] ${line}\n`);
    });
  });
  const base = `http://127.0.0.1:${port}`;
  return { child, base, memory: async (gc = true) => (await fetch(`${base}/__bench/memory${gc ? '?gc=1' : ''}`)).json() as Promise<NodeJS.MemoryUsage> };
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000).then(() => child.kill('SIGKILL'))]);
}

async function main() {
  const run = Date.now().toString(36);
  const scratch = await mkdtemp(path.join(tmpdir(), 'aura-load-'));
  const { db, close } = createDatabase(env.DATABASE_URL, { max: 10 });
  const load = { start: loadavg(), uptime: execSync('uptime').toString().trim() };
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let peer: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    // Set-up, not measured: users (one hash for all), a project each, its files through the store.
    const passwordHash = await hashPassword(PASSWORD);
    const count = USERS + 1; // the last one warms the server up
    const userRows = await db
      .insert(users)
      .values(Array.from({ length: count }, (_, i) => ({ email: `load-${run}-${i}@example.com`, username: `load_${run}_${i}`, passwordHash })))
      .returning();
    const projectRows = await db
      .insert(projects)
      .values(userRows.map((row, i) => ({ ownerId: row.id, name: `Load ${i}`, framework: 'react' as const, configuration: projectConfigurationSchema.parse({}) })))
      .returning();
    const template = { 'package.json': '{ "name": "load", "private": true }\n', 'src/App.tsx': 'export default function App() { return <h1>Hi</h1>; }\n', 'README.md': '# Load\n' };
    await pool(projectRows, 8, async (project) => {
      for (const [file, text] of Object.entries(template)) await writeFile({ db, projectId: project.id, path: file, content: Buffer.from(text), source: 'template' });
    });
    const all: User[] = userRows.map((row, i) => ({
      index: i,
      email: row.email,
      ip: `10.${(i >> 8) & 255}.${i & 255}.${1 + (i >> 16)}`,
      id: row.id,
      projectId: projectRows[i]!.id,
      token: '',
      hostToken: '',
      host: null,
      terminalId: '',
      version: null,
    }));
    const warmUser = all.pop()!;

    server = await startServer(['aura', scratch]);
    const api = client(server.base);
    const openWorkspace = async (user: User, withTerminal: boolean) => {
      user.token = await api.login(user);
      await api.trpc('mutation', 'sessions.create', { projectId: user.projectId, type: 'editor' }, user);
      user.version = (await api.trpc<{ version: number }>('query', 'files.read', { projectId: user.projectId, path: 'src/App.tsx' }, user)).version;
      if (withTerminal) {
        user.terminalId = (await api.trpc<{ id: string }>('mutation', 'terminals.create', { projectId: user.projectId, cols: 80, rows: 24 }, user)).id;
        await api.trpc('mutation', 'terminals.write', { projectId: user.projectId, terminalId: user.terminalId, data: 'cat\r' }, user);
      }
    };
    const stats = new Stats();
    const ops: Record<Exclude<Op, 'peer list'>, (user: User) => Promise<unknown>> = {
      login: async (user) => (user.token = await api.login(user)),
      'projects.list': (user) => api.trpc('query', 'projects.list', {}, user),
      'files.read': async (user) => (user.version = (await api.trpc<{ version: number }>('query', 'files.read', { projectId: user.projectId, path: 'src/App.tsx' }, user)).version),
      'files.write': async (user) => {
        const save = async () => {
          const content = `export default function App() { return <h1>Save ${Date.now()} ${Math.random()}</h1>; }\n${'// padding\n'.repeat(150)}`;
          user.version = (await api.trpc<{ version: number }>('mutation', 'files.write', { projectId: user.projectId, path: 'src/App.tsx', content, expectedVersion: user.version }, user)).version;
        };
        try {
          await save();
        } catch (error) {
          if (!(error instanceof RequestError && error.code === 'CONFLICT')) throw error;
          stats.conflicts++; // another tab saved first: reload, then save again
          await ops['files.read'](user);
          await save();
        }
      },
      'terminals.write': (user) => {
        const host = user.host ?? user;
        const keys = Math.random() < 0.1 ? '\r' : 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + Math.floor(Math.random() * 4));
        return api.trpc('mutation', 'terminals.write', { projectId: host.projectId, terminalId: host.terminalId, data: keys }, user, user.hostToken || user.token);
      },
    };

    // Warm-up: every code path once, on a user of its own.
    await openWorkspace(warmUser, true);
    for (let i = 0; i < 10; i++) for (const op of Object.values(ops)) await op(warmUser);
    const baseline = await server.memory();

    // Sessions: everyone signs in and opens an editor session; hosts open a terminal, and the
    // others sign in as their host from their own address.
    await pool(all, 8, (user) => openWorkspace(user, user.index < TERMINALS));
    await pool(all, 8, async (user) => {
      if (user.index < TERMINALS) return;
      user.host = all[user.index % TERMINALS]!;
      user.hostToken = await api.login(user, user.host.email);
    });
    const withSessions = await server.memory();

    // Mixed load, sampling the server's memory as it goes.
    let peakRss = 0;
    const sampler = setInterval(() => void server!.memory(false).then((m) => (peakRss = Math.max(peakRss, m.rss)), () => {}), 2_000);
    await runPhase(stats, all, SECONDS, weighted, ops);
    clearInterval(sampler);
    const afterLoad = await server.memory();

    const auraList = await runPhase(new Stats(), all, COMPARE_SECONDS, () => 'projects.list', ops);
    await stopServer(server.child);
    server = undefined;

    // The floor: the same SQL as projects.list (default input: no search, no cursor, 20 + 1 rows).
    const query = db.select().from(projects).where(eq(projects.ownerId, all[0]!.id)).orderBy(desc(projects.updatedAt), desc(projects.id)).limit(21).toSQL().sql;
    peer = await startServer(['peer', JSON.stringify(query)]);
    const peerBase = peer.base;
    const peerStats = await runPhase(new Stats(), all, COMPARE_SECONDS, () => 'peer list', {
      'peer list': (user) => request(`${peerBase}/projects?owner=${user.id}`, { ip: user.ip }),
    });
    const peerMemory = await peer.memory();
    const loadEnd = loadavg();

    // Report.
    console.log(`\nbench/load: ${USERS} users, ${SECONDS} s mixed, think ${THINK_MS} ms (0.5–1.5×), ${TERMINALS} terminals; ${cpus().length} cores, Node ${process.version}`);
    console.log(`load average before: ${load.start.map((v) => v.toFixed(2)).join(', ')}; after: ${loadEnd.map((v) => v.toFixed(2)).join(', ')} (${load.uptime})\n`);
    console.log('| operation | requests | errors | p50 | p99 | req/s |\n|---|---:|---:|---:|---:|---:|');
    let total = 0;
    for (const op of Object.keys(WEIGHTS) as Op[]) {
      const s = stats.summary(op);
      total += s.count;
      console.log(`| ${op} | ${s.count} | ${stats.errorCount(op)} | ${s.p50.toFixed(1)} ms | ${s.p99.toFixed(1)} ms | ${(s.count / SECONDS).toFixed(1)} |`);
    }
    console.log(`| **all** | ${total} | ${stats.errorCount()} | | | **${(total / SECONDS).toFixed(1)}** |`);
    console.log(`write conflicts handled (re-read + save): ${stats.conflicts}`);
    for (const [op, messages] of stats.errors) for (const [message, n] of messages) console.log(`  error ${op} ×${n}: ${message}`);

    const sessions = USERS;
    console.log(`\nserver memory (after GC): baseline rss ${mib(baseline.rss)}, heap ${mib(baseline.heapUsed)}; with ${sessions} editor sessions rss ${mib(withSessions.rss)}, heap ${mib(withSessions.heapUsed)}; after load rss ${mib(afterLoad.rss)}, heap ${mib(afterLoad.heapUsed)}; peak rss during load ${mib(peakRss)}`);
    console.log(`per open editor session: rss ${((withSessions.rss - baseline.rss) / sessions / 1024).toFixed(1)} KiB, heap ${((withSessions.heapUsed - baseline.heapUsed) / sessions / 1024).toFixed(1)} KiB (after load: rss ${((afterLoad.rss - baseline.rss) / sessions / 1024).toFixed(1)} KiB, heap ${((afterLoad.heapUsed - baseline.heapUsed) / sessions / 1024).toFixed(1)} KiB)`);

    const a = auraList.summary('projects.list');
    const p = peerStats.summary('peer list');
    console.log(`\nprojects.list alone, ${USERS} users, ${COMPARE_SECONDS} s each:\n`);
    console.log('| | Aura (tRPC, auth, session check) | bare node:http + postgres | ratio |\n|---|---:|---:|---:|');
    console.log(`| p50 | ${a.p50.toFixed(2)} ms | ${p.p50.toFixed(2)} ms | ${(a.p50 / p.p50).toFixed(1)}× |`);
    console.log(`| p99 | ${a.p99.toFixed(2)} ms | ${p.p99.toFixed(2)} ms | ${(a.p99 / p.p99).toFixed(1)}× |`);
    console.log(`| req/s | ${(a.count / COMPARE_SECONDS).toFixed(1)} | ${(p.count / COMPARE_SECONDS).toFixed(1)} | |`);
    console.log(`| errors | ${auraList.errorCount()} | ${peerStats.errorCount()} | |`);
    console.log(`peer server rss ${mib(peerMemory.rss)}`);
    if (stats.errorCount() + auraList.errorCount() + peerStats.errorCount() > 0) process.exitCode = 1;
  } finally {
    if (server) await stopServer(server.child);
    if (peer) await stopServer(peer.child);
    await db.delete(users).where(like(users.email, `load-${run}-%`)).catch((error: unknown) => console.error('cleanup failed:', error));
    await close();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
