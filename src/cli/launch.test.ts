import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readProcessEnv } from '@/env';
import { isAlive, processesMentioning, waitFor } from '@/test/processes';

const scratch = await mkdtemp(path.join(tmpdir(), 'aura-launch-'));
await chmod(scratch, 0o755);
afterAll(() => rm(scratch, { recursive: true, force: true }));

const started: ChildProcess[] = [];
afterEach(() => {
  // A failed assertion must not leave a launcher running.
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

// A stand-in for `next dev`: reports that it saw a database URL, then runs until stopped.
const SERVER = `console.log('ready ' + process.pid + ' ' + /^postgres:/.test(process.env.DATABASE_URL)); setInterval(() => {}, 1000);`;
const LAUNCHER = 'node --import tsx src/cli/launch.ts';

/** Runs the launcher as `npm run dev` does, with no DATABASE_URL, on a data folder of its own. */
function launch(name: string, shellCommand: string, extraEnv: Record<string, string> = {}) {
  const dataDir = path.join(scratch, name);
  const { DATABASE_URL: _url, AUTH_SECRET: _secret, ...env } = readProcessEnv();
  const child = spawn('sh', ['-c', shellCommand], {
    env: { ...env, AURA_DATA_DIR: dataDir, NODE_ENV: 'development', ...extraEnv } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, dataDir, exited, output: () => output };
}

async function waitUntilServing(run: ReturnType<typeof launch>) {
  const ready = await waitFor(() => /ready (\d+) (true|false)/.exec(run.output()) ?? undefined, 60_000, 'the app to start');
  expect(ready[2]).toBe('true');
  const pidFile = path.join(run.dataDir, 'pg', 'postmaster.pid');
  const dbPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
  expect(isAlive(dbPid)).toBe(true);
  return { appPid: Number(ready[1]), dbPid };
}

describe('launcher', () => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`starts the embedded database for the app and leaves no process behind after ${signal}`, async () => {
      const run = launch(signal, `exec ${LAUNCHER} node -e "${SERVER}"`);
      const { appPid, dbPid } = await waitUntilServing(run);
      expect(existsSync(path.join(run.dataDir, 'auth-secret'))).toBe(true);

      run.child.kill(signal);
      await run.exited;

      await waitFor(() => !isAlive(appPid) && !isAlive(dbPid), 5_000, 'the app and database to exit');
      expect(processesMentioning(run.dataDir)).toEqual([]);
    });
  }

  it('cleans up when whatever started it dies without passing a signal on', async () => {
    // `sh` stays as the parent here (no exec), like npm; SIGKILL gives it no chance to forward.
    const run = launch('orphan', `${LAUNCHER} node -e "${SERVER}"; true`);
    const { appPid, dbPid } = await waitUntilServing(run);
    run.child.kill('SIGKILL');
    await waitFor(() => !isAlive(appPid) && !isAlive(dbPid), 15_000, 'the orphaned launcher to clean up');
    await waitFor(() => processesMentioning(run.dataDir).length === 0, 5_000, 'no process left');
  });

  it('stops the database when the app exits by itself, and passes on its exit code', async () => {
    const run = launch('exit', `exec ${LAUNCHER} node -e "process.exit(3)"`);
    expect(await run.exited).toBe(3);
    expect(processesMentioning(run.dataDir)).toEqual([]);
  });

  it('refuses to start with a clear message when a variable is invalid', async () => {
    const run = launch('invalid', `exec ${LAUNCHER} node -e ""`, { JWT_EXPIRY: 'soon' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('JWT_EXPIRY: must be a duration');
    expect(processesMentioning(run.dataDir)).toEqual([]);
  });
});
