import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { waitFor } from '@/test/processes';
import { createDefaultScript } from './default-script';
import type { FakeMessage, FakeRequest } from './script';

const requestWith = (messages: FakeMessage[]): FakeRequest => ({
  method: 'POST',
  path: '/v1/chat/completions',
  headers: {},
  body: {},
  model: 'fake-model',
  stream: true,
  messages,
  tools: [],
});

const script = createDefaultScript();

describe('the default fake-LLM script', () => {
  it('turns "create <path> with <text>" into a write_file call', async () => {
    const response = await script(requestWith([{ role: 'user', text: 'Please create src/hello.txt with "Hello, Aura!"' }]));
    expect(response.toolCalls).toEqual([{ name: 'write_file', args: { path: 'src/hello.txt', content: 'Hello, Aura!' } }]);
    expect(response.text).toBeUndefined();
  });

  it('answers a tool result with a short confirmation naming the file', async () => {
    const response = await script(
      requestWith([
        { role: 'user', text: 'create a.txt with hi' },
        { role: 'assistant', text: '', toolCalls: [{ id: 'call_1', name: 'write_file', args: { path: 'a.txt', content: 'hi' } }] },
        { role: 'tool', text: 'ok', toolCallId: 'call_1' },
      ]),
    );
    expect(response.text).toBe('Done: created a.txt.');
  });

  it('echoes anything else', async () => {
    expect((await script(requestWith([{ role: 'system', text: 'sys' }, { role: 'user', text: 'What is this project?' }]))).text).toBe(
      'You said: What is this project?',
    );
  });

  it('runs as a CLI that serves the OpenAI format and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/test/fake-llm/serve.ts', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const baseUrl = await waitFor(() => /listening on (\S+)/.exec(output)?.[1], 20_000, 'the fake LLM CLI to listen');
      const response = await fetch(`${baseUrl}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'fake-model', stream: true, messages: [{ role: 'user', content: 'hello there' }] }),
      });
      const deltas = (await response.text())
        .split('\n\n')
        .filter((frame) => frame.startsWith('data: {'))
        .map((frame) => JSON.parse(frame.slice(6)).choices[0]?.delta?.content ?? '');
      expect(deltas.join('')).toBe('You said: hello there');
      expect(deltas.filter(Boolean).length).toBe(4);
    } finally {
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    }
  });
});
