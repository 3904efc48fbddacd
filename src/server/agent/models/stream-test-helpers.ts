import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessageChunk } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { z } from 'zod';

/** The agent's file-writing tool, as bound in these tests. */
export const writeFile = tool(async () => 'ok', {
  name: 'write_file',
  description: 'Write a file in the project.',
  schema: z.object({ path: z.string(), content: z.string() }),
});

/** Streams a model call to the end, returning every chunk and their merge. */
export async function streamAll(model: Pick<BaseChatModel, 'stream'>, input: Parameters<BaseChatModel['stream']>[0], options?: { signal?: AbortSignal }) {
  const chunks: AIMessageChunk[] = [];
  for await (const chunk of await model.stream(input, options)) chunks.push(chunk as AIMessageChunk);
  const merged = chunks.reduce((all, chunk) => all.concat(chunk));
  return { chunks, merged, texts: chunks.map((chunk) => chunk.text).filter(Boolean) };
}
