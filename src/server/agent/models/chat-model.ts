import { ChatAnthropic } from '@langchain/anthropic';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { ConfiguredModel } from './config';

export interface ChatModelOptions {
  /** Retries on 429, 5xx and connection errors, with exponential backoff. */
  maxRetries: number;
}

/**
 * A streaming LangChain chat model for a configured model. Every setting is passed explicitly:
 * both client libraries otherwise fall back to `process.env` (OPENAI_BASE_URL, ANTHROPIC_BASE_URL,
 * the API keys), which would bypass Aura's validated env.
 */
export function buildChatModel({ info, endpoint }: ConfiguredModel, options: ChatModelOptions): BaseChatModel {
  if (info.provider === 'anthropic') {
    return new ChatAnthropic({
      model: endpoint.model,
      apiKey: endpoint.apiKey,
      anthropicApiUrl: endpoint.baseUrl,
      clientOptions: { defaultHeaders: endpoint.headers },
      streaming: true,
      streamUsage: true,
      maxRetries: options.maxRetries,
    });
  }
  return new ChatOpenAI({
    model: endpoint.model,
    apiKey: endpoint.apiKey,
    configuration: { baseURL: endpoint.baseUrl, defaultHeaders: endpoint.headers },
    streaming: true,
    // Sends stream_options.include_usage, so a streamed run still reports its token usage.
    streamUsage: true,
    maxRetries: options.maxRetries,
  });
}
