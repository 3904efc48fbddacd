/**
 * Chat models configured from env (OpenAI, Anthropic, any OpenAI-compatible base URL, with the
 * Helicone proxy when HELICONE_API_KEY is set).
 *
 * CONTRACT (other agent modules code against this; the implementation fills it in):
 * - `listModels()` returns only the models that are configured in this deployment; empty when none.
 * - `defaultModelId()` is the first configured model, or null.
 * - `createChatModel(id)` builds a streaming LangChain chat model; throws AppError PRECONDITION_FAILED
 *   when the id is not configured.
 * - `costOf(id, usage)` is the USD cost of a run's token usage (0 for local/unknown-priced models).
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';

import { AppError } from '@/server/errors';

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

export function listModels(): ModelInfo[] {
  return [];
}

export function defaultModelId(): string | null {
  return listModels()[0]?.id ?? null;
}

export function createChatModel(id: string): BaseChatModel {
  throw new AppError('PRECONDITION_FAILED', `Model "${id}" is not configured.`);
}

export function costOf(id: string, usage: TokenUsage): number {
  const model = listModels().find((candidate) => candidate.id === id);
  if (!model) return 0;
  return (usage.inputTokens * model.pricing.inputPerMTok + usage.outputTokens * model.pricing.outputPerMTok) / 1_000_000;
}
