import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '@/test/fake-llm/openai-server';
import type { FakeLlmServer } from '@/test/fake-llm/script';
import { waitFor } from '@/test/processes';
import { createModelRegistry, modelErrorOf } from './index';
import { streamAll, writeFile } from './stream-test-helpers';
import { modelEnv } from './test-env';

// The real @langchain/openai client (ChatOpenAI over the openai SDK), built by the registry and
// pointed at a local server that speaks OpenAI's wire format.
let fake: FakeLlmServer;

beforeAll(async () => {
  fake = await startFakeOpenAIServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const localModel = (options: { maxRetries?: number } = { maxRetries: 0 }) =>
  createModelRegistry(modelEnv({ OPENAI_BASE_URL: fake.baseUrl, OPENAI_COMPATIBLE_MODELS: 'fake-model' }), options).createChatModel('local:fake-model');

describe('OpenAI-compatible models (real ChatOpenAI against the fake server)', () => {
  it('streams the tokens in order and reports the usage', async () => {
    fake.script = () => ({ text: ['Hello', ',', ' world', '!'], usage: { inputTokens: 12, outputTokens: 4 } });
    const { texts, merged } = await streamAll(localModel(), [new HumanMessage('Say hello')]);
    expect(texts).toEqual(['Hello', ',', ' world', '!']);
    expect(merged.text).toBe('Hello, world!');
    expect(merged.usage_metadata).toMatchObject({ input_tokens: 12, output_tokens: 4, total_tokens: 16 });

    const [request] = fake.requests;
    expect(request).toMatchObject({ path: '/v1/chat/completions', model: 'fake-model', stream: true });
    expect(request!.body.stream_options).toEqual({ include_usage: true });
    expect(request!.messages).toEqual([{ role: 'user', text: 'Say hello' }]);
    expect(request!.headers.authorization).toBe('Bearer not-needed');
  });

  it('answers invoke() from the stream, with usage, without downloading tokenizer tables', async () => {
    fake.script = () => ({ text: 'Fine, thanks.', usage: { inputTokens: 7, outputTokens: 3 } });
    const message = await localModel().invoke('How are you?');
    expect(message.text).toBe('Fine, thanks.');
    expect(message.usage_metadata).toMatchObject({ input_tokens: 7, output_tokens: 3 });
  });

  it('reassembles streamed tool-call fragments into complete tool calls', async () => {
    fake.script = () => ({
      text: 'Writing both.',
      toolCalls: [
        { id: 'call_1', name: 'write_file', args: { path: 'src/a.ts', content: 'export const a = "ä";\n' } },
        { id: 'call_2', name: 'write_file', args: { path: 'README.md', content: '# Title' } },
      ],
    });
    const model = localModel().bindTools!([writeFile]);
    const { chunks, merged } = await streamAll(model, [new HumanMessage('Write two files')]);

    expect(chunks.filter((chunk) => chunk.tool_call_chunks?.length).length).toBeGreaterThan(4);
    expect(merged.text).toBe('Writing both.');
    expect(merged.tool_calls).toEqual([
      { type: 'tool_call', id: 'call_1', name: 'write_file', args: { path: 'src/a.ts', content: 'export const a = "ä";\n' } },
      { type: 'tool_call', id: 'call_2', name: 'write_file', args: { path: 'README.md', content: '# Title' } },
    ]);
    expect(fake.requests[0]!.tools).toEqual([
      expect.objectContaining({ name: 'write_file', parameters: expect.objectContaining({ required: ['path', 'content'] }) }),
    ]);
  });

  it('sends tool results back in the next request', async () => {
    fake.script = () => ({ text: 'Done.' });
    await localModel().bindTools!([writeFile]).invoke([
      new HumanMessage('Write a file'),
      new AIMessage({ content: '', tool_calls: [{ id: 'call_9', name: 'write_file', args: { path: 'a.txt', content: 'x' } }] }),
      new ToolMessage({ tool_call_id: 'call_9', content: 'wrote a.txt' }),
    ]);
    expect(fake.requests[0]!.messages).toEqual([
      { role: 'user', text: 'Write a file' },
      { role: 'assistant', text: '', toolCalls: [{ id: 'call_9', name: 'write_file', args: { path: 'a.txt', content: 'x' } }] },
      { role: 'tool', text: 'wrote a.txt', toolCallId: 'call_9' },
    ]);
  });

  it('cancels the in-flight stream when the signal aborts', async () => {
    fake.script = () => ({ text: Array.from({ length: 50 }, (_, index) => `w${index} `), delayMs: 40 });
    const controller = new AbortController();
    const received: string[] = [];
    const run = (async () => {
      for await (const chunk of await localModel().stream('Talk for a while', { signal: controller.signal })) {
        if (chunk.text) received.push(chunk.text);
        if (received.length === 2) controller.abort();
      }
    })();
    await expect(run).rejects.toThrow(/abort/i);
    expect(received.length).toBeLessThan(5);
    await waitFor(() => fake.requests[0]?.aborted, 5_000, 'the server to see the client go');
  });

  it('fails the stream when the connection drops mid-answer', async () => {
    fake.script = () => ({ text: 'one two three four five', disconnectAfterFrames: 3 });
    const received: string[] = [];
    const run = (async () => {
      for await (const chunk of await localModel().stream('hi')) if (chunk.text) received.push(chunk.text);
    })();
    const error = await run.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(modelErrorOf(error).code).toBe('SERVICE_UNAVAILABLE');
    expect(received).toEqual(['one', ' two']);
  });

  it('surfaces a 429 as a rate-limit error', async () => {
    fake.script = () => ({ error: { status: 429, message: 'Rate limit reached for requests', retryAfterSeconds: 1 } });
    const error = await streamAll(localModel(), 'hi').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429 });
    expect(modelErrorOf(error).code).toBe('TOO_MANY_REQUESTS');
    expect(fake.requests).toHaveLength(1);
  });

  it('surfaces a 500 as the provider being unavailable', async () => {
    fake.script = () => ({ error: { status: 500 } });
    const error = await localModel().invoke('hi').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500 });
    expect(modelErrorOf(error).code).toBe('SERVICE_UNAVAILABLE');
  });

  it('retries a 500 and succeeds when the provider recovers', async () => {
    fake.script = () => (fake.requests.length === 1 ? { error: { status: 500 } } : { text: 'Recovered' });
    const { merged } = await streamAll(localModel({ maxRetries: 1 }), 'hi');
    expect(merged.text).toBe('Recovered');
    expect(fake.requests).toHaveLength(2);
  });
});

describe('OpenAI through Helicone', () => {
  it('sends the Helicone-Auth header and the OpenAI key to the Helicone base URL', async () => {
    fake.script = () => ({ text: 'Hi' });
    const registry = createModelRegistry(
      modelEnv({ OPENAI_API_KEY: 'sk-openai', OPENAI_MODELS: 'gpt-5.4-mini', HELICONE_API_KEY: 'hk-helicone', HELICONE_OPENAI_BASE_URL: fake.baseUrl }),
      { maxRetries: 0 },
    );
    const { merged } = await streamAll(registry.createChatModel('openai:gpt-5.4-mini'), 'hi');
    expect(merged.text).toBe('Hi');
    expect(fake.requests[0]).toMatchObject({ path: '/v1/chat/completions', model: 'gpt-5.4-mini' });
    expect(fake.requests[0]!.headers).toMatchObject({ 'helicone-auth': 'Bearer hk-helicone', authorization: 'Bearer sk-openai' });
  });
});
