import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInnerContext } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { startWorker } from '@/server/jobs/queue';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestDatabase } from '@/test/database';
import { waitFor } from '@/test/processes';
import { createTestUser } from '@/test/users';
import { runProjectSetup, SETUP_QUEUE } from './run-setup';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-setup-'));
const provider = new LocalSandboxProvider({ dataDir: scratch });
const worker = startWorker({ db, queue: SETUP_QUEUE, pollMs: 100, handler: (job) => runProjectSetup({ db, provider, projectId: String(job.payload.projectId) }) });
afterAll(async () => {
  await worker.stop();
  await provider.shutdown();
  await rm(scratch, { recursive: true, force: true });
});

const user = await createTestUser(db);
const api = createCaller(createInnerContext({ db, user, sandboxes: provider }));

async function settle(projectId: string, timeoutMs: number) {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const status = await api.projects.status({ projectId });
    if (status.status !== 'initializing') return status;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('setup did not finish in time');
}

describe('project setup pipeline', () => {
  it('shows a failed install with its log, and a retry after the fix reaches ready with the dev server up', { timeout: 300_000 }, async () => {
    const created = await api.projects.create({
      name: 'Pipeline',
      framework: 'react',
      configuration: { typescript: true, eslint: false, prettier: false, tailwindcss: false, packageManager: 'npm', additionalDependencies: ['aura-no-such-package-7f3k2'] },
    });
    expect(created).toMatchObject({ success: true, setupStatus: 'pending', project: { status: 'initializing' } });

    const failed = await settle(created.project.id, 180_000);
    expect(failed).toMatchObject({ status: 'error', setupStatus: 'failed' });
    const install = failed.steps.find((step) => step.step === 'install')!;
    expect(install).toMatchObject({ status: 'failed', error: expect.stringContaining('Installing dependencies failed') });
    expect(install.logs).toMatch(/404|aura-no-such-package/);
    expect(failed.steps.map((step) => step.status)).toEqual(['completed', 'completed', 'failed', 'pending', 'pending']);

    // The template's files are already in the store: fix package.json there and retry.
    const manifest = await api.files.read({ projectId: created.project.id, path: 'package.json' });
    const fixed = JSON.parse(manifest.content) as { dependencies: Record<string, string> };
    delete fixed.dependencies['aura-no-such-package-7f3k2'];
    await api.files.write({ projectId: created.project.id, path: 'package.json', content: JSON.stringify(fixed, null, 2), expectedVersion: manifest.version });
    // Whoever watches the setup (the wizard, the workspace) sees the failed step go back to pending.
    const watching = new AbortController();
    const watcher = createCaller(createInnerContext({ db, user, sandboxes: provider }), { signal: watching.signal });
    const progress = (await watcher.projects.onSetupProgress({ projectId: created.project.id })) as AsyncIterable<[string, { step: string; status: string }]>;
    const seen: { step: string; status: string }[] = [];
    const collecting = (async () => {
      for await (const [, step] of progress) seen.push(step);
    })().catch(() => {});
    await waitFor(() => seen.length >= 5, 10_000, 'the current steps');
    expect(await api.projects.setup({ projectId: created.project.id })).toMatchObject({ setupStatus: 'pending' });
    await waitFor(() => seen.slice(5).some((step) => step.step === 'install' && step.status === 'pending'), 10_000, 'install reset to pending');
    watching.abort();
    await collecting;

    const ready = await settle(created.project.id, 240_000);
    expect(ready).toMatchObject({ status: 'ready', setupStatus: 'completed' });
    // npm's lock file is source: stored when the install ends, so the tree and a rebuilt sandbox have it.
    expect(JSON.parse((await api.files.read({ projectId: created.project.id, path: 'package-lock.json' })).content)).toMatchObject({ lockfileVersion: 3 });
    // Its own port, not Vite's default: local sandboxes share the host's network.
    const [port] = await api.processes.ports({ projectId: created.project.id });
    expect(port?.port).toBeGreaterThanOrEqual(4100);
    const page = await fetch(`http://127.0.0.1:${port!.port}/`);
    expect(await page.text()).toContain('<div id="root">');
  });
});
