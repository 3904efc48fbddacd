import { ChatAnthropic } from '@langchain/anthropic';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { MessageContent } from '@langchain/core/messages';
import { ChatOpenAI, ChatOpenAICompletions, type ChatOpenAIFields } from '@langchain/openai';
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
  const fields: ChatOpenAIFields = {
    model: endpoint.model,
    apiKey: endpoint.apiKey,
    configuration: { baseURL: endpoint.baseUrl, defaultHeaders: endpoint.headers },
    streaming: true,
    // Sends stream_options.include_usage, so a streamed run still reports its token usage.
    streamUsage: true,
    maxRetries: options.maxRetries,
  };
  return new ChatOpenAI({ ...fields, completions: new OfflineTokenCountCompletions(fields) });
}

/**
 * `invoke()` on a streaming ChatOpenAI also estimates the run's tokens with tiktoken, whose tables
 * it downloads from tiktoken.pages.dev on first use: that call hangs or fails on a machine without
 * internet (a self-hosted Aura with a local model, CI). The estimate only fills `llmOutput`; the
 * real usage comes from the stream's usage chunk. So it is approximated here, with no download.
 */
class OfflineTokenCountCompletions extends ChatOpenAICompletions {
  override async getNumTokens(content: MessageContent): Promise<number> {
    const text =
      typeof content === 'string'
        ? content
        : content.map((block) => (typeof block === 'string' ? block : block.type === 'text' && 'text' in block ? String(block.text) : '')).join('');
    return Math.ceil(text.length / 4);
  }
}
