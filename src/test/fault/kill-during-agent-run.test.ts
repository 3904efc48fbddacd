import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgentEvent } from '@/lib/schemas/agent';
import { listEventsSince } from '@/server/agent/events/store';
import { ABANDONED_RUN_MESSAGE } from '@/server/agent/runs/release-abandoned-run';
import { createTestDatabase } from '@/test/database';
import { startFakeOpenAIServer } from '@/test/fake-llm/openai-server';
import { startServerProcess, trpcHttpClient, type ServerProcess } from '@/test/server-process';
import { createTestOwner } from '@/test/users';

const { db, url } = await createTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'aura-fault-agent-'));
// The child servers reach the model over HTTP: a fake OpenAI-compatible server in this process.
const llm = await startFakeOpenAIServer({
  script: (request) => {
    const last = request.messages.at(-1)?.text ?? '';
    return last.includes('long story') ? { text: 'Once upon a time '.repeat(400), delayMs: 20 } : { text: 'Back again.' };
  },
});
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await llm.close();
  await rm(dataDir, { recursive: true, force: true });
});

const start = async () => {
  const server = await startServerProcess({
    databaseUrl: url,
    dataDir,
    agentRunLeaseMs: 1_500,
    env: { OPENAI_BASE_URL: llm.baseUrl, OPENAI_COMPATIBLE_MODELS: 'fake-model', OPENAI_API_KEY: '', ANTHROPIC_API_KEY: '' },
  });
  servers.push(server);
  return server;
};

const events = async (threadId: string) => (await listEventsSince({ db, threadId, afterSeq: 0 })).map((stored) => stored.event as AgentEvent);

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  for (const started = Date.now(); !(await check()); ) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface ThreadDetail {
  thread: { id: string; state: string; lastError: string | null };
  messages: { role: string; content: string }[];
}

describe('a server killed (SIGKILL) during an agent run', () => {
  it('leaves the thread intact and usable: history loads, it is released from running, a new message works', { timeout: 60_000 }, async () => {
    const { token, projectId } = await createTestOwner(db);
    const first = await start();
    const api = trpcHttpClient({ url: first.trpcUrl, token });
    const thread = (await api.mutation<{ id: string }>('agent.threads.create', { projectId })).data!;
    expect((await api.mutation('agent.send', { threadId: thread.id, message: 'Tell me a long story.' })).status).toBe(200);
    await until(async () => (await events(thread.id)).filter((event) => event.type === 'token').length >= 3, 20_000, 'the answer to stream');
    await first.kill();

    const second = await start();
    const after = trpcHttpClient({ url: second.trpcUrl, token });
    // No run is alive anywhere: once its lease lapses, the next read releases the thread.
    let detail: ThreadDetail | undefined;
    await until(
      async () => {
        const result = await after.query<ThreadDetail>('agent.threads.get', { threadId: thread.id });
        expect(result.status).toBe(200);
        detail = result.data;
        return detail?.thread.state !== 'running';
      },
      10_000,
      'the thread to leave running',
    );
    expect(detail!.thread).toMatchObject({ state: 'error', lastError: ABANDONED_RUN_MESSAGE });
    expect(detail!.messages[0]).toMatchObject({ role: 'user', content: 'Tell me a long story.' });
    // Clients following the thread see its run end.
    expect((await events(thread.id)).at(-1)).toEqual({ type: 'error', message: ABANDONED_RUN_MESSAGE });

    const sent = await after.mutation('agent.send', { threadId: thread.id, message: 'Are you still there?' });
    expect(sent.status, JSON.stringify(sent.error)).toBe(200);
    await until(async () => (await events(thread.id)).at(-1)?.type === 'done', 20_000, 'the new run to finish');
    expect((await events(thread.id)).at(-1)).toEqual({ type: 'done', reason: 'completed' });
    const final = (await after.query<ThreadDetail>('agent.threads.get', { threadId: thread.id })).data!;
    expect(final.thread.state).toBe('idle');
    expect(final.messages.map((message) => message.role)).toEqual(['user', 'user', 'assistant']);
    expect(final.messages.at(-1)).toMatchObject({ role: 'assistant', content: 'Back again.' });
  });
});
