import { isAIMessage, isHumanMessage, isToolMessage, type AIMessage, type BaseMessage, type ToolMessage } from '@langchain/core/messages';
import type { ThreadMessage } from '@/lib/schemas/agent';
import type { AgentThreadRow } from '@/server/db/schema';
import { buildAgentGraph } from '../graph';
import type { AgentRuntime } from '../runtime';

const text = (message: BaseMessage) =>
  typeof message.content === 'string' ? message.content : message.content.map((part) => ('text' in part && typeof part.text === 'string' ? part.text : '')).join('');

export async function loadConversation(runtime: AgentRuntime, thread: AgentThreadRow): Promise<BaseMessage[]> {
  const graph = buildAgentGraph(await runtime.checkpointer.saver());
  const state = await graph.getState({ configurable: { thread_id: thread.conversationId } });
  return (state.values as { messages?: BaseMessage[] }).messages ?? [];
}

/** The conversation as the panel renders it (system context is per run and not part of it). */
export async function getThreadMessages(options: { runtime: AgentRuntime; thread: AgentThreadRow }): Promise<ThreadMessage[]> {
  const messages = await loadConversation(options.runtime, options.thread);
  return messages.flatMap((message): ThreadMessage[] => {
    const id = message.id ?? '';
    if (isHumanMessage(message)) return [{ id, role: 'user', content: text(message), turnId: id }];
    if (isAIMessage(message)) {
      const calls = ((message as AIMessage).tool_calls ?? []).map((call) => ({ id: call.id ?? '', name: call.name, args: call.args }));
      return [{ id, role: 'assistant', content: text(message), ...(calls.length ? { toolCalls: calls } : {}) }];
    }
    if (isToolMessage(message)) return [{ id, role: 'tool', content: text(message), toolCallId: (message as ToolMessage).tool_call_id, toolName: message.name }];
    return [];
  });
}
