/**
 * A local server speaking Anthropic's Messages API wire format (`POST /v1/messages`, streaming SSE
 * or JSON), for tests that drive the real `@anthropic-ai/sdk` / `@langchain/anthropic` clients.
 * Same scripts and recording as the OpenAI fake (see ./script.ts).
 *
 *   const fake = await startFakeAnthropicServer({ script: () => ({ text: 'Hi' }) });
 *   new ChatAnthropic({ anthropicApiUrl: fake.baseUrl, apiKey: 'x', model: 'm' });
 *
 * The stream has the shape Anthropic sends: `message_start` (input usage), a `ping`, per block
 * `content_block_start` / `content_block_delta` (`text_delta`, or `input_json_delta` fragments for
 * `tool_use`) / `content_block_stop`, `message_delta` (stop_reason and output usage), `message_stop`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs, sendJson, startFakeServer, startSse, type ResponseContext, type WireFormat } from './http';
import {
  argumentFragments,
  randomId,
  textChunks,
  usageOf,
  type FakeLlmServer,
  type FakeMessage,
  type FakeRequest,
  type FakeServerOptions,
} from './script';

export function startFakeAnthropicServer(options: FakeServerOptions = {}): Promise<FakeLlmServer> {
  const format: WireFormat = { basePath: '', chatPath: '/v1/messages', handleOther, parse, respond };
  return startFakeServer(format, options, () => ({ text: 'Hello from the fake Anthropic server.' }));
}

function handleOther(req: IncomingMessage, res: ServerResponse, path: string) {
  sendJson(res, 404, { type: 'error', error: { type: 'not_found_error', message: `Unknown request: ${req.method} ${path}` } });
}

type Block =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  | { type: 'tool_result'; tool_use_id: string; content?: string | { type: string; text?: string }[] };

interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | Block[];
}

function parse(body: Record<string, unknown>): Pick<FakeRequest, 'messages' | 'tools'> {
  const messages: FakeMessage[] = [];
  const system = body.system as string | { type: string; text?: string }[] | undefined;
  if (system) messages.push({ role: 'system', text: typeof system === 'string' ? system : system.map((block) => block.text ?? '').join('') });
  for (const message of (body.messages as AnthropicMessage[] | undefined) ?? []) messages.push(...toFakeMessages(message));
  const tools = (body.tools as { name: string; description?: string; input_schema?: unknown }[] | undefined) ?? [];
  return {
    messages,
    tools: tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.input_schema })),
  };
}

// Tool results travel inside a user message; the script sees each as its own `tool` message.
function toFakeMessages({ role, content }: AnthropicMessage): FakeMessage[] {
  if (typeof content === 'string') return [{ role, text: content }];
  const results: FakeMessage[] = content
    .filter((block) => block.type === 'tool_result')
    .map((block) => ({
      role: 'tool' as const,
      toolCallId: block.tool_use_id,
      text: typeof block.content === 'string' ? block.content : (block.content ?? []).map((part) => part.text ?? '').join(''),
    }));
  const text = content.map((block) => (block.type === 'text' ? block.text : '')).join('');
  const toolCalls = content
    .filter((block) => block.type === 'tool_use')
    .map((block) => ({ id: block.id, name: block.name, args: parseArgs(block.input) }));
  const own: FakeMessage[] = text || toolCalls.length > 0 || results.length === 0 ? [{ role, text, ...(toolCalls.length > 0 && { toolCalls }) }] : [];
  return [...results, ...own];
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

async function respond({ request, response, res, send }: ResponseContext): Promise<void> {
  if (response.error) {
    const { status, message, retryAfterSeconds } = response.error;
    const headers: Record<string, string> = { 'request-id': randomId('req_') };
    if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
    sendJson(res, status, { type: 'error', error: { type: ERROR_TYPES[status] ?? 'api_error', message: message ?? `Fake error ${status}` } }, headers);
    return;
  }

  const id = randomId('msg_');
  const chunks = textChunks(response.text);
  const toolCalls = (response.toolCalls ?? []).map((call) => ({ ...call, id: call.id ?? randomId('toolu_') }));
  const stopReason = toolCalls.length > 0 ? 'tool_use' : 'end_turn';
  const usage = usageOf(request, response);
  const message = { id, type: 'message', role: 'assistant', model: request.model, stop_reason: null, stop_sequence: null };
  const cacheUsage = { cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };

  if (!request.stream) {
    const content = [
      ...(chunks.length > 0 ? [{ type: 'text', text: chunks.join('') }] : []),
      ...toolCalls.map((call) => ({ type: 'tool_use', id: call.id, name: call.name, input: call.args })),
    ];
    sendJson(res, 200, {
      ...message,
      content,
      stop_reason: stopReason,
      usage: { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens, ...cacheUsage },
    });
    return;
  }

  const event = (type: string, data: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
  startSse(res);
  // Like Anthropic, message_start counts one output token and message_delta the cumulative total.
  const frames = [
    event('message_start', { message: { ...message, content: [], usage: { input_tokens: usage.inputTokens, output_tokens: 1, ...cacheUsage } } }),
    event('ping', {}),
  ];
  let index = 0;
  if (chunks.length > 0) {
    frames.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    for (const text of chunks) frames.push(event('content_block_delta', { index, delta: { type: 'text_delta', text } }));
    frames.push(event('content_block_stop', { index }));
    index += 1;
  }
  for (const call of toolCalls) {
    frames.push(event('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }));
    frames.push(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: '' } }));
    for (const fragment of argumentFragments(call.args)) {
      frames.push(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: fragment } }));
    }
    frames.push(event('content_block_stop', { index }));
    index += 1;
  }
  frames.push(event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: usage.outputTokens } }));
  frames.push(event('message_stop', {}));

  for (const frame of frames) {
    if (!(await send(frame))) return;
  }
  res.end();
}
