import { randomUUID } from 'node:crypto';
import { HumanMessage } from '@langchain/core/messages';
import { eq, sql } from 'drizzle-orm';
import type { SendMessageInput } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import { agentThreads, agentTurns, type AgentThreadRow, type ProjectRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import type { SandboxProvider } from '@/server/sandbox/types';
import { buildSystemPrompt } from '../context';
import type { AgentRuntime } from '../runtime';
import { claimThread } from './claim-thread';
import { startRun } from './execute-run';

export const NO_MODEL_MESSAGE =
  'No AI model is configured. Set OPENAI_API_KEY, ANTHROPIC_API_KEY, or OPENAI_BASE_URL (for Ollama, vLLM, LM Studio and other OpenAI-compatible servers) in the environment and restart Aura.';

/** The thread's model, or the deployment's default; PRECONDITION_FAILED when none is configured. */
export function resolveModel(runtime: AgentRuntime, thread: AgentThreadRow): string {
  const models = runtime.models.list();
  if (models.length === 0) throw new AppError('PRECONDITION_FAILED', NO_MODEL_MESSAGE);
  if (thread.modelId && models.some((model) => model.id === thread.modelId)) return thread.modelId;
  const fallback = runtime.models.defaultId();
  if (!fallback) throw new AppError('PRECONDITION_FAILED', NO_MODEL_MESSAGE);
  return fallback;
}

/**
 * Sends the user's message and starts the agent in the background. Returns at once with the run
 * and turn ids; output arrives on `onEvents`. The turn id is the user message's id (for `revert`).
 */
export async function sendMessage(options: { db: Database; provider: SandboxProvider; runtime: AgentRuntime; thread: AgentThreadRow; project: ProjectRow; userId: string; input: Omit<SendMessageInput, 'threadId'> }) {
  const { db, runtime, project, input } = options;
  const modelId = resolveModel(runtime, options.thread);
  const thread = await claimThread(db, options.thread, ['idle', 'error']);
  try {
    const turnId = randomUUID();
    // Independent of one another, so side by side: each is a round trip before the model is asked.
    const [, , systemPrompt] = await Promise.all([
      db.insert(agentTurns).values({ id: turnId, threadId: thread.id, message: input.message }),
      // The first message names a thread that still has the default title.
      db
        .update(agentThreads)
        .set({ modelId, title: sql`case when ${agentThreads.title} = 'New conversation' then ${input.message.slice(0, 80)} else ${agentThreads.title} end` })
        .where(eq(agentThreads.id, thread.id)),
      buildSystemPrompt({ db, project, agentType: thread.agentType, openFile: input.openFile, includeTerminalOutput: input.includeTerminalOutput }),
    ]);
    const { runId } = startRun({ ...options, thread, modelId, turnId, systemPrompt, input: { messages: [new HumanMessage({ id: turnId, content: input.message })] } });
    return { runId, turnId };
  } catch (error) {
    await db.update(agentThreads).set({ state: 'idle' }).where(eq(agentThreads.id, thread.id));
    throw error;
  }
}
