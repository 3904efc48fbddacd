import { randomUUID } from 'node:crypto';
import { Command } from '@langchain/langgraph';
import type { BaseMessage } from '@langchain/core/messages';
import { and, eq, sql } from 'drizzle-orm';
import type { AgentEvent, AgentToolCall } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import { agentThreads, type AgentThreadRow, type ProjectRow } from '@/server/db/schema';
import { isAppError } from '@/server/errors';
import { getLogger } from '@/server/logger';
import { reportServerError } from '@/server/observability/report-error';
import type { SandboxProvider } from '@/server/sandbox/types';
import { RunEventWriter } from '../events/writer';
import { buildAgentGraph } from '../graph';
import type { AgentRuntime } from '../runtime';
import type { FileChangeRecord } from '../tools/types';
import { unifiedDiff } from '../tools/unified-diff';
import { recordTurnChange } from '../turns/record-change';
import { recordUsage } from '../usage/usage';

const DEFAULT_CONTEXT_WINDOW = 128_000;

export interface RunRequest {
  db: Database;
  provider: SandboxProvider;
  runtime: AgentRuntime;
  thread: AgentThreadRow;
  project: ProjectRow;
  userId: string;
  modelId: string;
  turnId: string;
  systemPrompt: string;
  /** New messages, or the answer to an approval interrupt. */
  input: { messages: BaseMessage[] } | { resume: unknown };
}

/**
 * Starts a run in the background (the thread is already claimed: state `running`) and returns its
 * id. Events stream to the thread's event log; the run ends done, awaiting approval, cancelled or
 * failed, and always releases the thread and records its usage.
 */
export function startRun(request: RunRequest): { runId: string; done: Promise<void> } {
  const runId = randomUUID();
  const controller = new AbortController();
  const heartbeat = renewRunLease(request);
  const done = executeRun(request, runId, controller.signal).finally(() => {
    clearInterval(heartbeat);
    // A newer run of this thread may already be registered (the thread is freed before the last events are written).
    if (request.runtime.runs.get(request.thread.id)?.controller === controller) request.runtime.runs.delete(request.thread.id);
  });
  request.runtime.runs.set(request.thread.id, { controller, done });
  return { runId, done };
}

/** Keeps the thread's run lease fresh while the run lives here (see `releaseAbandonedRun`). */
function renewRunLease({ db, runtime, thread }: RunRequest): NodeJS.Timeout {
  const timer = setInterval(() => {
    void db
      .update(agentThreads)
      .set({ updatedAt: sql`now()` })
      .where(and(eq(agentThreads.id, thread.id), eq(agentThreads.state, 'running')))
      .catch((error: unknown) => getLogger().warn({ err: error, threadId: thread.id }, 'agent run lease not renewed'));
  }, runtime.runLeaseMs / 3);
  timer.unref();
  return timer;
}

async function executeRun(request: RunRequest, runId: string, signal: AbortSignal): Promise<void> {
  const { db, runtime, thread, project } = request;
  const writer = new RunEventWriter({ db, bus: runtime.bus, threadId: thread.id });
  const emit = (event: AgentEvent) => void writer.emit(event);
  const usage = { inputTokens: 0, outputTokens: 0 };
  // The last event (done or error) goes out after the usage.
  let final: AgentEvent = { type: 'done', reason: 'completed' };
  emit({ type: 'run_started', runId, turnId: request.turnId });
  try {
    const model = runtime.models.create(request.modelId);
    const contextWindow = runtime.models.list().find((info) => info.id === request.modelId)?.contextWindow ?? DEFAULT_CONTEXT_WINDOW;
    const graph = buildAgentGraph(await runtime.checkpointer.saver(), {
      model,
      systemPrompt: request.systemPrompt,
      contextWindow,
      approvalMode: thread.approvalMode,
      emit,
      onUsage: (delta) => {
        usage.inputTokens += delta.inputTokens;
        usage.outputTokens += delta.outputTokens;
      },
      tools: {
        db,
        provider: request.provider,
        project,
        userId: request.userId,
        agentType: thread.agentType,
        signal,
        onFileChanged: (change) => fileChanged(request, writer, change),
      },
    });
    const config = { configurable: { thread_id: thread.conversationId }, signal, recursionLimit: 60 };
    await graph.invoke('resume' in request.input ? new Command({ resume: request.input.resume }) : request.input, config);
    await writer.flush();
    const state = await graph.getState(config);
    const pending = state.tasks.flatMap((task) => task.interrupts).map((entry) => (entry.value as { calls: AgentToolCall[] }).calls);
    if (pending.length > 0) {
      const calls = pending.flat();
      await setState(db, thread.id, { state: 'awaiting_approval', pendingApproval: calls });
      emit({ type: 'approval_required', calls });
      final = { type: 'done', reason: 'awaiting_approval' };
    } else {
      await setState(db, thread.id, { state: 'idle' });
    }
  } catch (error) {
    await writer.flush();
    if (signal.aborted) {
      await setState(db, thread.id, { state: 'idle' });
      final = { type: 'done', reason: 'cancelled' };
    } else {
      const message = failureMessage(error, thread.id);
      await setState(db, thread.id, { state: 'error', lastError: message });
      final = { type: 'error', message };
    }
  } finally {
    if (usage.inputTokens + usage.outputTokens > 0) {
      const costUsd = runtime.models.costOf(request.modelId, usage);
      await recordUsage({ db, userId: request.userId, projectId: project.id, threadId: thread.id, modelId: request.modelId, ...usage, costUsd }).catch((error: unknown) =>
        getLogger().error({ err: error, threadId: thread.id }, 'agent usage not recorded'),
      );
      emit({ type: 'usage', ...usage, costUsd });
    }
    emit(final);
    await writer.close();
  }
}

async function fileChanged(request: RunRequest, writer: RunEventWriter, change: FileChangeRecord): Promise<void> {
  await recordTurnChange({ db: request.db, turnId: request.turnId, change: { path: change.path, before: change.before?.version ?? null, after: change.after?.version ?? null } });
  await writer.emit({
    type: 'file_changed',
    path: change.path,
    change: !change.before ? 'created' : !change.after ? 'deleted' : 'modified',
    beforeVersion: change.before?.version ?? null,
    afterVersion: change.after?.version ?? null,
    diff: unifiedDiff(change.path, change.before?.content ?? null, change.after?.content ?? null),
  });
}

/**
 * What the panel and `lastError` say about a failed run. A domain error says what to do (model
 * errors are mapped where the model is called, see graph.ts); anything else is our fault: the user
 * gets a generic line, the log and Sentry get the cause, which may hold paths, SQL or URLs.
 */
function failureMessage(error: unknown, threadId: string): string {
  if (isAppError(error)) {
    getLogger().warn({ err: error, threadId, code: error.code }, 'agent run failed');
    return error.message;
  }
  reportServerError(error, { surface: 'job', path: 'agent-run', message: `agent run failed (thread ${threadId})` });
  return 'The agent stopped because of an error on our side. It has been logged; try again.';
}

function setState(db: Database, threadId: string, change: Partial<Pick<AgentThreadRow, 'state' | 'pendingApproval' | 'lastError'>>) {
  return db.update(agentThreads).set(change).where(eq(agentThreads.id, threadId));
}
