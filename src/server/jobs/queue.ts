import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { jobs, type JobRow } from '@/server/db/schema';
import { getLogger } from '@/server/logger';
import { getMetrics } from '@/server/observability/metrics';
import { reportServerError } from '@/server/observability/report-error';

export interface EnqueueOptions {
  /** At most one queued or running job per key: enqueueing again while one exists is a no-op. */
  singletonKey?: string;
  maxAttempts?: number;
  runAt?: Date;
}

/** Adds a job; returns its id, or null when a job with the same singleton key is already pending. */
export async function enqueue(db: Database, queue: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string | null> {
  const [row] = await db
    .insert(jobs)
    .values({ queue, payload, singletonKey: options.singletonKey ?? null, maxAttempts: options.maxAttempts ?? 3, runAt: options.runAt ?? new Date() })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return row?.id ?? null;
}

/**
 * Leases the next due job: a queued one, or a running one whose worker stopped renewing its lease
 * (it crashed or was killed). SKIP LOCKED lets many workers poll at once.
 */
async function claim(db: Database, queue: string, workerId: string, leaseMs: number): Promise<JobRow | null> {
  const rows = await db.execute<{ id: string }>(sql`
    update ${jobs} set status = 'running', attempts = ${jobs.attempts} + 1, locked_by = ${workerId},
      locked_until = now() + ${`${leaseMs} milliseconds`}::interval, updated_at = now()
    where ${jobs.id} = (
      select ${jobs.id} from ${jobs}
      where ${jobs.queue} = ${queue} and ${jobs.runAt} <= now()
        and (${jobs.status} = 'queued' or (${jobs.status} = 'running' and ${jobs.lockedUntil} < now()))
      order by ${jobs.runAt} limit 1 for update skip locked)
    returning ${jobs.id}`);
  const id = rows[0]?.id;
  if (!id) return null;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job ?? null;
}

export interface Worker {
  stop(): Promise<void>;
}

export interface WorkerOptions {
  db: Database;
  queue: string;
  handler: (job: JobRow) => Promise<void>;
  concurrency?: number;
  pollMs?: number;
  leaseMs?: number;
  /** Wait before retry n (1-based): retryDelayMs × 2^(n−1). */
  retryDelayMs?: number;
}

/**
 * Runs jobs from a queue until stopped. A failing job is retried with backoff until its attempts
 * run out; then it is `failed` and the handler's own error handling has told the user why.
 */
export function startWorker(options: WorkerOptions): Worker {
  const { db, queue, handler } = options;
  const pollMs = options.pollMs ?? 1_000;
  const leaseMs = options.leaseMs ?? 30_000;
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  const running = new Set<Promise<void>>();
  let wake: (() => void) | undefined;

  async function runOne(job: JobRow) {
    const renew = setInterval(() => {
      void db.update(jobs).set({ lockedUntil: new Date(Date.now() + leaseMs) }).where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId))).catch(() => {});
    }, leaseMs / 3);
    try {
      await handler(job);
      await db.update(jobs).set({ status: 'done', lockedUntil: null, lastError: null }).where(eq(jobs.id, job.id));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = job.attempts >= job.maxAttempts;
      getMetrics().jobFailures.inc({ queue, final: String(final) });
      if (final) reportServerError(error, { surface: 'job', path: queue, message: 'job failed for the last time' });
      else getLogger().warn({ err: error, queue, jobId: job.id, attempt: job.attempts, final }, 'job failed');
      await db
        .update(jobs)
        .set({ status: final ? 'failed' : 'queued', lockedUntil: null, lastError: message.slice(0, 2000), runAt: new Date(Date.now() + (options.retryDelayMs ?? 1_000) * 2 ** (job.attempts - 1)) })
        .where(eq(jobs.id, job.id));
    } finally {
      clearInterval(renew);
    }
  }

  const loop = (async () => {
    while (!stopped) {
      try {
        while (!stopped && running.size < (options.concurrency ?? 2)) {
          const job = await claim(db, queue, workerId, leaseMs);
          if (!job) break;
          const task = runOne(job).finally(() => running.delete(task));
          running.add(task);
        }
      } catch (error) {
        getLogger().error({ err: error, queue }, 'job queue poll failed');
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, pollMs).unref();
      });
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await Promise.allSettled(running);
    },
  };
}
