import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readProcessEnv, type RawEnv } from '@/env';
import { setupInstallCommand } from '@/lib/catalog';
import { createInnerContext } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestDatabase } from '@/test/database';
import { withFakeInstall } from '@/test/fake-install';
import { createTestUser } from '@/test/users';
import { runProjectSetup } from './run-setup';
import { subscribeSetup } from './steps-store';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-install-step-'));
const local = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await local.shutdown();
  await rm(scratch, { recursive: true, force: true });
});
const user = await createTestUser(db);

// An install that takes 4 s, printing as it goes, and writes a lock file and dependencies like npm does.
const INSTALL = [
  'for i in 1 2 3 4; do echo "fetched package $i"; sleep 1; done',
  `printf '{"lockfileVersion": 3}\\n' > package-lock.json`,
  'mkdir -p node_modules/left-pad && echo "module.exports = 1" > node_modules/left-pad/index.js',
].join('; ');

describe('the install step of project setup', () => {
  it('streams its output to whoever watches while it runs, then stores the lock file it wrote', { timeout: 120_000 }, async () => {
    const provider = withFakeInstall(local, 0, { installScript: INSTALL });
    const api = createCaller(createInnerContext({ db, user, sandboxes: provider }));
    const { project } = await api.projects.create({ name: 'Streaming install', framework: 'react' });

    const seen: { at: number; logs: string }[] = [];
    let installDoneAt = 0;
    const unsubscribe = subscribeSetup(project.id, (step) => {
      if (step.step !== 'install') return;
      seen.push({ at: Date.now(), logs: step.logs });
      if (step.status === 'completed') installDoneAt ||= Date.now();
    });
    try {
      await runProjectSetup({ db, provider, projectId: project.id });
    } finally {
      unsubscribe();
    }

    expect((await api.projects.status({ projectId: project.id })).status).toBe('ready');
    const firstLine = seen.find((event) => event.logs.includes('fetched package 1'));
    expect(firstLine, 'the first line while the install ran').toBeDefined();
    // The first line arrived about 3 s before the install ended, not with everything at the end.
    expect(installDoneAt - firstLine!.at).toBeGreaterThan(2_000);
    expect(seen.filter((event) => event.at < installDoneAt - 500 && /fetched package \d/.test(event.logs)).length).toBeGreaterThanOrEqual(3);

    // The lock file is source: in the store (and so in the tree), dependencies are not.
    expect((await api.files.read({ projectId: project.id, path: 'package-lock.json' })).content).toBe('{"lockfileVersion": 3}\n');
    const stored = (await api.files.tree({ projectId: project.id })).map((file) => file.path);
    expect(stored).toContain('package-lock.json');
    expect(stored.some((file) => file.startsWith('node_modules/'))).toBe(false);
  });
});

describe('npm as the setup runs it', () => {
  it('reports each registry fetch as it happens, without a terminal', { timeout: 60_000 }, async () => {
    // A registry whose first package answers at once and whose second takes 3 s (then is missing).
    const registry = createServer((request, response) => {
      const origin = `http://127.0.0.1:${(registry.address() as { port: number }).port}`;
      if (request.url === '/aura-fast-pkg') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ name: 'aura-fast-pkg', 'dist-tags': { latest: '1.0.0' }, versions: { '1.0.0': { name: 'aura-fast-pkg', version: '1.0.0', dist: { tarball: `${origin}/aura-fast-pkg/-/aura-fast-pkg-1.0.0.tgz` } } } }));
      } else {
        setTimeout(() => {
          response.statusCode = 404;
          response.end('{}');
        }, request.url === '/aura-slow-pkg' ? 3_000 : 0);
      }
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const folder = await mkdtemp(path.join(tmpdir(), 'aura-npm-stream-'));
    try {
      await writeFile(path.join(folder, 'package.json'), JSON.stringify({ name: 'probe', version: '1.0.0', dependencies: { 'aura-fast-pkg': '1.0.0', 'aura-slow-pkg': '1.0.0' } }));
      const lines: { at: number; text: string }[] = [];
      const started = Date.now();
      const child = spawn('sh', ['-c', setupInstallCommand('npm')], {
        cwd: folder,
        env: { PATH: readProcessEnv().PATH, HOME: folder, npm_config_registry: `http://127.0.0.1:${(registry.address() as { port: number }).port}/`, npm_config_cache: path.join(folder, '.npm'), npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } as RawEnv as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const collect = (chunk: Buffer) => lines.push({ at: Date.now() - started, text: chunk.toString() });
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      const exitedAt = await new Promise<number>((resolve) => child.on('close', () => resolve(Date.now() - started)));
      const fast = lines.find((line) => /GET 200 .*aura-fast-pkg/.test(line.text));
      expect(fast, lines.map((line) => line.text).join('')).toBeDefined();
      expect(exitedAt - fast!.at).toBeGreaterThan(2_000);
    } finally {
      registry.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
