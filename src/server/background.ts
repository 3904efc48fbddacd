import { closeAgentRuntime } from '@/server/agent/runtime';
import { getDb } from '@/server/db';
import { startWorker, type Worker } from '@/server/jobs/queue';
import { getLogger } from '@/server/logger';
import { reportServerError } from '@/server/observability/report-error';
import { runProjectSetup, SETUP_QUEUE } from '@/server/projects/setup/run-setup';
import { dropSingleton, peekSingleton, processSingleton } from '@/server/registry';
import { getSandboxProvider } from '@/server/sandbox';
import { sweepSessions } from '@/server/sessions/workspace-sessions';
import { stopWatching } from '@/server/workspace/watchers';
import { singletonIdentities, type SingletonIdentities } from './diagnostics/singletons';

const SWEEP_EVERY_MS = 60_000;
const BACKGROUND = 'background';

interface Background {
  worker: Worker;
  sweeper: NodeJS.Timeout;
  /** The singletons as the worker's chunk resolves them; diagnostics compare a route's view with it. */
  view: () => SingletonIdentities;
}

/**
 * Work a long-running server does besides answering requests: project setups from the job queue,
 * and the session sweeper. Started once per process from instrumentation.ts.
 */
export function startBackgroundWork(): void {
  // Once per process, whichever chunk calls: a second worker and sweeper would double every job poll.
  processSingleton(BACKGROUND, createBackground);
}

function createBackground(): Background {
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
      .catch((error: unknown) => reportServerError(error, { surface: 'background', path: 'session-sweep', message: 'session sweep failed' }));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  process.once('SIGTERM', () => void stopBackgroundWork());
  getLogger().info({ event: 'background_started', provider: provider.name }, 'setup worker and session sweeper started');
  return { worker, sweeper, view: singletonIdentities };
}

/** The background worker's view of the singletons (null when it has not started in this process). */
export function backgroundView(): (() => SingletonIdentities) | null {
  return peekSingleton<Background>(BACKGROUND)?.view ?? null;
}

export async function stopBackgroundWork(): Promise<void> {
  const started = dropSingleton<Background>(BACKGROUND);
  if (!started) return;
  const { worker, sweeper } = started;
  clearInterval(sweeper);
  await worker.stop();
  await closeAgentRuntime();
  await getSandboxProvider().shutdown();
}
