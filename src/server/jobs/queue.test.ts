import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { jobs } from '@/server/db/schema';
import { createTestDatabase } from '@/test/database';
import { enqueue, startWorker, type Worker } from './queue';

const { db } = await createTestDatabase();
const workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
});

const statusOf = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('job queue', () => {
  it('runs each job once, with its payload', async () => {
    const seen: unknown[] = [];
    const ids = await Promise.all([1, 2, 3].map((n) => enqueue(db, 'once', { n })));
    for (let i = 0; i < 2; i++) workers.push(startWorker({ db, queue: 'once', pollMs: 50, handler: async (job) => void seen.push(job.payload.n) }));
    await until(async () => (await Promise.all(ids.map((id) => statusOf(id!)))).every((job) => job.status === 'done'));
    expect(seen.sort()).toEqual([1, 2, 3]);
  });

  it('keeps one pending job per singleton key', async () => {
    expect(await enqueue(db, 'single', {}, { singletonKey: 'project-1' })).not.toBeNull();
    expect(await enqueue(db, 'single', {}, { singletonKey: 'project-1' })).toBeNull();
    expect(await enqueue(db, 'single', {}, { singletonKey: 'project-2' })).not.toBeNull();
  });

  it('retries a failing job, then marks it failed with the error', async () => {
    const id = (await enqueue(db, 'flaky', {}, { maxAttempts: 2 }))!;
    let calls = 0;
    workers.push(startWorker({ db, queue: 'flaky', pollMs: 50, retryDelayMs: 50, handler: async () => {
      calls += 1;
      throw new Error(`boom ${calls}`);
    } }));
    await until(async () => (await statusOf(id)).status === 'failed');
    expect(calls).toBe(2);
    expect(await statusOf(id)).toMatchObject({ attempts: 2, lastError: 'boom 2' });
  });

  it('runs a job again when its worker died holding it (its lease lapsed)', async () => {
    const id = (await enqueue(db, 'crash', { step: 'install' }))!;
    // A worker took it and was killed with kill -9: running, lease already expired.
    await db.update(jobs).set({ status: 'running', attempts: 1, lockedBy: 'dead-worker', lockedUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, id));
    const seen: string[] = [];
    workers.push(startWorker({ db, queue: 'crash', pollMs: 50, handler: async (job) => void seen.push(String(job.payload.step)) }));
    await until(async () => (await statusOf(id)).status === 'done');
    expect(seen).toEqual(['install']);
    expect((await statusOf(id)).attempts).toBe(2);
  });

  it('does not take a job whose worker is alive and renewing its lease', async () => {
    const id = (await enqueue(db, 'busy', {}))!;
    let release!: () => void;
    const blocker = new Promise<void>((resolve) => (release = resolve));
    let runs = 0;
    const handler = async () => {
      runs += 1;
      await blocker;
    };
    workers.push(startWorker({ db, queue: 'busy', pollMs: 30, leaseMs: 300, handler }));
    workers.push(startWorker({ db, queue: 'busy', pollMs: 30, leaseMs: 300, handler }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    release();
    await until(async () => (await statusOf(id)).status === 'done');
    expect(runs).toBe(1);
  });
});
