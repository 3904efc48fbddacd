import { eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentThreads } from '@/server/db/schema';
import type { AgentRuntime } from '../runtime';
import { cancelRun } from '../runs/cancel-run';

/**
 * Before a project is deleted: cancels its agents' runs and deletes their LangGraph checkpoints
 * (the thread rows themselves go with the project, by cascade).
 */
export async function dropProjectThreads(options: { db: Database; runtime: AgentRuntime; projectId: string }): Promise<void> {
  const { db, runtime } = options;
  const threads = await db.select().from(agentThreads).where(eq(agentThreads.projectId, options.projectId));
  if (threads.length === 0) return;
  for (const thread of threads) await cancelRun({ db, runtime, thread, quiet: true });
  const saver = await runtime.checkpointer.saver();
  for (const thread of threads) await saver.deleteThread(thread.conversationId);
}
