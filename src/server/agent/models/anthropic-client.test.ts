import { AIMessage, HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer } from '@/test/fake-llm/anthropic-server';
import type { FakeLlmServer } from '@/test/fake-llm/script';
import { waitFor } from '@/test/processes';
import { createModelRegistry, modelErrorOf } from './index';
import { streamAll, writeFile } from './stream-test-helpers';
import { modelEnv } from './test-env';

// The real @langchain/anthropic client (ChatAnthropic over @anthropic-ai/sdk), built by the
// registry and pointed (ANTHROPIC_BASE_URL) at a local server that speaks the Messages API.
let fake: FakeLlmServer;

beforeAll(async () => {
  fake = await startFakeAnthropicServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const claude = (options: { maxRetries?: number } = { maxRetries: 0 }) =>
  createModelRegistry(modelEnv({ ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_MODELS: 'claude-sonnet-5', ANTHROPIC_BASE_URL: fake.url }), options).createChatModel(
    'anthropic:claude-sonnet-5',
  );

describe('Anthropic models (real ChatAnthropic against the fake server)', () => {
  it('streams the tokens in order and reports the usage', async () => {
    fake.script = () => ({ text: ['Hello', ',', ' world', '!'], usage: { inputTokens: 21, outputTokens: 4 } });
    const { texts, merged } = await streamAll(claude(), [new SystemMessage('Be brief.'), new HumanMessage('Say hello')]);
    expect(texts).toEqual(['Hello', ',', ' world', '!']);
    expect(merged.text).toBe('Hello, world!');
    // LangChain adds message_start's output count (1, as Anthropic sends) to message_delta's total.
    expect(merged.usage_metadata).toMatchObject({ input_tokens: 21, output_tokens: 4 + 1 });

    const [request] = fake.requests;
    expect(request).toMatchObject({ path: '/v1/messages', model: 'claude-sonnet-5', stream: true });
    expect(request!.messages).toEqual([
      { role: 'system', text: 'Be brief.' },
      { role: 'user', text: 'Say hello' },
    ]);
    expect(request!.headers['x-api-key']).toBe('sk-ant-test');
    expect(request!.headers['anthropic-version']).toBeTruthy();
  });

  it('reassembles input_json_delta fragments into complete tool calls', async () => {
    fake.script = () => ({
      text: 'Writing both.',
      toolCalls: [
        { id: 'toolu_1', name: 'write_file', args: { path: 'src/a.ts', content: 'export const a = "ä";\n' } },
        { id: 'toolu_2', name: 'write_file', args: { path: 'README.md', content: '# Title' } },
      ],
    });
    const { chunks, merged } = await streamAll(claude().bindTools!([writeFile]), [new HumanMessage('Write two files')]);
    expect(chunks.filter((chunk) => chunk.tool_call_chunks?.length).length).toBeGreaterThan(4);
    expect(merged.text).toBe('Writing both.');
    expect(merged.tool_calls).toEqual([
      { type: 'tool_call', id: 'toolu_1', name: 'write_file', args: { path: 'src/a.ts', content: 'export const a = "ä";\n' } },
      { type: 'tool_call', id: 'toolu_2', name: 'write_file', args: { path: 'README.md', content: '# Title' } },
    ]);
    expect(fake.requests[0]!.tools).toEqual([
      expect.objectContaining({ name: 'write_file', parameters: expect.objectContaining({ required: ['path', 'content'] }) }),
    ]);
  });

  it('sends tool results back as tool_result blocks', async () => {
    fake.script = () => ({ text: 'Done.' });
    const message = await claude().bindTools!([writeFile]).invoke([
      new HumanMessage('Write a file'),
      new AIMessage({ content: '', tool_calls: [{ id: 'toolu_9', name: 'write_file', args: { path: 'a.txt', content: 'x' } }] }),
      new ToolMessage({ tool_call_id: 'toolu_9', content: 'wrote a.txt' }),
    ]);
    expect(message.text).toBe('Done.');
    expect(fake.requests[0]!.messages).toEqual([
      { role: 'user', text: 'Write a file' },
      { role: 'assistant', text: '', toolCalls: [{ id: 'toolu_9', name: 'write_file', args: { path: 'a.txt', content: 'x' } }] },
      { role: 'tool', text: 'wrote a.txt', toolCallId: 'toolu_9' },
    ]);
  });

  it('cancels the in-flight stream when the signal aborts', async () => {
    fake.script = () => ({ text: Array.from({ length: 50 }, (_, index) => `w${index} `), delayMs: 40 });
    const controller = new AbortController();
    const received: string[] = [];
    const run = (async () => {
      for await (const chunk of await claude().stream('Talk for a while', { signal: controller.signal })) {
        if (chunk.text) received.push(chunk.text);
        if (received.length === 2) controller.abort();
      }
    })();
    await expect(run).rejects.toThrow(/abort/i);
    expect(received.length).toBeLessThan(5);
    await waitFor(() => fake.requests[0]?.aborted, 5_000, 'the server to see the client go');
  });

  it('fails the stream when the connection drops mid-answer', async () => {
    // message_start, ping, content_block_start, then two text deltas.
    fake.script = () => ({ text: 'one two three four five', disconnectAfterFrames: 5 });
    const received: string[] = [];
    const run = (async () => {
      for await (const chunk of await claude().stream('hi')) if (chunk.text) received.push(chunk.text);
    })();
    const error = await run.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(modelErrorOf(error).code).toBe('SERVICE_UNAVAILABLE');
    expect(received).toEqual(['one', ' two']);
  });

  it('surfaces a 429 as a rate-limit error', async () => {
    fake.script = () => ({ error: { status: 429, message: 'Number of request tokens has exceeded your rate limit' } });
    const error = await streamAll(claude(), 'hi').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429 });
    expect(modelErrorOf(error).code).toBe('TOO_MANY_REQUESTS');
    expect(fake.requests).toHaveLength(1);
  });

  it('surfaces a 500 and an overload (529) as the provider being unavailable', async () => {
    for (const status of [500, 529]) {
      fake.script = () => ({ error: { status } });
      const error = await claude().invoke('hi').catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status });
      expect(modelErrorOf(error).code).toBe('SERVICE_UNAVAILABLE');
    }
  });
});

describe('Anthropic through Helicone', () => {
  it('sends the Helicone-Auth header and the Anthropic key to the Helicone base URL', async () => {
    fake.script = () => ({ text: 'Hi' });
    const registry = createModelRegistry(
      modelEnv({ ANTHROPIC_API_KEY: 'sk-ant', ANTHROPIC_MODELS: 'claude-haiku-4-5', HELICONE_API_KEY: 'hk-helicone', HELICONE_ANTHROPIC_BASE_URL: fake.url }),
      { maxRetries: 0 },
    );
    const { merged } = await streamAll(registry.createChatModel('anthropic:claude-haiku-4-5'), 'hi');
    expect(merged.text).toBe('Hi');
    expect(fake.requests[0]).toMatchObject({ path: '/v1/messages', model: 'claude-haiku-4-5' });
    expect(fake.requests[0]!.headers).toMatchObject({ 'helicone-auth': 'Bearer hk-helicone', 'x-api-key': 'sk-ant' });
  });
});
