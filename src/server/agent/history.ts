import { AIMessage, ToolMessage, isAIMessage, isHumanMessage, isToolMessage, type BaseMessage } from '@langchain/core/messages';

/** A rough token count (≈4 characters a token), enough to stay inside a context window. */
export function approxTokens(message: BaseMessage | string): number {
  const text = typeof message === 'string' ? message : typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
  const calls = typeof message !== 'string' && isAIMessage(message) ? JSON.stringify(message.tool_calls ?? []) : '';
  return Math.ceil((text.length + calls.length) / 4) + 4;
}

/**
 * Every tool call gets a result. A run cancelled (or abandoned at an approval) between a model's
 * tool calls and their results leaves them unanswered, which providers refuse.
 */
export function answerDanglingToolCalls(messages: BaseMessage[]): BaseMessage[] {
  const answered = new Set(messages.filter(isToolMessage).map((message) => message.tool_call_id));
  const result: BaseMessage[] = [];
  for (const message of messages) {
    result.push(message);
    if (!isAIMessage(message)) continue;
    for (const call of (message as AIMessage).tool_calls ?? []) {
      if (call.id && !answered.has(call.id)) result.push(new ToolMessage({ content: 'Not run: the run was cancelled before this tool call completed.', tool_call_id: call.id, name: call.name }));
    }
  }
  return result;
}

/**
 * The most recent history that fits in `budget` tokens, cut at a user message so tool calls and
 * their results stay together. Returns how many messages were left out.
 */
export function fitHistory(messages: BaseMessage[], budget: number): { messages: BaseMessage[]; omitted: number } {
  let used = 0;
  let cut = messages.length;
  for (let index = messages.length - 1; index >= 0; index--) {
    used += approxTokens(messages[index]!);
    if (used > budget) break;
    if (isHumanMessage(messages[index]!)) cut = index;
  }
  if (cut === messages.length) {
    // Even the last turn is too long: keep it, with long tool results shortened.
    const lastHuman = messages.findLastIndex((message) => isHumanMessage(message));
    const turn = messages.slice(Math.max(0, lastHuman));
    const share = Math.max(200, Math.floor((budget * 4) / Math.max(1, turn.length)));
    return { messages: turn.map((message) => shorten(message, share)), omitted: Math.max(0, lastHuman) };
  }
  return { messages: messages.slice(cut), omitted: cut };
}

function shorten(message: BaseMessage, maxChars: number): BaseMessage {
  if (!isToolMessage(message) || typeof message.content !== 'string' || message.content.length <= maxChars) return message;
  return new ToolMessage({ content: `${message.content.slice(0, maxChars)}\n… (shortened to fit the context window)`, tool_call_id: message.tool_call_id, name: message.name });
}

const DIGEST_CHARS = 4_000;

/**
 * A short digest of the turns left out of the model's context (no model call): what the user
 * asked and which files the agent touched, so the model keeps the thread of the conversation.
 */
export function digestOmitted(messages: BaseMessage[]): string {
  const lines: string[] = [];
  for (const message of messages) {
    if (isHumanMessage(message)) lines.push(`- The user asked: ${String(message.content).replace(/\s+/g, ' ').slice(0, 200)}`);
    else if (isAIMessage(message)) {
      const touched = ((message as AIMessage).tool_calls ?? []).filter((call) => call.name === 'write_file' || call.name === 'edit_file').map((call) => String(call.args.path));
      if (touched.length > 0) lines.push(`  - You changed: ${[...new Set(touched)].join(', ')}`);
    }
  }
  const text = lines.join('\n');
  return text.length > DIGEST_CHARS ? `…\n${text.slice(-DIGEST_CHARS)}` : text;
}
