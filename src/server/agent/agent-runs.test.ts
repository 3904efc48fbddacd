import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '@/lib/schemas/agent';
import { statFile } from '@/server/files/read-file';
import { createAgentHarness } from './testing/harness';
import { ScriptedChatModel } from './testing/scripted-model';

const h = await createAgentHarness();

async function newThread(options: { agentType?: 'general' | 'code-reviewer' | 'debugger' | 'documentation'; approvalMode?: 'auto' | 'ask'; files?: Record<string, string> } = {}) {
  const project = await h.newProject(options.files ?? { 'src/App.tsx': 'export function App() {\n  return <h1>Hello</h1>;\n}\n' });
  const thread = await h.api().agent.threads.create({ projectId: project.id, agentType: options.agentType ?? 'general', approvalMode: options.approvalMode ?? 'auto' });
  return { project, thread };
}

async function send(threadId: string, message: string) {
  const result = await h.api().agent.send({ threadId, message });
  await h.settled(threadId);
  return result;
}

const ofType = <T extends AgentEvent['type']>(events: AgentEvent[], type: T) => events.filter((event): event is Extract<AgentEvent, { type: T }> => event.type === type);

describe('agent runs', () => {
  it('reads, edits and answers, streaming tokens, tool calls, results, diffs and usage', async () => {
    const { project, thread } = await newThread();
    h.model.push(
      { text: 'Let me look.', toolCalls: [{ name: 'list_files', args: {} }, { name: 'read_file', args: { path: 'src/App.tsx' } }] },
      { toolCalls: [{ name: 'edit_file', args: { path: 'src/App.tsx', edits: [{ search: '<h1>Hello</h1>', replace: '<h1>Hello, Aura</h1>' }] } }], usage: { input: 100, output: 20 } },
      { text: 'I changed the heading to greet Aura.' },
    );
    const { turnId } = await send(thread.id, 'Greet Aura in the heading');

    expect(await h.fileText(project.id, 'src/App.tsx')).toContain('<h1>Hello, Aura</h1>');
    expect((await statFile({ db: h.db, projectId: project.id, path: 'src/App.tsx' }))?.source).toBe('agent');
    const events = await h.events(thread.id);
    expect(events[0]).toMatchObject({ type: 'run_started', turnId });
    expect(ofType(events, 'token').map((event) => event.text).join('')).toBe('Let me look.I changed the heading to greet Aura.');
    expect(ofType(events, 'tool_call').map((event) => event.call.name)).toEqual(['list_files', 'read_file', 'edit_file']);
    const results = ofType(events, 'tool_result');
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results[0]!.output).toContain('src/App.tsx');
    expect(results[1]!.output).toContain('2|   return <h1>Hello</h1>;');
    const [changed] = ofType(events, 'file_changed');
    expect(changed).toMatchObject({ path: 'src/App.tsx', change: 'modified', beforeVersion: 1, afterVersion: 2 });
    expect(changed!.diff).toContain('-  return <h1>Hello</h1>;\n+  return <h1>Hello, Aura</h1>;');
    expect(events.at(-1)).toEqual({ type: 'done', reason: 'completed' });
    expect(ofType(events, 'usage')[0]).toMatchObject({ inputTokens: 120, outputTokens: 30 });

    const { messages, thread: after } = await h.api().agent.threads.get({ threadId: thread.id });
    expect(after).toMatchObject({ state: 'idle', title: 'Greet Aura in the heading' });
    expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'tool', 'tool', 'assistant', 'tool', 'assistant']);
    expect(messages[0]).toMatchObject({ content: 'Greet Aura in the heading', turnId });

    // The model got the project context: framework, file tree, tools.
    const system = h.model.calls.at(-3)![0]!.content as string;
    expect(system).toContain('Framework: react');
    expect(system).toContain('src/App.tsx');
    expect(h.model.boundTools.at(-1)).toEqual(['list_files', 'read_file', 'search', 'write_file', 'edit_file', 'run_command']);

    const usage = await h.api().agent.usage({ projectId: project.id, threadId: thread.id });
    expect(usage.thread).toMatchObject({ runs: 1, inputTokens: 120, outputTokens: 30 });
    expect(usage.thread!.costUsd).toBeCloseTo((120 * 1 + 30 * 2) / 1e6);
    expect(usage.project.runs).toBe(1);
  });

  it('reports a hunk that does not match exactly once, and changes nothing', async () => {
    const { project, thread } = await newThread({ files: { 'a.txt': 'x\nx\n' } });
    h.model.push(
      { toolCalls: [{ name: 'edit_file', args: { path: 'a.txt', edits: [{ search: 'x', replace: 'y' }] } }, { name: 'edit_file', args: { path: 'a.txt', edits: [{ search: 'zzz', replace: 'y' }] } }] },
      { text: 'Sorry.' },
    );
    await send(thread.id, 'edit');
    const results = ofType(await h.events(thread.id), 'tool_result');
    expect(results.map((result) => result.ok)).toEqual([false, false]);
    expect(results[0]!.output).toContain('occurs 2 times');
    expect(results[1]!.output).toContain('was not found');
    expect(await h.fileText(project.id, 'a.txt')).toBe('x\nx\n');
  });

  it('turns a tool error and a model error into events the panel can show', async () => {
    const { thread } = await newThread();
    h.model.push({ toolCalls: [{ name: 'read_file', args: { path: 'missing.ts' } }] }, { error: 'Rate limit reached for org-4f2a9 on requests per min', status: 429 });
    await send(thread.id, 'read it');
    const events = await h.events(thread.id);
    expect(ofType(events, 'tool_result')[0]).toMatchObject({ ok: false, output: expect.stringContaining('does not exist') });
    expect(events.at(-1)).toEqual({ type: 'error', message: 'The model provider is rate limiting requests. Try again in a moment.' });
    const { thread: failed } = await h.api().agent.threads.get({ threadId: thread.id });
    expect(failed).toMatchObject({ state: 'error', lastError: 'The model provider is rate limiting requests. Try again in a moment.' });
    // The thread is usable again.
    h.model.push({ text: 'ok now' });
    await send(thread.id, 'again');
    expect((await h.events(thread.id)).at(-1)).toEqual({ type: 'done', reason: 'completed' });
  });

  it('never shows the raw message of an unexpected error, from the model or from the server', async () => {
    // A provider's connection failure, and a bug on our side: both messages carry what must stay in the logs.
    const leaky = 'connect ECONNREFUSED 10.0.3.7:5432 (postgres://aura:hunter2@db.internal/aura)';
    const { thread } = await newThread();
    h.model.push({ error: leaky });
    await send(thread.id, 'hello');
    const fromModel = (await h.events(thread.id)).at(-1);
    expect(fromModel).toEqual({ type: 'error', message: 'The model provider is unavailable. Try again later.' });

    const broken = h.newRuntime(new ScriptedChatModel([]));
    broken.models.create = () => {
      throw new TypeError(leaky);
    };
    const { thread: other } = await newThread();
    await h.api({ agent: broken }).agent.send({ threadId: other.id, message: 'hello' });
    await h.settled(other.id, broken);
    const events = await h.events(other.id);
    const shown = [JSON.stringify(events), (await h.api().agent.threads.get({ threadId: other.id })).thread.lastError];
    expect(events.at(-1)).toEqual({ type: 'error', message: expect.stringContaining('error on our side') });
    for (const text of [...shown, JSON.stringify(fromModel)]) {
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('ECONNREFUSED');
    }
  });

  it('runs commands in the real sandbox, with their output in the result', async () => {
    const { thread } = await newThread();
    h.model.push({ toolCalls: [{ name: 'run_command', args: { command: 'echo from-the-sandbox && cat src/App.tsx | head -1' } }] }, { text: 'Done.' });
    await send(thread.id, 'run it');
    const [result] = ofType(await h.events(thread.id), 'tool_result');
    expect(result).toMatchObject({ ok: true, name: 'run_command' });
    expect(result!.output).toContain('exit code 0');
    expect(result!.output).toContain('from-the-sandbox');
    expect(result!.output).toContain('export function App');
  });
});

describe('context budget', () => {
  it('leaves old turns out of the model call when the history outgrows the context window, with a digest of them', async () => {
    const { thread } = await newThread();
    h.model.push({ text: 'A'.repeat(50_000) });
    await send(thread.id, 'first question');
    h.model.push({ text: 'B'.repeat(50_000) });
    await send(thread.id, 'second question');
    h.model.push({ text: 'ok' });
    await send(thread.id, 'third question');
    const [system, ...history] = h.model.calls.at(-1)!;
    expect(String(system!.content)).toContain('The user asked: first question');
    expect(history.map((message) => String(message.content).slice(0, 20))).toEqual(['second question', 'B'.repeat(20), 'third question']);
    // Nothing is lost from the thread itself.
    expect((await h.api().agent.threads.get({ threadId: thread.id })).messages).toHaveLength(6);
  });
});

describe('agent types, enforced on the server', () => {
  it('the code reviewer cannot write, even when the model calls write_file', async () => {
    const { project, thread } = await newThread({ agentType: 'code-reviewer' });
    h.model.push({ toolCalls: [{ name: 'write_file', args: { path: 'src/App.tsx', content: 'hacked' } }, { name: 'run_command', args: { command: 'touch pwned' } }] }, { text: 'src/App.tsx:2 — nit — fine.' });
    await send(thread.id, 'review');
    expect(h.model.boundTools.at(-1)).toEqual(['list_files', 'read_file', 'search']);
    const results = ofType(await h.events(thread.id), 'tool_result');
    expect(results.map((result) => [result.ok, result.output])).toEqual([
      [false, expect.stringContaining('not permitted to use write_file')],
      [false, expect.stringContaining('not permitted to use run_command')],
    ]);
    expect(await h.fileText(project.id, 'src/App.tsx')).toContain('Hello');
    expect(thread.tools).toEqual(['list_files', 'read_file', 'search']);
  });

  it('the documentation agent writes documentation files only', async () => {
    const { project, thread } = await newThread({ agentType: 'documentation' });
    h.model.push(
      {
        toolCalls: [
          { name: 'write_file', args: { path: 'README.md', content: '# App\n' } },
          { name: 'write_file', args: { path: 'docs/guide/setup.html', content: '<p>x</p>' } },
          { name: 'write_file', args: { path: 'src/App.tsx', content: 'nope' } },
          { name: 'edit_file', args: { path: 'src/App.tsx', edits: [{ search: 'Hello', replace: 'Bye' }] } },
        ],
      },
      { text: 'Documented.' },
    );
    await send(thread.id, 'document');
    const results = ofType(await h.events(thread.id), 'tool_result');
    expect(results.map((result) => result.ok)).toEqual([true, true, false, false]);
    expect(results[2]!.output).toContain('not allowed to write "src/App.tsx"');
    expect(await h.fileText(project.id, 'README.md')).toBe('# App\n');
    expect(await h.fileText(project.id, 'src/App.tsx')).toContain('Hello');
  });
});

describe('sending without a model', () => {
  it('fails with PRECONDITION_FAILED and says how to configure one', async () => {
    const unconfigured = h.newRuntime(null);
    const project = await h.newProject();
    const thread = await h.api({ agent: unconfigured }).agent.threads.create({ projectId: project.id });
    const error = await h.api({ agent: unconfigured }).agent.send({ threadId: thread.id, message: 'hi' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('OPENAI_API_KEY') });
    expect((await h.api({ agent: unconfigured }).agent.models()).configured).toBe(false);
  });
});
