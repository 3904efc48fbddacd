/**
 * A local server speaking OpenAI's Chat Completions wire format, for tests that drive the real
 * `openai` / `@langchain/openai` clients: `POST /v1/chat/completions` (streaming SSE or JSON) and
 * `GET /v1/models`. A script decides each answer; every request is recorded.
 *
 *   const fake = await startFakeOpenAIServer({ script: () => ({ text: 'Hello there' }) });
 *   new ChatOpenAI({ configuration: { baseURL: fake.baseUrl }, apiKey: 'x', model: 'm' });
 *   fake.requests[0].messages; await fake.close();
 *
 * The stream has the shape OpenAI sends: a role delta, content deltas, per tool call a delta with
 * index, id, type and function name followed by argument fragments, a finish_reason chunk, a
 * usage chunk (`choices: []`) when `stream_options.include_usage`, then `data: [DONE]`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseArgs, sendJson, startFakeServer, startSse, textOf, type ResponseContext, type WireFormat } from './http';
import {
  argumentFragments,
  randomId,
  textChunks,
  usageOf,
  type FakeLlmServer,
  type FakeMessage,
  type FakeRequest,
  type FakeServerOptions,
  type FakeTool,
} from './script';

export interface FakeOpenAIServerOptions extends FakeServerOptions {
  /** Listed by `GET /v1/models`. Default `['fake-model']`. */
  models?: string[];
}

export function startFakeOpenAIServer(options: FakeOpenAIServerOptions = {}): Promise<FakeLlmServer> {
  const models = options.models ?? ['fake-model'];
  const format: WireFormat = {
    basePath: '/v1',
    chatPath: '/v1/chat/completions',
    handleOther: (req, res, path) => handleOther(req, res, path, models),
    parse,
    respond,
  };
  return startFakeServer(format, options, () => ({ text: 'Hello from the fake OpenAI server.' }));
}

function handleOther(req: IncomingMessage, res: ServerResponse, path: string, models: string[]) {
  if (req.method === 'GET' && path === '/v1/models') {
    const created = Math.floor(Date.now() / 1000);
    sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created, owned_by: 'fake-llm' })) });
  } else {
    sendJson(res, 404, { error: { message: `Unknown request: ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } });
  }
}

interface OpenAIMessage {
  role: string;
  content?: unknown;
  tool_calls?: { id: string; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

function parse(body: Record<string, unknown>): Pick<FakeRequest, 'messages' | 'tools'> {
  const messages = (body.messages as OpenAIMessage[] | undefined) ?? [];
  const tools = (body.tools as { function?: { name: string; description?: string; parameters?: unknown } }[] | undefined) ?? [];
  return {
    messages: messages.map(toFakeMessage),
    tools: tools.flatMap((tool): FakeTool[] =>
      tool.function ? [{ name: tool.function.name, description: tool.function.description, parameters: tool.function.parameters }] : [],
    ),
  };
}

function toFakeMessage(message: OpenAIMessage): FakeMessage {
  const role = message.role === 'developer' ? 'system' : (message.role as FakeMessage['role']);
  const fake: FakeMessage = { role, text: textOf(message.content) };
  if (message.tool_calls?.length) {
    fake.toolCalls = message.tool_calls.map((call) => ({ id: call.id, name: call.function.name, args: parseArgs(call.function.arguments) }));
  }
  if (message.tool_call_id) fake.toolCallId = message.tool_call_id;
  return fake;
}

const ERROR_TYPES: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

async function respond({ request, response, res, send }: ResponseContext): Promise<void> {
  if (response.error) {
    const { status, message, retryAfterSeconds } = response.error;
    const kind = ERROR_TYPES[status] ?? { type: 'server_error', code: null };
    const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
    sendJson(res, status, { error: { message: message ?? `Fake error ${status}`, type: kind.type, param: null, code: kind.code } }, headers);
    return;
  }

  const id = randomId('chatcmpl-');
  const created = Math.floor(Date.now() / 1000);
  const model = request.model;
  const toolCalls = (response.toolCalls ?? []).map((call) => ({ ...call, id: call.id ?? randomId('call_') }));
  const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
  const usage = usageOf(request, response);
  const wireUsage = {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };

  if (!request.stream) {
    const text = textChunks(response.text).join('');
    sendJson(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: text || (toolCalls.length > 0 ? null : ''),
            refusal: null,
            ...(toolCalls.length > 0 && {
              tool_calls: toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.args) } })),
            }),
          },
          logprobs: null,
          finish_reason: finishReason,
        },
      ],
      usage: wireUsage,
      system_fingerprint: null,
    });
    return;
  }

  const includeUsage = (request.body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices, ...(includeUsage && { usage: null }), ...extra })}\n\n`;
  const delta = (value: Record<string, unknown>, finish: string | null = null) => chunk([{ index: 0, delta: value, logprobs: null, finish_reason: finish }]);

  startSse(res);
  const frames = [delta({ role: 'assistant', content: '', refusal: null })];
  for (const text of textChunks(response.text)) frames.push(delta({ content: text }));
  toolCalls.forEach((call, index) => {
    frames.push(delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const fragment of argumentFragments(call.args)) frames.push(delta({ tool_calls: [{ index, function: { arguments: fragment } }] }));
  });
  frames.push(delta({}, finishReason));
  if (includeUsage) frames.push(chunk([], { usage: wireUsage }));
  frames.push('data: [DONE]\n\n');

  for (const frame of frames) {
    if (!(await send(frame))) return;
  }
  res.end();
}
