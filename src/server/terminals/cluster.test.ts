import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisBus } from '@/server/events/bus';
import { echoSandbox, outputText, takeOutput } from '@/test/echo-sandbox';
import { deleteRedisKeys, redisReachable, TEST_REDIS_URL } from '@/test/redis';
import { createTerminalCluster } from './cluster';
import { TerminalManager } from './manager';

const redisUp = await redisReachable();

describe.skipIf(!redisUp)(`terminals across instances (Redis)${redisUp ? '' : ': skipped, no Redis at 127.0.0.1:6379'}`, () => {
  const prefix = `aura-test-${randomBytes(4).toString('hex')}`;
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    await deleteRedisKeys(prefix);
  });
  /** One instance's manager, on the shared Redis bus and directory. */
  const instance = () => {
    const bus = createRedisBus(TEST_REDIS_URL, `${prefix}:bus:`);
    const cluster = createTerminalCluster({ bus, redisUrl: TEST_REDIS_URL, keyPrefix: prefix });
    closers.push(() => cluster.close(), () => bus.close());
    return { manager: new TerminalManager(cluster), cluster };
  };

  it("streams, writes to, resizes, lists and kills another instance's terminal, resuming by offset", async () => {
    const a = instance();
    const b = instance();
    const { sandbox } = echoSandbox();
    const terminal = await a.manager.create({ projectId: 'p1', sandbox, cols: 80, rows: 24 });
    await b.manager.input('p1', terminal.id, 'before-');

    const first = b.manager.output('p1', terminal.id, 0);
    const pending = takeOutput(first, 'before-live'.length);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await a.manager.input('p1', terminal.id, 'live');
    const seen = await pending;
    expect(outputText(seen)).toBe('before-live');

    await b.manager.input('p1', terminal.id, '-missed');
    const resumed = await takeOutput(b.manager.output('p1', terminal.id, 'before-'.length), 'live-missed'.length);
    expect(outputText(resumed)).toBe('live-missed');
    expect(resumed.at(-1)!.offset).toBe('before-live-missed'.length);

    // The agent's context on B includes the output of A's terminal.
    expect(await b.manager.recentOutput('p1', 100)).toEqual([{ title: 'Terminal 1', text: 'before-live-missed' }]);

    await b.manager.resize('p1', terminal.id, { cols: 120, rows: 40 });
    expect(await a.manager.list('p1')).toEqual([expect.objectContaining({ id: terminal.id, cols: 120, rows: 40 })]);
    expect(await b.manager.list('p1')).toEqual([expect.objectContaining({ id: terminal.id, cols: 120, rows: 40, title: 'Terminal 1' })]);
    // Numbering and the per-project limit count every instance's terminals.
    expect((await b.manager.create({ projectId: 'p1', sandbox, cols: 80, rows: 24 })).title).toBe('Terminal 2');

    const following = (async () => outputText(await takeOutput(b.manager.output('p1', terminal.id, 'before-live-missed'.length), Infinity)))();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await b.manager.kill('p1', terminal.id);
    expect(await following).toBe('');
    expect((await a.manager.list('p1')).map((info) => info.title)).toEqual(['Terminal 2']);
    await expect(b.manager.input('p1', terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(b.manager.output('p1', terminal.id, 0).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('forgets the terminals of an instance that died', async () => {
    const a = instance();
    const b = instance();
    const terminal = await a.manager.create({ projectId: 'p2', sandbox: echoSandbox().sandbox, cols: 80, rows: 24 });
    expect(await b.manager.list('p2')).toHaveLength(1);
    // A dies: its heartbeat stops and its liveness key expires.
    await a.cluster.close();
    const redis = new Redis(TEST_REDIS_URL);
    await redis.del(`${prefix}:terminals:alive:${a.cluster.instanceId}`);
    redis.disconnect();
    expect(await b.manager.list('p2')).toEqual([]);
    await expect(b.manager.input('p2', terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
