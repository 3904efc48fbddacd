import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { env } from '@/env';
import { getEventBus, type EventBus } from '@/server/events';
import { dropSingleton, processSingleton } from '@/server/registry';
import { createCheckpointer, type Checkpointer } from './checkpointer';
import * as configured from './models';
import type { ModelInfo, TokenUsage } from './models';

/** Where models come from: env-configured providers in the app, a scripted model in tests. */
export interface ModelCatalog {
  list(): ModelInfo[];
  defaultId(): string | null;
  create(id: string): BaseChatModel;
  costOf(id: string, usage: TokenUsage): number;
}

interface LocalRun {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * What agent services share on one instance: the checkpointer's pool, the model catalog, the bus,
 * and the runs in flight here (so cancel can reach their AbortController, also when it arrives on
 * another instance: cancels travel over the bus).
 */
export interface AgentRuntime {
  checkpointer: Checkpointer;
  models: ModelCatalog;
  bus: EventBus;
  runs: Map<string, LocalRun>;
  /**
   * A run renews its thread's `updated_at` every third of this while it lives; a `running` thread
   * not renewed for this long was left by a server that died mid-run, and is released.
   */
  runLeaseMs: number;
  close(): Promise<void>;
}

const RUN_LEASE_MS = 30_000;

const CANCEL_TOPIC = 'agent:cancel';

export function createAgentRuntime(options: { databaseUrl: string; models?: ModelCatalog; bus?: EventBus; runLeaseMs?: number }): AgentRuntime {
  const bus = options.bus ?? getEventBus();
  const runs = new Map<string, LocalRun>();
  const unsubscribe = bus.subscribe(CANCEL_TOPIC, (event) => {
    const threadId = (event as { threadId?: string }).threadId;
    if (threadId) runs.get(threadId)?.controller.abort(new Error('Cancelled'));
  });
  const checkpointer = createCheckpointer(options.databaseUrl);
  return {
    checkpointer,
    models: options.models ?? {
      list: configured.listModels,
      defaultId: configured.defaultModelId,
      create: configured.createChatModel,
      costOf: configured.costOf,
    },
    bus,
    runs,
    runLeaseMs: options.runLeaseMs ?? RUN_LEASE_MS,
    async close() {
      unsubscribe();
      for (const run of runs.values()) run.controller.abort(new Error('Shutting down'));
      await Promise.allSettled([...runs.values()].map((run) => run.done));
      await checkpointer.close();
    },
  };
}

/** Asks every instance to cancel the thread's run (this one included). */
export const broadcastCancel = (runtime: AgentRuntime, threadId: string) => runtime.bus.publish(CANCEL_TOPIC, { threadId });

const RUNTIME = 'agent.runtime';

/** The app's agent runtime (its runs in flight included), from env; nothing connects until a thread is used. */
export function getAgentRuntime(): AgentRuntime {
  return processSingleton(RUNTIME, () => createAgentRuntime({ databaseUrl: env.DATABASE_URL }));
}

/** Server shutdown: cancels this instance's runs (their threads are freed) and closes the pool. */
export async function closeAgentRuntime(): Promise<void> {
  await dropSingleton<AgentRuntime>(RUNTIME)?.close();
}
