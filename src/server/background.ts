import { closeAgentRuntime } from '@/server/agent/runtime';
import { getDb } from '@/server/db';
import { startWorker, type Worker } from '@/server/jobs/queue';
import { getLogger } from '@/server/logger';
import { runProjectSetup, SETUP_QUEUE } from '@/server/projects/setup/run-setup';
import { getSandboxProvider } from '@/server/sandbox';
import { sweepSessions } from '@/server/sessions/workspace-sessions';
import { stopWatching } from '@/server/workspace/watchers';

const SWEEP_EVERY_MS = 60_000;

let started: { worker: Worker; sweeper: NodeJS.Timeout } | undefined;

/**
 * Work a long-running server does besides answering requests: project setups from the job queue,
 * and the session sweeper. Started once per process from instrumentation.ts.
 */
export function startBackgroundWork(): void {
  if (started) return;
  const db = getDb();
  const provider = getSandboxProvider();
  const worker = startWorker({
    db,
    queue: SETUP_QUEUE,
    concurrency: 2,
    handler: (job) => runProjectSetup({ db, provider, projectId: String(job.payload.projectId) }),
  });
  const sweeper = setInterval(() => {
    void sweepSessions({ db })
      .then(async ({ ended }) => {
        // Projects nobody has open any more: stop watching their sandboxes after a final sync.
        for (const projectId of ended) await stopWatching({ db, sandbox: null, projectId });
      })
      .catch((error: unknown) => getLogger().error({ err: error }, 'session sweep failed'));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  started = { worker, sweeper };

  process.once('SIGTERM', () => void stopBackgroundWork());
  getLogger().info({ event: 'background_started', provider: provider.name }, 'setup worker and session sweeper started');
}

export async function stopBackgroundWork(): Promise<void> {
  if (!started) return;
  const { worker, sweeper } = started;
  started = undefined;
  clearInterval(sweeper);
  await worker.stop();
  await closeAgentRuntime();
  await getSandboxProvider().shutdown();
}
