import { randomUUID } from 'node:crypto';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';

/** One scripted model reply: streamed text, tool calls, usage; or an error. */
export interface ScriptedReply {
  text?: string;
  toolCalls?: { name: string; args: Record<string, unknown>; id?: string }[];
  usage?: { input: number; output: number };
  /** Pause before each streamed token (lets a test cancel mid-stream). */
  tokenDelayMs?: number;
  /** Throw this message instead of answering (a provider error). */
  error?: string;
  /** The error's HTTP status, as the provider SDKs set `error.status` (none: a dropped connection). */
  status?: number;
}

export type ScriptStep = ScriptedReply | ((messages: BaseMessage[]) => ScriptedReply);

interface ScriptState {
  steps: ScriptStep[];
  /** Every call's input messages, in order. */
  calls: BaseMessage[][];
  /** Tool names bound on each call. */
  boundTools: string[][];
}

/**
 * A chat model that plays a script, for tests and local e2e runs without a provider: each call
 * takes the next step, streams its text token by token (words), then emits its tool calls and
 * usage metadata. `bindTools` returns a model sharing the same script and call log, so a test can
 * check what the agent sent and which tools it bound. Honours the call's abort signal.
 */
export class ScriptedChatModel extends BaseChatModel {
  readonly state: ScriptState;
  private readonly tools: string[];

  constructor(steps: ScriptStep[] | ScriptState, tools: string[] = []) {
    super({});
    this.state = Array.isArray(steps) ? { steps: [...steps], calls: [], boundTools: [] } : steps;
    this.tools = tools;
  }

  get calls(): BaseMessage[][] {
    return this.state.calls;
  }

  get boundTools(): string[][] {
    return this.state.boundTools;
  }

  /** Queues more replies. */
  push(...steps: ScriptStep[]): void {
    this.state.steps.push(...steps);
  }

  _llmType(): string {
    return 'scripted';
  }

  override bindTools(tools: BindToolsInput[]): ScriptedChatModel {
    const names = tools.map((tool) => (tool as { name?: string }).name ?? (tool as { function?: { name: string } }).function?.name ?? 'unknown');
    return new ScriptedChatModel(this.state, names);
  }

  private next(messages: BaseMessage[]): ScriptedReply {
    this.state.calls.push(messages);
    this.state.boundTools.push(this.tools);
    const step = this.state.steps.shift();
    if (!step) return { text: '(the script has no more replies)' };
    const reply = typeof step === 'function' ? step(messages) : step;
    if (reply.error) throw Object.assign(new Error(reply.error), reply.status ? { status: reply.status } : {});
    return reply;
  }

  async _generate(messages: BaseMessage[], options: this['ParsedCallOptions']): Promise<ChatResult> {
    const reply = this.next(messages);
    options.signal?.throwIfAborted();
    const message = new AIMessage({ content: reply.text ?? '', tool_calls: toolCalls(reply), usage_metadata: usage(reply) });
    return { generations: [{ text: reply.text ?? '', message }] };
  }

  async *_streamResponseChunks(messages: BaseMessage[], options: this['ParsedCallOptions'], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const reply = this.next(messages);
    const tokens = (reply.text ?? '').match(/\S+\s*|\s+/g) ?? [];
    for (const token of tokens) {
      if (reply.tokenDelayMs) await sleep(reply.tokenDelayMs, options.signal);
      options.signal?.throwIfAborted();
      yield new ChatGenerationChunk({ text: token, message: new AIMessageChunk({ content: token }) });
      await runManager?.handleLLMNewToken(token);
    }
    options.signal?.throwIfAborted();
    const calls = toolCalls(reply);
    yield new ChatGenerationChunk({
      text: '',
      message: new AIMessageChunk({
        content: '',
        tool_call_chunks: calls.map((call, index) => ({ type: 'tool_call_chunk' as const, name: call.name, args: JSON.stringify(call.args), id: call.id, index })),
        usage_metadata: usage(reply),
      }),
    });
  }
}

function toolCalls(reply: ScriptedReply) {
  return (reply.toolCalls ?? []).map((call) => ({ type: 'tool_call' as const, name: call.name, args: call.args, id: call.id ?? `call_${randomUUID().slice(0, 8)}` }));
}

function usage(reply: ScriptedReply) {
  const input = reply.usage?.input ?? 10;
  const output = reply.usage?.output ?? 5;
  return { input_tokens: input, output_tokens: output, total_tokens: input + output };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('Aborted'));
    }, { once: true });
  });
}

export type { BaseChatModelCallOptions };
