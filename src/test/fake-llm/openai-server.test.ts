import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from './openai-server';
import type { FakeLlmServer } from './script';

// The wire format itself, read with plain fetch: what any OpenAI client library parses.
let fake: FakeLlmServer;

beforeAll(async () => {
  fake = await startFakeOpenAIServer({ models: ['fake-model', 'other-model'] });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const post = (body: Record<string, unknown>) =>
  fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function events(response: Response): Promise<unknown[]> {
  const text = await response.text();
  expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter((frame) => frame.startsWith('data: ') && frame !== 'data: [DONE]')
    .map((frame) => JSON.parse(frame.slice('data: '.length)));
}

describe('fake OpenAI server', () => {
  it('streams a role delta, content deltas, tool-call deltas, the finish reason, usage and [DONE]', async () => {
    fake.script = () => ({ text: ['Hi', ' there'], toolCalls: [{ id: 'call_1', name: 'write_file', args: { path: 'a.txt', content: 'hello' } }], usage: { inputTokens: 9, outputTokens: 5 } });
    const response = await post({ model: 'fake-model', stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'hi' }] });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const chunks = (await events(response)) as { object: string; model: string; choices: { delta: Record<string, unknown>; finish_reason: string | null }[]; usage: unknown }[];

    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'fake-model')).toBe(true);
    const deltas = chunks.slice(0, -1).map((chunk) => chunk.choices[0]!.delta);
    expect(deltas[0]).toEqual({ role: 'assistant', content: '', refusal: null });
    expect(deltas[1]).toEqual({ content: 'Hi' });
    expect(deltas[2]).toEqual({ content: ' there' });
    expect(deltas[3]).toEqual({ tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'write_file', arguments: '' } }] });
    const fragments = deltas.slice(4, -1).map((delta) => (delta.tool_calls as { index: number; function: { arguments: string } }[])[0]!);
    expect(fragments.length).toBeGreaterThan(1);
    expect(fragments.every((fragment) => fragment.index === 0)).toBe(true);
    expect(JSON.parse(fragments.map((fragment) => fragment.function.arguments).join(''))).toEqual({ path: 'a.txt', content: 'hello' });
    expect(chunks.at(-2)!.choices[0]).toMatchObject({ delta: {}, finish_reason: 'tool_calls' });
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage: { prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 } });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
  });

  it('sends no usage chunk unless the request asks for it', async () => {
    fake.script = () => ({ text: 'Hi' });
    const chunks = (await events(await post({ model: 'fake-model', stream: true, messages: [] }))) as { choices: { finish_reason: string | null }[]; usage?: unknown }[];
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.some((chunk) => 'usage' in chunk)).toBe(false);
  });

  it('answers a non-streaming request with one chat.completion', async () => {
    fake.script = () => ({ toolCalls: [{ id: 'call_2', name: 'run', args: { command: 'ls' } }], usage: { inputTokens: 3, outputTokens: 2 } });
    const body = await (await post({ model: 'fake-model', messages: [{ role: 'user', content: 'ls' }] })).json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      choices: [
        {
          message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_2', type: 'function', function: { name: 'run', arguments: '{"command":"ls"}' } }] },
          finish_reason: 'tool_calls',
        },
      ],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
    });
  });

  it('answers with the scripted HTTP error in OpenAI\'s error body', async () => {
    fake.script = () => ({ error: { status: 429, message: 'Slow down', retryAfterSeconds: 2 } });
    const response = await post({ model: 'fake-model', stream: true, messages: [] });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({ error: { message: 'Slow down', type: 'requests', param: null, code: 'rate_limit_exceeded' } });
  });

  it('lists its models', async () => {
    const body = await (await fetch(`${fake.baseUrl}/models`)).json();
    expect(body).toMatchObject({ object: 'list', data: [{ id: 'fake-model', object: 'model' }, { id: 'other-model', object: 'model' }] });
    expect(fake.requests).toHaveLength(0);
  });

  it('records each request with its messages and tools normalised for scripts', async () => {
    fake.script = () => ({ text: 'ok' });
    await post({
      model: 'fake-model',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        { role: 'user', content: [{ type: 'text', text: 'Read ' }, { type: 'text', text: 'it' }] },
      ],
      tools: [{ type: 'function', function: { name: 'read_file', description: 'Read a file', parameters: { type: 'object' } } }],
    });
    expect(fake.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/chat/completions',
      stream: false,
      aborted: false,
      messages: [
        { role: 'system', text: 'Be brief.' },
        { role: 'user', text: 'Read it' },
      ],
      tools: [{ name: 'read_file', description: 'Read a file', parameters: { type: 'object' } }],
    });
  });
});
