import { RemoveMessage } from '@langchain/core/messages';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentThreads, agentTurns, type AgentThreadRow, type ProjectRow } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { statFile } from '@/server/files/read-file';
import type { SandboxProvider } from '@/server/sandbox/types';
import { deleteProjectFile, restoreProjectFile } from '@/server/workspace/project-files';
import { appendEvent } from '../events/store';
import { buildAgentGraph } from '../graph';
import type { AgentRuntime } from '../runtime';

/**
 * "Revert to before this message": every file the agent changed in this turn and the ones after
 * it goes back to its version from before the turn (a file it created is deleted), and the
 * conversation loses the message and everything after it. Continuing afterwards works as usual.
 */
export async function revertTurn(options: { db: Database; provider: SandboxProvider; runtime: AgentRuntime; thread: AgentThreadRow; project: ProjectRow; userId: string; turnId: string }) {
  const { db, runtime, thread, project } = options;
  if (thread.state === 'running') throw new AppError('CONFLICT', 'The agent is still working on this thread. Cancel it before reverting.');
  const [target] = await db.select().from(agentTurns).where(and(eq(agentTurns.id, options.turnId), eq(agentTurns.threadId, thread.id)));
  if (!target) throw notFound('Message');
  const turns = await db.select().from(agentTurns).where(and(eq(agentTurns.threadId, thread.id), gte(agentTurns.createdAt, target.createdAt))).orderBy(asc(agentTurns.createdAt));

  // The oldest "before" of each path across the reverted turns is what it goes back to.
  const restoreTo = new Map<string, number | null>();
  for (const turn of turns) for (const change of turn.fileChanges) if (!restoreTo.has(change.path)) restoreTo.set(change.path, change.before);
  const target_ = { db, provider: options.provider, project, userId: options.userId };
  for (const [path, version] of restoreTo) {
    const current = await statFile({ db, projectId: project.id, path });
    if (version === null) {
      if (current) await deleteProjectFile({ ...target_, path, source: 'agent' });
    } else if (current?.version !== version) {
      await restoreProjectFile({ ...target_, path, version });
    }
  }

  const graph = buildAgentGraph(await runtime.checkpointer.saver());
  const config = { configurable: { thread_id: thread.conversationId } };
  const messages = ((await graph.getState(config)).values as { messages?: { id?: string }[] }).messages ?? [];
  const from = messages.findIndex((message) => message.id === target.id);
  if (from >= 0) await graph.updateState(config, { messages: messages.slice(from).map((message) => new RemoveMessage({ id: message.id! })) });

  await db.delete(agentTurns).where(inArray(agentTurns.id, turns.map((turn) => turn.id)));
  await db.update(agentThreads).set({ state: 'idle', pendingApproval: null, lastError: null }).where(eq(agentThreads.id, thread.id));
  await appendEvent({ db, bus: runtime.bus, threadId: thread.id, event: { type: 'reverted', turnId: target.id } });
  return { restored: [...restoreTo.keys()] };
}
