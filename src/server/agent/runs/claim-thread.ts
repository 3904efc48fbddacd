import { and, eq, inArray } from 'drizzle-orm';
import type { ThreadState } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import { agentThreads, type AgentThreadRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';

const BUSY: Record<ThreadState, string> = {
  running: 'The agent is still working on this thread. Wait for it to finish or cancel it.',
  awaiting_approval: 'The agent is waiting for you to approve or reject its action.',
  idle: 'The agent is not waiting for an approval.',
  error: 'The agent is not waiting for an approval.',
};

/**
 * Marks the thread running if it is in one of `from`, atomically, so two sends (on any instances)
 * never run one thread twice. Throws CONFLICT with the reason otherwise.
 */
export async function claimThread(db: Database, thread: AgentThreadRow, from: ThreadState[]): Promise<AgentThreadRow> {
  const [claimed] = await db
    .update(agentThreads)
    .set({ state: 'running', pendingApproval: null, lastError: null })
    .where(and(eq(agentThreads.id, thread.id), inArray(agentThreads.state, from)))
    .returning();
  if (claimed) return claimed;
  const [current] = await db.select({ state: agentThreads.state }).from(agentThreads).where(eq(agentThreads.id, thread.id));
  throw new AppError('CONFLICT', BUSY[current?.state ?? 'idle']);
}
