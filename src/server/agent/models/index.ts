/**
 * Chat models configured from env (OpenAI, Anthropic, any OpenAI-compatible base URL, with the
 * Helicone proxy when HELICONE_API_KEY is set).
 *
 * CONTRACT (other agent modules code against this):
 * - `listModels()` returns only the models that are configured in this deployment; empty when none.
 *   It holds no secrets, so it can go to the browser as is.
 * - `defaultModelId()` is the first configured model, or null.
 * - `createChatModel(id)` builds a streaming LangChain chat model that reports token usage in its
 *   stream; throws AppError PRECONDITION_FAILED when the id is not configured.
 * - `costOf(id, usage)` is the USD cost of a run's token usage (0 for local/unknown-priced models).
 *
 * `createModelRegistry(env)` is the same API over any environment (tests build one per case).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

import { env } from '@/env';
import { AppError } from '@/server/errors';
import { processSingleton } from '@/server/registry';
import { buildChatModel } from './chat-model';
import { configuredModels, type ModelEnv } from './config';

export type { ModelEnv } from './config';
export { modelErrorOf } from './errors';

export type ModelProvider = 'openai' | 'anthropic' | 'openai-compatible';

export interface ModelInfo {
  /** Stable id used by clients, e.g. `openai:gpt-4o-mini`, `anthropic:claude-sonnet-4-5`, `local:llama3.1`. */
  id: string;
  provider: ModelProvider;
  label: string;
  /** Tokens the model accepts; the agent trims history to stay inside it. */
  contextWindow: number;
  /** USD per million tokens. */
  pricing: { inputPerMTok: number; outputPerMTok: number };
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ModelRegistry {
  listModels(): ModelInfo[];
  defaultModelId(): string | null;
  createChatModel(id: string): BaseChatModel;
  costOf(id: string, usage: TokenUsage): number;
}

/** The models of one environment. `maxRetries` (default 2) applies to 429, 5xx and network errors. */
export function createModelRegistry(modelEnv: ModelEnv, options: { maxRetries?: number } = {}): ModelRegistry {
  const models = configuredModels(modelEnv);
  const infos = models.map((model) => model.info);
  const maxRetries = options.maxRetries ?? 2;
  const find = (id: string) => models.find((model) => model.info.id === id);

  return {
    listModels: () => infos.map((info) => ({ ...info, pricing: { ...info.pricing } })),
    defaultModelId: () => infos[0]?.id ?? null,
    createChatModel(id) {
      const model = find(id);
      if (!model) throw new AppError('PRECONDITION_FAILED', `Model "${id}" is not configured.`);
      return buildChatModel(model, { maxRetries });
    },
    costOf(id, usage) {
      const pricing = find(id)?.info.pricing;
      if (!pricing) return 0;
      return (usage.inputTokens * pricing.inputPerMTok + usage.outputTokens * pricing.outputPerMTok) / 1_000_000;
    },
  };
}

// Built on first use: env is validated then, never at import (a build reads no env).
const appRegistry = (): ModelRegistry => processSingleton('agent.models', () => createModelRegistry(env));

export function listModels(): ModelInfo[] {
  return appRegistry().listModels();
}

export function defaultModelId(): string | null {
  return appRegistry().defaultModelId();
}

export function createChatModel(id: string): BaseChatModel {
  return appRegistry().createChatModel(id);
}

export function costOf(id: string, usage: TokenUsage): number {
  return appRegistry().costOf(id, usage);
}
