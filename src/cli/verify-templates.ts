/**
 * `npm run verify:templates`: renders every framework × UI library pair (default options) and a
 * pairwise sample of the options, writes each into a temp folder, installs it from the npm
 * registry and builds it (and lints it when ESLint is on), then prints a Markdown table.
 *
 *   node --import tsx src/cli/verify-templates.ts [--one-per-framework] [--framework <id>]
 *     [--filter <text>[,<text>…]] [--jobs N] [--timeout <s>] [--keep]
 *
 * Exits 1 when any combination fails. Package caches are shared across runs (AURA_VERIFY_CACHE,
 * default <tmp>/aura-verify-cache) so only the first run downloads everything.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readProcessEnv } from '@/env';
import { frameworkSchema } from '@/lib/schemas/frameworks';
import { renderTemplate } from '@/server/templates';
import { describeOptions, libraryPairs, optionSample, type Combination } from '@/server/templates/combinations';
import { runScriptCommand } from '@/lib/catalog';

interface Outcome {
  combination: Combination;
  installSeconds?: number;
  buildSeconds?: number;
  lintSeconds?: number;
  error?: string;
  dir: string;
}

const { values: flags } = parseArgs({
  options: {
    framework: { type: 'string' },
    'one-per-framework': { type: 'boolean', default: false },
    filter: { type: 'string' },
    jobs: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '900' },
    keep: { type: 'boolean', default: false },
  },
});

const raw = readProcessEnv();
const cacheRoot = raw.AURA_VERIFY_CACHE ?? path.join(tmpdir(), 'aura-verify-cache');
// The projects' own tools pick their mode; Aura's NODE_ENV=test would leak into `next build`.
const { NODE_ENV: _nodeEnv, ...inherited } = raw;
const childEnv: Record<string, string | undefined> = {
  ...inherited,
  npm_config_cache: path.join(cacheRoot, 'npm'),
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  YARN_CACHE_FOLDER: path.join(cacheRoot, 'yarn'),
  YARN_ENABLE_GLOBAL_CACHE: 'true',
  BUN_INSTALL_CACHE_DIR: path.join(cacheRoot, 'bun'),
  // pnpm keeps its content-addressed store in ~/.local/share/pnpm, shared across runs already.
  NEXT_TELEMETRY_DISABLED: '1',
  NG_CLI_ANALYTICS: 'false',
};

function selectCombinations(): Combination[] {
  let list = flags['one-per-framework']
    ? libraryPairs().filter((c) => c.uiLibrary === 'none')
    : [...libraryPairs(), ...optionSample()];
  if (flags.framework) {
    const framework = frameworkSchema.parse(flags.framework);
    list = list.filter((c) => c.framework === framework);
  }
  // Comma-separated alternatives, each matched against "framework ui +ts -eslint … pm".
  const filters = flags.filter?.toLowerCase().split(',').map((f) => f.trim()).filter(Boolean);
  if (filters?.length) list = list.filter((c) => filters.some((f) => label(c).toLowerCase().includes(f)));
  return list;
}

const label = (c: Combination) => `${c.framework} ${c.uiLibrary} ${describeOptions(c.configuration)}`;

/** Runs a shell command in `cwd`, appending output to `log`; rejects on failure or timeout. */
function run(command: string, cwd: string, log: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(`(${command}) >> ${JSON.stringify(log)} 2>&1`, { cwd, shell: true, env: childEnv as NodeJS.ProcessEnv, detached: true });
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      reject(new Error(`timed out after ${timeoutMs / 1000}s: ${command}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve((performance.now() - started) / 1000);
      else reject(new Error(`exit ${code}: ${command}`));
    });
  });
}

async function verify(combination: Combination, root: string, timeoutMs: number): Promise<Outcome> {
  const dir = await mkdtemp(path.join(root, `${combination.framework}-${combination.uiLibrary}-`));
  const outcome: Outcome = { combination, dir };
  const log = path.join(dir, 'verify.log');
  try {
    const rendered = renderTemplate({ ...combination, projectName: 'Verify App' });
    for (const file of rendered.files) {
      await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
      await writeFile(path.join(dir, file.path), file.content);
    }
    outcome.installSeconds = await run(rendered.installCommand, dir, log, timeoutMs);
    outcome.buildSeconds = await run(rendered.buildCommand, dir, log, timeoutMs);
    if (rendered.files.some((f) => f.path.startsWith('eslint.config'))) {
      outcome.lintSeconds = await run(runScriptCommand(combination.configuration.packageManager, 'lint'), dir, log, timeoutMs);
    }
  } catch (error) {
    outcome.error = `${error instanceof Error ? error.message : String(error)} (log: ${log})`;
  }
  if (!outcome.error && !flags.keep) await rm(dir, { recursive: true, force: true });
  return outcome;
}

const seconds = (s?: number) => (s === undefined ? '–' : s.toFixed(1));

function row(o: Outcome): string {
  const c = o.combination;
  const result = o.error ? `❌ ${o.error.replace(/\|/g, '\\|')}` : '✅ pass';
  return `| ${c.framework} | ${c.uiLibrary} | ${describeOptions(c.configuration)} | ${seconds(o.installSeconds)} | ${seconds(o.buildSeconds)} | ${seconds(o.lintSeconds)} | ${result} |`;
}

async function main(): Promise<number> {
  const combinations = selectCombinations();
  const jobs = Math.max(1, Number(flags.jobs) || 2);
  const timeoutMs = Number(flags.timeout) * 1000;
  const root = await mkdtemp(path.join(tmpdir(), 'aura-verify-'));
  console.error(`verifying ${combinations.length} combinations with ${jobs} jobs in ${root}`);
  const outcomes: Outcome[] = new Array(combinations.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: jobs }, async () => {
      while (next < combinations.length) {
        const index = next++;
        const combination = combinations[index];
        if (!combination) break;
        const outcome = await verify(combination, root, timeoutMs);
        outcomes[index] = outcome;
        console.error(`${outcome.error ? 'FAIL' : 'ok  '} ${label(combination)}${outcome.error ? ` — ${outcome.error}` : ''}`);
      }
    }),
  );
  console.log('| framework | UI library | options | install s | build s | lint s | result |');
  console.log('|---|---|---|---:|---:|---:|---|');
  for (const outcome of outcomes) console.log(row(outcome));
  const failed = outcomes.filter((o) => o.error).length;
  const minutes = ((performance.now() - started) / 60000).toFixed(1);
  console.log(`\n${outcomes.length - failed} passed, ${failed} failed`);
  console.error(`(${minutes} min; failed projects kept under ${root})`);
  if (failed === 0 && !flags.keep) await rm(root, { recursive: true, force: true });
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
