import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeAnthropicServer } from './anthropic-server';
import type { FakeLlmServer } from './script';

let fake: FakeLlmServer;

beforeAll(async () => {
  fake = await startFakeAnthropicServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const post = (body: Record<string, unknown>) =>
  fetch(`${fake.baseUrl}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ max_tokens: 100, ...body }) });

describe('fake Anthropic server', () => {
  it('streams the Messages API events in order, with text and tool_use blocks', async () => {
    fake.script = () => ({ text: ['Hi', ' there'], toolCalls: [{ id: 'toolu_1', name: 'write_file', args: { path: 'a.txt', content: 'hello' } }], usage: { inputTokens: 9, outputTokens: 5 } });
    const response = await post({ model: 'claude-test', stream: true, messages: [{ role: 'user', content: 'hi' }] });
    const frames = (await response.text()).split('\n\n').filter(Boolean);
    const events = frames.map((frame) => {
      const [eventLine, dataLine] = frame.split('\n');
      const data = JSON.parse(dataLine!.slice('data: '.length)) as Record<string, unknown> & { type: string };
      expect(eventLine).toBe(`event: ${data.type}`);
      return data;
    });

    expect(events.map((event) => event.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      ...Array(events.length - 10).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(events[0]).toMatchObject({ message: { role: 'assistant', model: 'claude-test', content: [], usage: { input_tokens: 9 } } });
    expect(events[2]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    expect(events[3]).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } });
    expect(events[6]).toEqual({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_1', name: 'write_file', input: {} } });
    const json = events
      .filter((event) => event.type === 'content_block_delta' && event.index === 1)
      .map((event) => (event.delta as { type: string; partial_json: string }).partial_json)
      .join('');
    expect(JSON.parse(json)).toEqual({ path: 'a.txt', content: 'hello' });
    expect(events.at(-2)).toEqual({ type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 5 } });
  });

  it('answers a non-streaming request with one message', async () => {
    fake.script = () => ({ text: 'Hello', usage: { inputTokens: 3, outputTokens: 1 } });
    const body = await (await post({ model: 'claude-test', messages: [{ role: 'user', content: 'hi' }] })).json();
    expect(body).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hello' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 3, output_tokens: 1 },
    });
  });

  it('answers with the scripted HTTP error in Anthropic\'s error body', async () => {
    fake.script = () => ({ error: { status: 529, message: 'Overloaded' } });
    const response = await post({ model: 'claude-test', stream: true, messages: [] });
    expect(response.status).toBe(529);
    expect(await response.json()).toEqual({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  it('records the system prompt, tool uses and tool results as normalised messages', async () => {
    fake.script = () => ({ text: 'ok' });
    await post({
      model: 'claude-test',
      system: [{ type: 'text', text: 'Be brief.' }],
      tools: [{ name: 'read_file', description: 'Read a file', input_schema: { type: 'object' } }],
      messages: [
        { role: 'user', content: 'Read it' },
        { role: 'assistant', content: [{ type: 'text', text: 'Reading.' }, { type: 'tool_use', id: 'toolu_2', name: 'read_file', input: { path: 'a' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: 'contents' }] }] },
      ],
    });
    expect(fake.requests[0]).toMatchObject({
      path: '/v1/messages',
      stream: false,
      messages: [
        { role: 'system', text: 'Be brief.' },
        { role: 'user', text: 'Read it' },
        { role: 'assistant', text: 'Reading.', toolCalls: [{ id: 'toolu_2', name: 'read_file', args: { path: 'a' } }] },
        { role: 'tool', text: 'contents', toolCallId: 'toolu_2' },
      ],
      tools: [{ name: 'read_file', description: 'Read a file', parameters: { type: 'object' } }],
    });
  });
});
