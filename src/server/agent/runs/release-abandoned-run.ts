import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentThreads, type AgentThreadRow } from '@/server/db/schema';
import { appendEvent } from '../events/store';
import type { AgentRuntime } from '../runtime';

export const ABANDONED_RUN_MESSAGE = 'The server running the agent stopped before it finished. Your conversation is kept; send your message again.';

/**
 * Releases a thread left `running` by a server that died mid-run (killed, out of memory, a lost
 * machine). A live run renews the thread's lease (`updated_at`) on whichever instance runs it, so
 * a `running` thread with no run here and no renewal for `runLeaseMs` has no run anywhere. It goes
 * to `error` with a message, and an `error` event ends the run for clients still following it.
 * Returns the thread as it is now.
 */
export async function releaseAbandonedRun(options: { db: Database; runtime: AgentRuntime; thread: AgentThreadRow }): Promise<AgentThreadRow> {
  const { db, runtime, thread } = options;
  if (thread.state !== 'running' || runtime.runs.has(thread.id)) return thread;
  const [released] = await db
    .update(agentThreads)
    .set({ state: 'error', lastError: ABANDONED_RUN_MESSAGE })
    .where(and(eq(agentThreads.id, thread.id), eq(agentThreads.state, 'running'), sql`${agentThreads.updatedAt} < now() - ${`${runtime.runLeaseMs} milliseconds`}::interval`))
    .returning();
  if (!released) return thread;
  await appendEvent({ db, bus: runtime.bus, threadId: thread.id, event: { type: 'error', message: ABANDONED_RUN_MESSAGE } });
  return released;
}
