/**
 * bench/projects: project creation, per framework, next to the official scaffolder.
 *
 *   npm run bench:projects                     (every framework)
 *   npm run bench:projects -- react vue        (some)
 *
 * For each framework's default template (TypeScript, ESLint, npm, no UI library):
 *   - Aura: create → files written (the write_files step done) and create → ready (sandbox,
 *     files, a real `npm install`, dev server listening), from the steps' own timestamps;
 *   - the official scaffolder in the same run, outside any sandbox: scaffold → files written, then
 *     `npm install` and the dev server until its port answers → ready;
 * and the ratio Aura / official. Both installs start from an empty npm cache (a sandbox's HOME is
 * new, so is the scaffolder's `--cache`), so neither is helped by what the other downloaded.
 * Angular has no peer figure: `ng new` needs @angular/cli and its ~250 packages installed first.
 * Prints figures; asserts nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { env, readProcessEnv } from '@/env';
import { FRAMEWORKS, frameworkSchema, type Framework } from '@/lib/schemas/frameworks';
import { createInnerContext } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { createDatabase } from '@/server/db/client';
import { startWorker } from '@/server/jobs/queue';
import { runProjectSetup, SETUP_QUEUE } from '@/server/projects/setup/run-setup';
import { LocalSandboxProvider } from '@/server/sandbox';
import { stopAllWatchers } from '@/server/workspace/watchers';
import { createTestUser } from '@/test/users';

const READY_TIMEOUT_MS = 10 * 60_000;
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const bin = (name: string) => path.resolve('node_modules/.bin', name);

/** How to scaffold each framework's default template with its official tool, and serve it. */
const OFFICIAL: Partial<Record<Framework, { tool: string; scaffold: (dir: string) => string[]; dev: (port: number) => string[] }>> = {
  // create-vite's --eslint variant pins TypeScript 7 against a typescript-eslint that wants < 6.1, and
  // does not install; its default (Oxlint) is the nearest template that does.
  react: { tool: 'create-vite', scaffold: (dir) => [bin('create-vite'), dir, '--template', 'react-ts', '--no-interactive', '--no-immediate'], dev: (port) => ['npm', 'run', 'dev', '--', '--port', String(port), '--strictPort'] },
  vue: { tool: 'create-vite', scaffold: (dir) => [bin('create-vite'), dir, '--template', 'vue-ts', '--no-interactive', '--no-immediate'], dev: (port) => ['npm', 'run', 'dev', '--', '--port', String(port), '--strictPort'] },
  svelte: { tool: 'sv create', scaffold: (dir) => [bin('sv'), 'create', dir, '--template', 'minimal', '--types', 'ts', '--add', 'eslint', '--no-install'], dev: (port) => ['npm', 'run', 'dev', '--', '--port', String(port), '--strictPort'] },
  nextjs: { tool: 'create-next-app', scaffold: (dir) => [bin('create-next-app'), dir, '--ts', '--eslint', '--no-tailwind', '--app', '--no-src-dir', '--import-alias', '@/*', '--use-npm', '--skip-install', '--disable-git', '--no-agent-feedback', '--yes'], dev: (port) => ['npm', 'run', 'dev', '--', '--port', String(port)] },
};

/** Runs a command to completion; rejects with its output when it fails. */
type PlainEnv = Record<string, string | undefined>;
/** A child's whole environment (the project's ProcessEnv type insists on NODE_ENV, which these children must not get). */
const childEnv = (vars: PlainEnv) => vars as unknown as NodeJS.ProcessEnv;

function run(argv: string[], options: { cwd: string; env: PlainEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: childEnv({ ...options.env, CI: '1' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${argv.join(' ')} exited with ${code}:\n${output.slice(-2000)}`))));
  });
}

async function official(framework: Framework, port: number): Promise<{ files: number; ready: number } | null> {
  const recipe = OFFICIAL[framework];
  if (!recipe) return null;
  const scratch = await mkdtemp(path.join(tmpdir(), `aura-bench-${framework}-`));
  // The bench runs inside the launcher, which sets DATABASE_URL and the like; the scaffolded app gets a plain environment.
  const plain: PlainEnv = { PATH: readProcessEnv().PATH, HOME: scratch, npm_config_cache: path.join(scratch, 'npm-cache'), NEXT_TELEMETRY_DISABLED: '1' };
  const dir = path.join(scratch, 'app');
  const started = performance.now();
  try {
    // Relative: create-vite treats an absolute path as relative to the working directory.
    await run(recipe.scaffold('app'), { cwd: scratch, env: plain });
    const files = performance.now() - started;
    await run(['npm', 'install', '--no-audit', '--no-fund'], { cwd: dir, env: plain });
    const dev = recipe.dev(port);
    const server = spawn(dev[0]!, dev.slice(1), { cwd: dir, env: childEnv(plain), stdio: 'ignore', detached: true });
    try {
      for (;;) {
        if (server.exitCode !== null) throw new Error(`${recipe.tool}'s dev server exited with ${server.exitCode}`);
        if (await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false)) break;
        if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`${recipe.tool}'s dev server did not answer`);
        await sleep(100);
      }
      return { files, ready: performance.now() - started };
    } finally {
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main() {
  const named = process.argv.slice(2).map((arg) => frameworkSchema.parse(arg));
  const selected: readonly Framework[] = named.length ? named : FRAMEWORKS;
  const scratch = await mkdtemp(path.join(tmpdir(), 'aura-bench-projects-'));
  const { db, close } = createDatabase(env.DATABASE_URL, { max: 5 });
  const provider = new LocalSandboxProvider({ dataDir: scratch });
  const worker = startWorker({ db, queue: SETUP_QUEUE, pollMs: 50, handler: (job) => runProjectSetup({ db, provider, projectId: String(job.payload.projectId) }) });
  const rows: string[] = [];
  try {
    const stamp = Date.now().toString(36);
    const api = createCaller(createInnerContext({ db, user: await createTestUser(db), sandboxes: provider }));

    for (const framework of selected) {
      const { project } = await api.projects.create({ name: `bench-${framework}-${stamp}`, framework });
      let status = await api.projects.status({ projectId: project.id });
      for (const started = Date.now(); status.status === 'initializing' && Date.now() - started < READY_TIMEOUT_MS; await sleep(250)) {
        status = await api.projects.status({ projectId: project.id });
      }
      if (status.status !== 'ready') throw new Error(`${framework}: setup ended in ${status.status}: ${status.steps.find((step) => step.error)?.error ?? 'timed out'}`);
      const finished = (step: string) => status.steps.find((state) => state.step === step)!.finishedAt!.getTime() - project.createdAt.getTime();
      const aura = { files: finished('write_files'), ready: finished('ready') };
      await api.projects.delete({ projectId: project.id });

      const peer = await official(framework, 5200 + rows.length).catch((error: unknown) => {
        console.log(`${framework}: the official scaffolder failed here: ${String(error).split('\n').slice(0, 4).join(' | ')}`);
        return null;
      });
      const ratio = (ours: number, theirs?: number) => (theirs ? `${(ours / theirs).toFixed(2)}×` : 'n/a');
      const row = [
        framework.padEnd(8),
        `files ${seconds(aura.files).padStart(7)}`,
        `ready ${seconds(aura.ready).padStart(7)}`,
        peer ? `| ${OFFICIAL[framework]!.tool.padEnd(15)} files ${seconds(peer.files).padStart(7)} ready ${seconds(peer.ready).padStart(7)}` : '| no official figure',
        `| ratio files ${ratio(aura.files, peer?.files)}, ready ${ratio(aura.ready, peer?.ready)}`,
      ].join('  ');
      rows.push(row);
      console.log(row);
    }
    console.log(`\nbench:projects on ${cpus().length} cores, Node ${process.version}; Aura: local sandbox (${provider.name}), empty npm cache per side.`);
  } finally {
    await worker.stop();
    stopAllWatchers();
    await provider.shutdown();
    await close();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
