import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentEvent } from '@/lib/schemas/agent';
import type { SetupStepState } from '@/lib/schemas/setup';
import { createTestDatabase, type TestDatabase } from '@/test/database';
import { startFakeOpenAIServer } from '@/test/fake-llm/openai-server';
import { deleteRedisKeys, redisReachable, TEST_REDIS_URL } from '@/test/redis';
import { startRoundRobinProxy, type RoundRobinProxy } from '@/test/round-robin-proxy';
import { startServerProcess, trpcHttpClient, trpcSubscription, type ServerProcess, type SseMessage } from '@/test/server-process';
import { createTestOwner } from '@/test/users';

const REDIS_URL = TEST_REDIS_URL;
const redisUp = await redisReachable();
if (!redisUp) console.warn('several-instances.test.ts: skipped, no Redis answers at 127.0.0.1:6379 (CI runs it).');
const A = 0;
const B = 1;

describe.skipIf(!redisUp)(`several instances behind a round-robin proxy, sharing Postgres and Redis${redisUp ? '' : ' (skipped: no Redis at 127.0.0.1:6379)'}`, () => {
  // Every key and channel of this run under its own prefix, so parallel runs share one Redis safely.
  const prefix = `aura-test-${randomBytes(4).toString('hex')}`;
  const servers: ServerProcess[] = [];
  let database: TestDatabase;
  let proxy: RoundRobinProxy;
  let dataDir: string;
  let llm: Awaited<ReturnType<typeof startFakeOpenAIServer>>;
  let trpcUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'aura-multi-'));
    llm = await startFakeOpenAIServer({
      script: (request) => ((request.messages.at(-1)?.text ?? '').includes('long story') ? { text: 'Once upon a time '.repeat(400), delayMs: 20 } : { text: 'Hi.' }),
    });
    const env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      RATE_LIMIT_MAX: '4',
      // The round-robin proxy is the load balancer, on loopback: its X-Forwarded-For counts.
      TRUSTED_PROXIES: 'loopback',
      OPENAI_BASE_URL: llm.baseUrl,
      OPENAI_COMPATIBLE_MODELS: 'fake-model',
      OPENAI_API_KEY: '',
      ANTHROPIC_API_KEY: '',
    };
    // Only A runs the setup worker, so every setup step is run by A.
    servers.push(
      ...(await Promise.all([
        startServerProcess({ databaseUrl: database.url, dataDir, fakeInstallMs: 300, pollMs: 100, env }),
        startServerProcess({ databaseUrl: database.url, dataDir, worker: false, env }),
      ])),
    );
    proxy = await startRoundRobinProxy(servers.map((server) => new URL(server.trpcUrl).origin));
    trpcUrl = `${proxy.url}/api/trpc`;
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all(servers.map((server) => server.stop()));
    await llm?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await deleteRedisKeys(prefix);
  });

  /** A client whose next request is answered by instance `index` (the proxy then goes on in turn). */
  const via = (index: number, token?: string) => {
    const client = trpcHttpClient({ url: trpcUrl, token });
    const pinned = async <T extends { headers: Headers }>(call: () => Promise<T>) => {
      proxy.next = index;
      const result = await call();
      expect(result.headers.get(proxy.servedByHeader), 'the instance that answered').toBe(String(index));
      return result;
    };
    return {
      query: <T>(procedure: string, input: unknown) => pinned(() => client.query<T>(procedure, input)),
      mutation: <T>(procedure: string, input: unknown) => pinned(() => client.mutation<T>(procedure, input)),
      /** Opens (on first read) a subscription that instance `index` serves, and checks it did. */
      subscribe: async function* <T>(procedure: string, input: unknown, signal?: AbortSignal) {
        proxy.next = index;
        const onResponse = (response: Response) => expect(response.headers.get(proxy.servedByHeader)).toBe(String(index));
        yield* trpcSubscription<T>({ url: trpcUrl, token, procedure, input, signal, onResponse });
      },
    };
  };

  /** Reads a stream (leaving it open) until `done` holds for what was read; returns what was read. */
  async function readUntil<T>(stream: AsyncGenerator<SseMessage<T>>, done: (seen: SseMessage<T>[]) => boolean, timeoutMs = 15_000): Promise<SseMessage<T>[]> {
    const seen: SseMessage<T>[] = [];
    const deadline = Date.now() + timeoutMs;
    const describe = () => JSON.stringify(seen.map((message) => message.data)).slice(-2000);
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for the expected messages; got ${describe()}`)), deadline - Date.now())));
      const next = await Promise.race([stream.next(), timeout]).finally(() => clearTimeout(timer));
      if (next.done) throw new Error(`the stream ended before the expected messages; got ${describe()}`);
      seen.push(next.value);
      if (done(seen)) return seen;
    }
  }

  type Output = { data: string };
  const text = (messages: SseMessage<Output>[]) => Buffer.concat(messages.map((message) => Buffer.from(message.data.data, 'base64'))).toString();

  it('terminals: created on A, streamed, written, resized, listed and killed through B', async () => {
    const { token, projectId } = await createTestOwner(database.db);
    const created = await via(A, token).mutation<{ id: string }>('terminals.create', { projectId, cols: 80, rows: 24 });
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    expect(created.headers.get(proxy.servedByHeader)).toBe(String(A));
    const terminalId = created.data!.id;

    // Input through B reaches the PTY on A; the output, written before anyone listened, is replayed from offset 0 on B.
    const written = await via(B, token).mutation('terminals.write', { projectId, terminalId, data: 'echo hello-from-$((40+2))\n' });
    expect(written.headers.get(proxy.servedByHeader)).toBe(String(B));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const first = new AbortController();
    const stream = via(B, token).subscribe<Output>('terminals.output', { projectId, terminalId }, first.signal);
    const replayed = await readUntil(stream, (seen) => text(seen).includes('hello-from-42'));
    // Then live output, from A's PTY to B's stream.
    await via(B, token).mutation('terminals.write', { projectId, terminalId, data: 'echo live-$((1+1))\n' });
    const live = await readUntil(stream, (seen) => text(seen).includes('live-2'));
    first.abort();
    const lastEventId = live.at(-1)!.id;
    expect(Number(lastEventId)).toBe(Buffer.byteLength(text([...replayed, ...live])));

    // A reconnect to B resumes from its last id: nothing before it again, what came after it.
    await via(A, token).mutation('terminals.write', { projectId, terminalId, data: 'echo after-$((2+3))\n' });
    const resumed = await readUntil(via(B, token).subscribe<Output>('terminals.output', { projectId, terminalId, lastEventId }), (seen) => text(seen).includes('after-5'));
    expect(text(resumed)).not.toContain('hello-from-42');
    expect(text(resumed)).not.toContain('live-2');
    expect(Number(resumed[0]!.id)).toBeGreaterThan(Number(lastEventId));

    // Resize through B; both instances list the terminal with its new size.
    expect((await via(B, token).mutation('terminals.resize', { projectId, terminalId, cols: 100, rows: 30 })).status).toBe(200);
    for (const instance of [A, B]) {
      const listed = await via(instance, token).query<{ id: string; cols: number; rows: number }[]>('terminals.list', { projectId });
      expect(listed.data).toEqual([expect.objectContaining({ id: terminalId, cols: 100, rows: 30 })]);
    }

    // Kill through B: an open stream on B ends, and neither instance lists it any more.
    const watching = readUntil(via(B, token).subscribe<Output>('terminals.output', { projectId, terminalId, lastEventId: resumed.at(-1)!.id }), () => false).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await via(B, token).mutation('terminals.kill', { projectId, terminalId })).status).toBe(200);
    expect(String(await watching)).toContain('the stream ended');
    for (const instance of [A, B]) expect((await via(instance, token).query('terminals.list', { projectId })).data).toEqual([]);
    expect((await via(B, token).mutation('terminals.write', { projectId, terminalId, data: 'ls\n' })).status).toBe(404);
  });

  it("setup progress: B's subscription sees the steps A's worker runs", async () => {
    const { token } = await createTestOwner(database.db);
    const created = await via(A, token).mutation<{ project: { id: string } }>('projects.create', { name: 'Set up on A', framework: 'react' });
    expect(created.status, JSON.stringify(created.error)).toBe(200);
    const projectId = created.data!.project.id;
    const steps = await readUntil(
      via(B, token).subscribe<SetupStepState>('projects.onSetupProgress', { projectId }),
      (seen) => seen.filter((message) => message.data.status === 'completed').map((message) => message.data.step).includes('install'),
      30_000,
    );
    // Live changes, not only the state read at subscribe time: the install was seen running, then done.
    const install = steps.filter((message) => message.data.step === 'install').map((message) => message.data.status);
    expect(install.length, 'the install step after the initial state').toBeGreaterThan(1);
    expect(install).toContain('in_progress');
    expect(install.at(-1)).toBe('completed');
  });

  it('agent: B streams a run executing on A, and a cancel sent to B stops it', async () => {
    const { token, projectId } = await createTestOwner(database.db);
    const thread = (await via(A, token).mutation<{ id: string }>('agent.threads.create', { projectId })).data!;
    const events = via(B, token).subscribe<AgentEvent>('agent.onEvents', { threadId: thread.id });
    const sent = await via(A, token).mutation('agent.send', { threadId: thread.id, message: 'Tell me a long story.' });
    expect(sent.status, JSON.stringify(sent.error)).toBe(200);
    const streamed = await readUntil(events, (seen) => seen.filter((message) => message.data.type === 'token').length >= 3);
    expect(streamed.map((message) => Number(message.id))).toEqual(streamed.map((_, index) => index + 1));

    const cancelled = await via(B, token).mutation('agent.cancel', { threadId: thread.id });
    expect(cancelled.headers.get(proxy.servedByHeader)).toBe(String(B));
    const rest = await readUntil(events, (seen) => seen.at(-1)?.data.type === 'done');
    expect(rest.at(-1)!.data).toEqual({ type: 'done', reason: 'cancelled' });
    const after = await via(B, token).query<{ thread: { state: string } }>('agent.threads.get', { threadId: thread.id });
    expect(after.data!.thread.state).toBe('idle');
  });

  it('rate limits: failed logins spread over A and B hit the limit at the same total as on one instance', async () => {
    // RATE_LIMIT_MAX=4 logins per IP per window: the fifth is refused, whichever instance takes it.
    const spread: number[] = [];
    for (let n = 0; n < 6; n++) spread.push((await via(n % 2).mutation('auth.login', { email: `nobody-${n}@example.com`, password: 'wrong password' })).status);
    expect(spread).toEqual([401, 401, 401, 401, 429, 429]);

    // The same on one instance, for another client address (A directly, from loopback, which is trusted as the balancer would be).
    const alone: number[] = [];
    for (let n = 0; n < 6; n++) {
      const response = await fetch(`${servers[A]!.trpcUrl}/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
        body: JSON.stringify({ json: { email: `alone-${n}@example.com`, password: 'wrong password' } }),
      });
      alone.push(response.status);
    }
    expect(alone).toEqual(spread);
  });
});
