import { and, desc, eq } from 'drizzle-orm';
import type { CreateThreadInput } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import { agentThreads, type AgentThreadRow, type ProjectRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { toolsFor } from '../agent-types';
import type { AgentRuntime } from '../runtime';
import { cancelRun } from '../runs/cancel-run';
import { releaseAbandonedRun } from '../runs/release-abandoned-run';

export async function createThread(options: { db: Database; runtime: AgentRuntime; project: ProjectRow; userId: string; input: Omit<CreateThreadInput, 'projectId'>; sessionId?: string }): Promise<AgentThreadRow> {
  const { input } = options;
  if (input.modelId && !options.runtime.models.list().some((model) => model.id === input.modelId)) {
    throw new AppError('BAD_REQUEST', `Model "${input.modelId}" is not configured here.`);
  }
  const [thread] = await options.db
    .insert(agentThreads)
    .values({
      projectId: options.project.id,
      userId: options.userId,
      sessionId: options.sessionId,
      agentType: input.agentType,
      title: input.title ?? 'New conversation',
      modelId: input.modelId ?? options.runtime.models.defaultId(),
      approvalMode: input.approvalMode,
      tools: toolsFor(input.agentType),
    })
    .returning();
  return thread!;
}

/** The caller's threads on a project, newest first; one left `running` by a dead server is released on the way. */
export async function listThreads(options: { db: Database; runtime: AgentRuntime; projectId: string; userId: string }): Promise<AgentThreadRow[]> {
  const threads = await options.db
    .select()
    .from(agentThreads)
    .where(and(eq(agentThreads.projectId, options.projectId), eq(agentThreads.userId, options.userId)))
    .orderBy(desc(agentThreads.updatedAt));
  return Promise.all(threads.map((thread) => releaseAbandonedRun({ db: options.db, runtime: options.runtime, thread })));
}

export async function updateThread(options: { db: Database; runtime: AgentRuntime; thread: AgentThreadRow; title?: string; modelId?: string; approvalMode?: AgentThreadRow['approvalMode'] }): Promise<AgentThreadRow> {
  const { title, modelId, approvalMode } = options;
  if (modelId && !options.runtime.models.list().some((model) => model.id === modelId)) throw new AppError('BAD_REQUEST', `Model "${modelId}" is not configured here.`);
  const [row] = await options.db
    .update(agentThreads)
    .set({ ...(title ? { title } : {}), ...(modelId ? { modelId } : {}), ...(approvalMode ? { approvalMode } : {}) })
    .where(eq(agentThreads.id, options.thread.id))
    .returning();
  return row!;
}

/** Deletes the thread, its events, turns and LangGraph checkpoints; a running run is cancelled first. */
export async function deleteThread(options: { db: Database; runtime: AgentRuntime; thread: AgentThreadRow }): Promise<{ success: true }> {
  const { db, runtime, thread } = options;
  if (thread.state === 'running') await cancelRun({ db, runtime, thread, quiet: true });
  await db.delete(agentThreads).where(eq(agentThreads.id, thread.id));
  const saver = await runtime.checkpointer.saver();
  await saver.deleteThread(thread.conversationId);
  return { success: true };
}
