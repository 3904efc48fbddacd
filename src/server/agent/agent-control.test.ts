import { isToolMessage } from '@langchain/core/messages';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '@/lib/schemas/agent';
import { eq } from 'drizzle-orm';
import { agentThreads } from '@/server/db/schema';
import { createMemoryBus } from '@/server/events/bus';
import { statFile } from '@/server/files/read-file';
import { createAgentHarness } from './testing/harness';
import { ScriptedChatModel } from './testing/scripted-model';

const h = await createAgentHarness();
beforeEach(() => {
  h.model.state.steps.length = 0;
});

async function newThread(options: { approvalMode?: 'auto' | 'ask'; files?: Record<string, string> } = {}) {
  const project = await h.newProject(options.files ?? { 'notes.md': 'one\n' });
  const thread = await h.api().agent.threads.create({ projectId: project.id, approvalMode: options.approvalMode ?? 'auto' });
  return { project, thread };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const last = async (threadId: string) => (await h.events(threadId)).at(-1);

describe('cancel', () => {
  it('stops a streaming model call, frees the thread, and the conversation continues', async () => {
    const { thread } = await newThread();
    h.model.push({ text: 'word '.repeat(200), tokenDelayMs: 20 });
    await h.api().agent.send({ threadId: thread.id, message: 'talk a lot' });
    await waitFor(async () => (await h.events(thread.id)).some((event) => event.type === 'token'));
    await h.api().agent.cancel({ threadId: thread.id });
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'cancelled' });
    expect(h.model.state.steps).toHaveLength(0);
    const tokens = (await h.events(thread.id)).filter((event) => event.type === 'token').map((event) => (event as { text: string }).text).join('');
    expect(tokens.length).toBeLessThan('word '.repeat(200).length);

    h.model.push({ text: 'Back.' });
    await h.api().agent.send({ threadId: thread.id, message: 'still there?' });
    await h.settled(thread.id);
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'completed' });
  });

  it('kills a running command', async () => {
    const { thread } = await newThread();
    h.model.push({ toolCalls: [{ name: 'run_command', args: { command: 'sleep 30', timeoutSeconds: 60 } }] }, { text: 'never reached' });
    const started = Date.now();
    await h.api().agent.send({ threadId: thread.id, message: 'sleep' });
    await waitFor(async () => (await h.events(thread.id)).some((event) => event.type === 'tool_call'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await h.api().agent.cancel({ threadId: thread.id });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'cancelled' });
    h.model.state.steps.length = 0;
    // The next run gets a result for the interrupted call, so providers accept the history.
    h.model.push({ text: 'ok' });
    await h.api().agent.send({ threadId: thread.id, message: 'next' });
    await h.settled(thread.id);
    const seen = h.model.calls.at(-1)!;
    expect(seen.some((message) => isToolMessage(message) && String(message.content).includes('cancelled'))).toBe(true);
  });
});

describe('cancel across instances', () => {
  it('reaches a run on another instance through the bus; that instance\'s subscribers see it end', async () => {
    const bus = createMemoryBus();
    const slow = new ScriptedChatModel([{ text: 'tick '.repeat(300), tokenDelayMs: 20 }]);
    const instanceA = h.newRuntime(slow, bus);
    const instanceB = h.newRuntime(new ScriptedChatModel([]), bus);
    const { thread } = await newThread();
    await h.api({ agent: instanceA }).agent.send({ threadId: thread.id, message: 'go' });
    await waitFor(async () => (await h.events(thread.id)).some((event) => event.type === 'token'));
    await h.api({ agent: instanceB }).agent.cancel({ threadId: thread.id });
    await h.settled(thread.id, instanceA);
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'cancelled' });
    expect((await h.api().agent.threads.get({ threadId: thread.id })).thread.state).toBe('idle');
  });

  it('cancelling a pending approval releases the thread, and the next message runs', async () => {
    const { project, thread } = await newThread({ approvalMode: 'ask' });
    h.model.push({ toolCalls: [{ name: 'write_file', args: { path: 'x.md', content: 'x' } }] });
    await h.api().agent.send({ threadId: thread.id, message: 'write' });
    await h.settled(thread.id);
    await h.api().agent.cancel({ threadId: thread.id });
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'cancelled' });
    h.model.push({ text: 'Fine, no file.' });
    await h.api().agent.send({ threadId: thread.id, message: 'never mind' });
    await h.settled(thread.id);
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'completed' });
    expect(await statFile({ db: h.db, projectId: project.id, path: 'x.md' })).toBeNull();
    const { messages } = await h.api().agent.threads.get({ threadId: thread.id });
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', content: 'Fine, no file.' });
  });
});

describe('approval mode', () => {
  it('pauses before a write; approve runs it and the run goes on', async () => {
    const { project, thread } = await newThread({ approvalMode: 'ask' });
    h.model.push({ toolCalls: [{ name: 'write_file', args: { path: 'plan.md', content: '# Plan\n' } }] }, { text: 'Wrote the plan.' });
    await h.api().agent.send({ threadId: thread.id, message: 'plan' });
    await h.settled(thread.id);
    const events = await h.events(thread.id);
    expect(events).toContainEqual({ type: 'approval_required', calls: [expect.objectContaining({ name: 'write_file', args: { path: 'plan.md', content: '# Plan\n' } })] });
    expect(events.at(-1)).toEqual({ type: 'done', reason: 'awaiting_approval' });
    expect(await statFile({ db: h.db, projectId: project.id, path: 'plan.md' })).toBeNull();
    expect((await h.api().agent.threads.get({ threadId: thread.id })).thread).toMatchObject({ state: 'awaiting_approval', pendingApproval: [expect.objectContaining({ name: 'write_file' })] });
    await expect(h.api().agent.send({ threadId: thread.id, message: 'hurry' })).rejects.toMatchObject({ code: 'CONFLICT' });

    await h.api().agent.approve({ threadId: thread.id });
    await h.settled(thread.id);
    expect(await h.fileText(project.id, 'plan.md')).toBe('# Plan\n');
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'completed' });
    expect((await h.events(thread.id)).some((event) => event.type === 'approval_resolved' && event.approved)).toBe(true);
  });

  it('reject skips the action and tells the model why', async () => {
    const { project, thread } = await newThread({ approvalMode: 'ask' });
    h.model.push({ toolCalls: [{ name: 'run_command', args: { command: 'rm -rf src' } }] }, { text: 'Understood.' });
    await h.api().agent.send({ threadId: thread.id, message: 'clean up' });
    await h.settled(thread.id);
    await h.api().agent.reject({ threadId: thread.id, reason: 'too dangerous' });
    await h.settled(thread.id);
    const seen = h.model.calls.at(-1)!;
    expect(seen.some((message) => isToolMessage(message) && String(message.content).includes('rejected this action: too dangerous'))).toBe(true);
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'completed' });
    expect(await statFile({ db: h.db, projectId: project.id, path: 'notes.md' })).not.toBeNull();
  });

  it('reads run without asking', async () => {
    const { thread } = await newThread({ approvalMode: 'ask' });
    h.model.push({ toolCalls: [{ name: 'read_file', args: { path: 'notes.md' } }] }, { text: 'It says one.' });
    await h.api().agent.send({ threadId: thread.id, message: 'read' });
    await h.settled(thread.id);
    expect(await last(thread.id)).toEqual({ type: 'done', reason: 'completed' });
  });
});

describe('revert to before a message', () => {
  it('restores the files the agent changed since, drops the later history, and continuing works', async () => {
    const { project, thread } = await newThread({ files: { 'notes.md': 'one\n', 'keep.md': 'keep\n' } });
    h.model.push({ toolCalls: [{ name: 'write_file', args: { path: 'first.md', content: 'new\n' } }, { name: 'edit_file', args: { path: 'notes.md', edits: [{ search: 'one', replace: 'two' }] } }] }, { text: 'Turn one done.' });
    await h.api().agent.send({ threadId: thread.id, message: 'first' });
    await h.settled(thread.id);
    h.model.push({ toolCalls: [{ name: 'edit_file', args: { path: 'notes.md', edits: [{ search: 'two', replace: 'three' }] } }] }, { text: 'Turn two done.' });
    const { turnId: second } = await h.api().agent.send({ threadId: thread.id, message: 'second' });
    await h.settled(thread.id);
    expect(await h.fileText(project.id, 'notes.md')).toBe('three\n');

    // Back to before the second message: notes.md is "two" again, first.md stays.
    await h.api().agent.revert({ threadId: thread.id, turnId: second });
    expect(await h.fileText(project.id, 'notes.md')).toBe('two\n');
    let { messages } = await h.api().agent.threads.get({ threadId: thread.id });
    expect(messages.filter((message) => message.role === 'user').map((message) => message.content)).toEqual(['first']);
    expect(messages.at(-1)).toMatchObject({ role: 'assistant', content: 'Turn one done.' });

    // Back to before the first: everything the agent did is undone.
    const firstTurn = messages[0]!.turnId!;
    const result = await h.api().agent.revert({ threadId: thread.id, turnId: firstTurn });
    expect(result.restored.sort()).toEqual(['first.md', 'notes.md']);
    expect(await h.fileText(project.id, 'notes.md')).toBe('one\n');
    expect(await statFile({ db: h.db, projectId: project.id, path: 'first.md' })).toBeNull();
    expect(await h.fileText(project.id, 'keep.md')).toBe('keep\n');
    ({ messages } = await h.api().agent.threads.get({ threadId: thread.id }));
    expect(messages).toEqual([]);
    expect(await last(thread.id)).toEqual({ type: 'reverted', turnId: firstTurn });

    h.model.push({ text: 'Fresh start.' });
    await h.api().agent.send({ threadId: thread.id, message: 'again' });
    await h.settled(thread.id);
    ({ messages } = await h.api().agent.threads.get({ threadId: thread.id }));
    expect(messages.map((message) => message.content)).toEqual(['again', 'Fresh start.']);
  });
});

describe('commands in a turn', () => {
  it('sync their file changes to the store at once, report them, and revert with the turn', async () => {
    const { project, thread } = await newThread({ files: { 'notes.md': 'one\n' } });
    h.model.push({ toolCalls: [{ name: 'run_command', args: { command: 'echo made > made.txt && echo two > notes.md' } }] }, { text: 'Done.' });
    const { turnId } = await h.api().agent.send({ threadId: thread.id, message: 'make files' });
    await h.settled(thread.id);
    expect(await h.fileText(project.id, 'made.txt')).toBe('made\n');
    const changes = (await h.events(thread.id)).filter((event) => event.type === 'file_changed');
    expect(changes).toEqual([
      expect.objectContaining({ path: 'made.txt', change: 'created', diff: expect.stringContaining('+made') }),
      expect.objectContaining({ path: 'notes.md', change: 'modified', diff: expect.stringContaining('-one\n+two') }),
    ]);
    await h.api().agent.revert({ threadId: thread.id, turnId });
    expect(await statFile({ db: h.db, projectId: project.id, path: 'made.txt' })).toBeNull();
    expect(await h.fileText(project.id, 'notes.md')).toBe('one\n');
  });
});

describe('threads', () => {
  it('resume after a server restart: new runtime objects on the same database continue the conversation', async () => {
    const { thread } = await newThread();
    h.model.push({ text: 'The secret word is kiwi.' });
    await h.api().agent.send({ threadId: thread.id, message: 'remember kiwi' });
    await h.settled(thread.id);

    const restartedModel = new ScriptedChatModel([{ text: 'You said kiwi.' }]);
    const restarted = h.newRuntime(restartedModel);
    await h.api({ agent: restarted }).agent.send({ threadId: thread.id, message: 'what did I say?' });
    await h.settled(thread.id, restarted);
    const seen = restartedModel.calls[0]!.slice(1).map((message) => message.content);
    expect(seen).toEqual(['remember kiwi', 'The secret word is kiwi.', 'what did I say?']);
    const { messages } = await h.api({ agent: restarted }).agent.threads.get({ threadId: thread.id });
    expect(messages.map((message) => message.content)).toEqual(['remember kiwi', 'The secret word is kiwi.', 'what did I say?', 'You said kiwi.']);
  });

  it('lists, renames and deletes', async () => {
    const { project, thread } = await newThread();
    const other = await h.api().agent.threads.create({ projectId: project.id, agentType: 'debugger', title: 'Bug hunt' });
    expect(other.tools).toEqual(['list_files', 'read_file', 'search', 'edit_file', 'run_command']);
    await h.api().agent.threads.rename({ threadId: thread.id, title: 'Renamed' });
    const listed = await h.api().agent.threads.list({ projectId: project.id });
    expect(listed.map((entry) => entry.title).sort()).toEqual(['Bug hunt', 'Renamed']);
    await h.api().agent.threads.delete({ threadId: other.id });
    expect((await h.api().agent.threads.list({ projectId: project.id })).map((entry) => entry.id)).toEqual([thread.id]);
    await expect(h.api().agent.threads.get({ threadId: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deleting the project deletes its conversations\' checkpoints', async () => {
    const { project, thread } = await newThread();
    h.model.push({ text: 'Hi.' });
    await h.api().agent.send({ threadId: thread.id, message: 'hello' });
    await h.settled(thread.id);
    const [row] = await h.db.select({ conversationId: agentThreads.conversationId }).from(agentThreads).where(eq(agentThreads.id, thread.id));
    const saver = await h.runtime.checkpointer.saver();
    const config = { configurable: { thread_id: row!.conversationId } };
    expect(await saver.getTuple(config)).toBeDefined();
    await h.api().projects.delete({ projectId: project.id });
    expect(await saver.getTuple(config)).toBeUndefined();
  });

  it('POST /api/sessions/create with type ai-agent opens a session with its agent thread', async () => {
    const project = await h.newProject({ 'index.html': '<p>hi</p>' });
    const opened = await h.api().sessions.create({ projectId: project.id, type: 'ai-agent', agentType: 'code-reviewer' });
    expect(opened.session.type).toBe('ai-agent');
    expect(opened.agentSession).toMatchObject({ projectId: project.id, agentType: 'code-reviewer', state: 'idle', tools: ['list_files', 'read_file', 'search'], sessionId: opened.session.id });
    const again = await h.api().sessions.create({ projectId: project.id, type: 'ai-agent', agentType: 'code-reviewer' });
    expect(again.agentSession?.id).toBe(opened.agentSession?.id);
  });
});

describe('event stream', () => {
  it('replays from lastEventId and then follows live events, each once and in order', async () => {
    const { thread } = await newThread();
    h.model.push({ text: 'First answer.' });
    await h.api().agent.send({ threadId: thread.id, message: 'one' });
    await h.settled(thread.id);
    const stored = await h.events(thread.id);
    const stream = (await h.api().agent.onEvents({ threadId: thread.id, lastEventId: '2' })) as AsyncIterable<[string, AgentEvent]>;
    const seen: [string, AgentEvent][] = [];
    h.model.push({ text: 'Second answer.' });
    let sent = false;
    for await (const envelope of stream) {
      seen.push(envelope);
      if (sent && envelope[1].type === 'done') break;
      if (!sent && Number(envelope[0]) === stored.length) {
        sent = true;
        await h.api().agent.send({ threadId: thread.id, message: 'two' });
      }
    }
    expect(seen.map(([id]) => Number(id))).toEqual(Array.from({ length: seen.length }, (_, index) => index + 3));
    expect(seen.slice(0, stored.length - 2).map(([, event]) => event)).toEqual(stored.slice(2));
    expect(seen.at(-1)![1]).toEqual({ type: 'done', reason: 'completed' });
    expect(seen.some(([, event]) => event.type === 'token' && event.text.includes('Second'))).toBe(true);
  });
});

describe('a run whose server died', () => {
  it('releases the thread once the run lease lapses, but never a live run on another instance', async () => {
    const bus = createMemoryBus();
    const slow = new ScriptedChatModel([{ text: 'tick '.repeat(150), tokenDelayMs: 20 }]);
    const running = h.newRuntime(slow, bus);
    const other = h.newRuntime(new ScriptedChatModel([]), bus);
    running.runLeaseMs = 1_000;
    other.runLeaseMs = 1_000;
    const { thread } = await newThread();
    await h.api({ agent: running }).agent.send({ threadId: thread.id, message: 'go' });
    // Alive elsewhere: renewed every third of the lease, so reads on another instance leave it running.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await h.api({ agent: other }).agent.threads.get({ threadId: thread.id })).thread.state).toBe('running');
    await h.settled(thread.id, running);

    // A server that died mid-run leaves `running` behind with nothing renewing it.
    await h.db.update(agentThreads).set({ state: 'running' }).where(eq(agentThreads.id, thread.id));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // The thread list shows it released too, not `running` until someone opens it.
    const listed = await h.api({ agent: other }).agent.threads.list({ projectId: thread.projectId });
    expect(listed.find((entry) => entry.id === thread.id)).toMatchObject({ state: 'error' });
    const { thread: released } = await h.api({ agent: other }).agent.threads.get({ threadId: thread.id });
    expect(released).toMatchObject({ state: 'error', lastError: expect.stringContaining('stopped before it finished') });
    expect(await last(thread.id)).toMatchObject({ type: 'error' });
  });
});
