import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentTurns, type AgentThreadRow, type ProjectRow } from '@/server/db/schema';
import type { SandboxProvider } from '@/server/sandbox/types';
import { buildSystemPrompt } from '../context';
import { appendEvent } from '../events/store';
import type { ApprovalDecision } from '../graph';
import type { AgentRuntime } from '../runtime';
import { claimThread } from './claim-thread';
import { startRun } from './execute-run';
import { resolveModel } from './send-message';

/** Approves or rejects the pending tool calls and resumes the run from its interrupt. */
export async function resolveApproval(options: { db: Database; provider: SandboxProvider; runtime: AgentRuntime; thread: AgentThreadRow; project: ProjectRow; userId: string; decision: ApprovalDecision }) {
  const { db, runtime, project, decision } = options;
  const modelId = resolveModel(runtime, options.thread);
  const thread = await claimThread(db, options.thread, ['awaiting_approval']);
  await appendEvent({ db, bus: runtime.bus, threadId: thread.id, event: { type: 'approval_resolved', approved: decision.approved, ...(decision.reason ? { reason: decision.reason } : {}) } });
  const [turn] = await db.select({ id: agentTurns.id }).from(agentTurns).where(eq(agentTurns.threadId, thread.id)).orderBy(desc(agentTurns.createdAt)).limit(1);
  const systemPrompt = await buildSystemPrompt({ db, project, agentType: thread.agentType });
  const { runId } = startRun({ ...options, thread, modelId, turnId: turn?.id ?? thread.id, systemPrompt, input: { resume: decision } });
  return { runId };
}
