import { and, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentThreads, type AgentThreadRow } from '@/server/db/schema';
import { appendEvent } from '../events/store';
import { broadcastCancel, type AgentRuntime } from '../runtime';

const GRACE_MS = 1500;

/**
 * Cancels the thread's run wherever it runs: aborts the model call and any running command (the
 * run's AbortSignal). A thread waiting for approval is released. If no instance answers (its
 * server died mid-run), the thread is freed here so it can be used again.
 */
export async function cancelRun(options: { db: Database; runtime: AgentRuntime; thread: AgentThreadRow; quiet?: boolean }): Promise<{ success: true }> {
  const { db, runtime, thread } = options;
  if (thread.state === 'awaiting_approval') {
    const [released] = await db.update(agentThreads).set({ state: 'idle', pendingApproval: null }).where(and(eq(agentThreads.id, thread.id), eq(agentThreads.state, 'awaiting_approval'))).returning();
    if (released && !options.quiet) await appendEvent({ db, bus: runtime.bus, threadId: thread.id, event: { type: 'done', reason: 'cancelled' } });
    return { success: true };
  }
  if (thread.state !== 'running') return { success: true };
  const local = runtime.runs.get(thread.id);
  await broadcastCancel(runtime, thread.id);
  if (local) {
    await local.done;
    return { success: true };
  }
  const deadline = Date.now() + GRACE_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [current] = await db.select({ state: agentThreads.state }).from(agentThreads).where(eq(agentThreads.id, thread.id));
    if (current?.state !== 'running') return { success: true };
  }
  const [freed] = await db.update(agentThreads).set({ state: 'idle' }).where(and(eq(agentThreads.id, thread.id), eq(agentThreads.state, 'running'))).returning();
  if (freed && !options.quiet) await appendEvent({ db, bus: runtime.bus, threadId: thread.id, event: { type: 'done', reason: 'cancelled' } });
  return { success: true };
}
