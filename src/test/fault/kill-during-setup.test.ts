import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { jobs } from '@/server/db/schema';
import { createTestDatabase } from '@/test/database';
import { startServerProcess, trpcHttpClient, type ServerProcess } from '@/test/server-process';
import { createTestUser } from '@/test/users';
import { issueAccessToken } from '@/server/auth/access-tokens';

const { db, url } = await createTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'aura-fault-setup-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

// A short job lease, so the next worker takes over a killed one's setup within seconds; an install
// that takes 4 s (faked: no network, no real npm), long enough to kill the server during it.
const start = async () => {
  const server = await startServerProcess({ databaseUrl: url, dataDir, leaseMs: 1_500, pollMs: 100, fakeInstallMs: 4_000 });
  servers.push(server);
  return server;
};

interface SetupStatus {
  status: string;
  setupStatus: string;
  steps: { step: string; status: string; error: string | null; logs: string }[];
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a server killed (SIGKILL) during a project setup', () => {
  it('leaves a job that another worker resumes from the unfinished step, to ready', { timeout: 90_000 }, async () => {
    const user = await createTestUser(db);
    const token = await issueAccessToken({ userId: user.id, sessionId: user.sessionId });
    const first = await start();
    const api = trpcHttpClient({ url: first.trpcUrl, token });
    const created = await api.mutation<{ project: { id: string } }>('projects.create', { name: 'Killed during install', framework: 'react' });
    expect(created.status).toBe(200);
    const projectId = created.data!.project.id;

    let status: SetupStatus | undefined;
    await until(
      async () => {
        status = (await api.query<SetupStatus>('projects.status', { projectId })).data;
        return status?.steps.find((step) => step.step === 'install')?.status === 'in_progress';
      },
      30_000,
      'the install step to start',
    );
    await new Promise((resolve) => setTimeout(resolve, 500)); // well inside the install
    await first.kill();

    const second = await start();
    const after = trpcHttpClient({ url: second.trpcUrl, token });
    const stalled = (await after.query<SetupStatus>('projects.status', { projectId })).data!;
    expect(stalled.status).toBe('initializing');
    expect(stalled.steps.map((step) => step.status)).toEqual(['completed', 'completed', 'in_progress', 'pending', 'pending']);

    await until(
      async () => {
        status = (await after.query<SetupStatus>('projects.status', { projectId })).data;
        return status?.status !== 'initializing';
      },
      30_000,
      'the setup to finish after the restart',
    );
    expect(status).toMatchObject({ status: 'ready', setupStatus: 'completed' });
    expect(status!.steps.map((step) => step.status)).toEqual(['completed', 'completed', 'completed', 'completed', 'completed']);
    // The install ran again from the start; the steps before it did not.
    expect(status!.steps.find((step) => step.step === 'install')!.logs.match(/fake install/g)).toHaveLength(2);
    expect(status!.steps.find((step) => step.step === 'write_files')!.logs.match(/Wrote \d+ files/g)).toHaveLength(1);
    const [job] = await db.select().from(jobs).where(eq(jobs.singletonKey, projectId));
    expect(job).toMatchObject({ status: 'done', attempts: 2 });
  });
});
