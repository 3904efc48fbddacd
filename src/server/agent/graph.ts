import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, SystemMessage, ToolMessage, isAIMessage, type BaseMessage } from '@langchain/core/messages';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { END, interrupt, MessagesAnnotation, START, StateGraph } from '@langchain/langgraph';
import type { AgentEvent, AgentToolCall, ApprovalMode } from '@/lib/schemas/agent';
import { answerDanglingToolCalls, approxTokens, digestOmitted, fitHistory } from './history';
import { modelErrorOf } from './models/errors';
import { executeToolCall, needsApproval, toolSpecsFor } from './tools';
import type { ToolContext } from './tools/types';

export interface ApprovalDecision {
  approved: boolean;
  reason?: string;
}

/** What one run's graph works with; the graph is compiled per run around it. */
export interface GraphDeps {
  model: BaseChatModel;
  systemPrompt: string;
  /** Tokens the model accepts; history is trimmed to fit. */
  contextWindow: number;
  approvalMode: ApprovalMode;
  tools: ToolContext;
  emit(event: AgentEvent): void;
  onUsage(usage: { inputTokens: number; outputTokens: number }): void;
}

const lastAI = (messages: BaseMessage[]) => {
  const last = messages.at(-1);
  return last && isAIMessage(last) ? (last as AIMessage) : undefined;
};
const callsOf = (message: AIMessage | undefined): AgentToolCall[] => (message?.tool_calls ?? []).map((call) => ({ id: call.id ?? '', name: call.name, args: call.args }));

/**
 * The agent loop: the model answers (streaming tokens); if it called tools they run (after an
 * approval interrupt in `ask` mode), their results go back to the model, and so on until it
 * answers without tools. State is the message list, checkpointed per thread.
 */
export function buildAgentGraph(checkpointer: BaseCheckpointSaver, runDeps?: GraphDeps) {
  // Without deps the graph only reads and edits a conversation's state (history, revert).
  const need = (): GraphDeps => {
    if (!runDeps) throw new Error('this graph only reads state');
    return runDeps;
  };

  async function agent(state: typeof MessagesAnnotation.State) {
    const deps = need();
    const bound = deps.model.bindTools!(toolSpecsFor(deps.tools.agentType));
    const system = new SystemMessage(deps.systemPrompt);
    const budget = Math.floor(deps.contextWindow * 0.8) - approxTokens(system) - 4096;
    const all = answerDanglingToolCalls(state.messages);
    const history = fitHistory(all, Math.max(1024, budget - 1200));
    const prompt =
      history.omitted > 0
        ? new SystemMessage(`${deps.systemPrompt}\n\n## Earlier in this conversation (${history.omitted} messages left out to fit the context window)\n${digestOmitted(all.slice(0, history.omitted))}`)
        : system;
    let reply: AIMessageChunk | undefined;
    try {
      for await (const chunk of await bound.stream([prompt, ...history.messages], { signal: deps.tools.signal })) {
        if (typeof chunk.content === 'string' && chunk.content) deps.emit({ type: 'token', text: chunk.content });
        reply = reply ? reply.concat(chunk) : chunk;
      }
    } catch (error) {
      // A cancel is not a failure; anything else from the provider becomes what the user can act on
      // (its raw message can carry URLs, keys in echoed headers, request ids: it stays the cause).
      if (deps.tools.signal.aborted) throw error;
      throw modelErrorOf(error);
    }
    const usage = reply?.usage_metadata;
    if (usage) deps.onUsage({ inputTokens: usage.input_tokens, outputTokens: usage.output_tokens });
    const message = new AIMessage({ content: reply?.content ?? '', tool_calls: reply?.tool_calls ?? [], usage_metadata: usage });
    for (const call of callsOf(message)) deps.emit({ type: 'tool_call', call });
    return { messages: [message] };
  }

  function approve(state: typeof MessagesAnnotation.State) {
    const calls = callsOf(lastAI(state.messages));
    const decision = interrupt<{ calls: AgentToolCall[] }, ApprovalDecision>({ calls });
    if (decision.approved) return {};
    const note = `The user rejected this action${decision.reason ? `: ${decision.reason}` : '.'} Do not retry it unless asked.`;
    return { messages: calls.map((call) => new ToolMessage({ content: note, tool_call_id: call.id, name: call.name })) };
  }

  async function tools(state: typeof MessagesAnnotation.State) {
    const deps = need();
    const results: ToolMessage[] = [];
    for (const call of callsOf(lastAI(state.messages))) {
      deps.tools.signal.throwIfAborted();
      const outcome = await executeToolCall(call, deps.tools);
      deps.emit({ type: 'tool_result', callId: call.id, name: call.name, ok: outcome.ok, output: outcome.output.slice(0, 4000) });
      results.push(new ToolMessage({ content: outcome.output, tool_call_id: call.id, name: call.name, status: outcome.ok ? 'success' : 'error' }));
    }
    return { messages: results };
  }

  const afterAgent = (state: typeof MessagesAnnotation.State) => {
    const calls = callsOf(lastAI(state.messages));
    if (calls.length === 0) return END;
    return need().approvalMode === 'ask' && calls.some(needsApproval) ? 'approve' : 'tools';
  };
  const afterApprove = (state: typeof MessagesAnnotation.State) => (lastAI(state.messages) ? 'tools' : 'agent');

  return new StateGraph(MessagesAnnotation)
    .addNode('agent', agent)
    .addNode('approve', approve)
    .addNode('tools', tools)
    .addEdge(START, 'agent')
    .addConditionalEdges('agent', afterAgent, ['approve', 'tools', END])
    .addConditionalEdges('approve', afterApprove, ['tools', 'agent'])
    .addEdge('tools', 'agent')
    .compile({ checkpointer });
}

export type AgentGraph = ReturnType<typeof buildAgentGraph>;
