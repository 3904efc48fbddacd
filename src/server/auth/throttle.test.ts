import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createThrottle, ThrottledError, type Throttle, type ThrottleOptions } from './throttle';

const REDIS_URL = 'redis://127.0.0.1:6379';
// A unique prefix per run (and per throttle below), so runs and tests never share counters.
const RUN_PREFIX = `aura-test:throttle:${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const THRESHOLD = 5;
const BASE_MS = 300;

const probe = new Redis(REDIS_URL);
const opened: Throttle[] = [];
let sequence = 0;

afterAll(async () => {
  await Promise.all(opened.map((throttle) => throttle.close()));
  const keys = await probe.keys(`${RUN_PREFIX}:*`);
  if (keys.length > 0) await probe.del(...keys);
  await probe.quit();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function makeThrottle(redisUrl: string | undefined, overrides: Partial<ThrottleOptions> = {}): Promise<Throttle> {
  const throttle = createThrottle({
    redisUrl,
    keyPrefix: `${RUN_PREFIX}:${++sequence}`,
    windowMs: 60_000,
    maxPerIp: 3,
    lockout: { threshold: THRESHOLD, baseMs: BASE_MS, maxMs: 5_000 },
    ...overrides,
  });
  opened.push(throttle);
  if (redisUrl === REDIS_URL) await untilWritingToRedis(throttle);
  return throttle;
}

/** Until its client is ready a throttle answers from memory; wait until its writes reach Redis. */
async function untilWritingToRedis(throttle: Throttle) {
  const marker = `readiness-${Math.random().toString(36).slice(2)}`;
  for (let tries = 0; (await probe.keys(`${RUN_PREFIX}:*${marker}*`)).length === 0; tries++) {
    if (tries > 200) throw new Error('The throttle never wrote to Redis');
    await throttle.recordSuccess(marker, '0.0.0.0');
    await sleep(10);
  }
}

async function rejection(promise: Promise<unknown>): Promise<ThrottledError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ThrottledError);
  return error as ThrottledError;
}

async function failTimes(throttle: Throttle, times: number, account: string, ip: string) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await throttle.recordFailure(account, ip));
  return results;
}

describe.each([
  { store: 'memory', redisUrl: undefined },
  { store: 'redis', redisUrl: REDIS_URL },
])('auth throttle ($store store)', ({ redisUrl }) => {
  it('allows exactly maxPerIp requests per IP, then refuses with a retry time', async () => {
    const throttle = await makeThrottle(redisUrl);
    for (let i = 0; i < 3; i++) await throttle.hitIp('login', '10.0.0.1');

    const error = await rejection(throttle.hitIp('login', '10.0.0.1'));
    expect(error.reason).toBe('rate_limit');
    expect(error.retryAfterMs).toBeGreaterThan(0);
    expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it('counts each IP and each action separately', async () => {
    const throttle = await makeThrottle(redisUrl);
    for (let i = 0; i < 3; i++) await throttle.hitIp('login', '10.0.0.1');
    await rejection(throttle.hitIp('login', '10.0.0.1'));

    await expect(throttle.hitIp('login', '10.0.0.2')).resolves.toBeUndefined();
    await expect(throttle.hitIp('signup', '10.0.0.1')).resolves.toBeUndefined();
    await expect(throttle.hitIp('refresh', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('lets the right password in after threshold − 1 failures', async () => {
    const throttle = await makeThrottle(redisUrl);
    const results = await failTimes(throttle, THRESHOLD - 1, 'alice@example.com', '10.0.0.1');

    expect(results.every((result) => !result.locked)).toBe(true);
    await expect(throttle.assertNotLocked('alice@example.com', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('locks the account on this IP at the threshold, even for the right password', async () => {
    const throttle = await makeThrottle(redisUrl);
    const results = await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.1');

    expect(results.slice(0, -1).every((result) => !result.locked)).toBe(true);
    const last = results.at(-1);
    expect(last?.locked).toBe(true);
    expect(last?.retryAfterMs).toBeGreaterThan(BASE_MS - 100);
    expect(last?.retryAfterMs).toBeLessThanOrEqual(BASE_MS);

    const error = await rejection(throttle.assertNotLocked('alice@example.com', '10.0.0.1'));
    expect(error.reason).toBe('lockout');
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('treats account names case- and space-insensitively', async () => {
    const throttle = await makeThrottle(redisUrl);
    await failTimes(throttle, THRESHOLD, '  Alice@Example.COM ', '10.0.0.1');

    await rejection(throttle.assertNotLocked('alice@example.com', '10.0.0.1'));
  });

  it('locks only this account+IP: the owner on another IP and other accounts still get in', async () => {
    const throttle = await makeThrottle(redisUrl);
    await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.66');

    // 5 failures are far below the account-wide limit (threshold × 20).
    await expect(throttle.assertNotLocked('alice@example.com', '10.0.0.1')).resolves.toBeUndefined();
    await expect(throttle.assertNotLocked('bob@example.com', '10.0.0.66')).resolves.toBeUndefined();
  });

  it('ends the lock, then counts failures from 0 and doubles the next lock', async () => {
    const throttle = await makeThrottle(redisUrl);
    const first = (await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.1')).at(-1);
    await sleep((first?.retryAfterMs ?? 0) + 50);

    await expect(throttle.assertNotLocked('alice@example.com', '10.0.0.1')).resolves.toBeUndefined();
    const again = await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.1');
    expect(again.slice(0, -1).every((result) => !result.locked)).toBe(true);
    expect(again.at(-1)?.locked).toBe(true);
    expect(again.at(-1)?.retryAfterMs).toBeGreaterThan(2 * BASE_MS - 100);
    expect(again.at(-1)?.retryAfterMs).toBeLessThanOrEqual(2 * BASE_MS);
  });

  it('caps the backoff at maxMs', async () => {
    const throttle = await makeThrottle(redisUrl, { lockout: { threshold: 1, baseMs: 200, maxMs: 500 } });
    const locks: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { retryAfterMs = 0 } = await throttle.recordFailure('alice@example.com', '10.0.0.1');
      locks.push(retryAfterMs);
      if (i < 2) await sleep(retryAfterMs + 50);
    }

    expect(locks[0]).toBeGreaterThan(100);
    expect(locks[1]).toBeGreaterThan(300);
    expect(locks[1]).toBeLessThanOrEqual(400);
    expect(locks[2]).toBeGreaterThan(400);
    expect(locks[2]).toBeLessThanOrEqual(500);
  });

  it('resets the failure count and the backoff after a successful sign-in', async () => {
    const throttle = await makeThrottle(redisUrl);
    const first = (await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.1')).at(-1);
    await sleep((first?.retryAfterMs ?? 0) + 50);
    await failTimes(throttle, THRESHOLD - 1, 'alice@example.com', '10.0.0.1');
    await throttle.recordSuccess('alice@example.com', '10.0.0.1');

    const after = await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.1');
    expect(after.slice(0, -1).every((result) => !result.locked)).toBe(true);
    // The first lock's length again, not double.
    expect(after.at(-1)?.retryAfterMs).toBeLessThanOrEqual(BASE_MS);
  });

  it('slows a distributed attack account-wide but spares IPs the owner signed in from', async () => {
    const throttle = await makeThrottle(redisUrl);
    await throttle.recordSuccess('alice@example.com', '192.168.1.10');
    // Signed in a while ago: a too-long TTL in the memory store is dropped by the next timer tick.
    await sleep(20);

    // 25 IPs × 4 failures: no single IP reaches its own lock, the account reaches threshold × 20.
    const results = [];
    for (let ip = 1; ip <= 25; ip++) results.push(...(await failTimes(throttle, THRESHOLD - 1, 'alice@example.com', `10.1.0.${ip}`)));
    expect(results.slice(0, -1).every((result) => !result.locked)).toBe(true);
    expect(results.at(-1)?.locked).toBe(true);

    const error = await rejection(throttle.assertNotLocked('alice@example.com', '10.2.0.1'));
    expect(error.reason).toBe('lockout');
    await expect(throttle.assertNotLocked('alice@example.com', '192.168.1.10')).resolves.toBeUndefined();

    await sleep(error.retryAfterMs + 50);
    await expect(throttle.assertNotLocked('alice@example.com', '10.2.0.1')).resolves.toBeUndefined();
  });
});

describe('auth throttle with Redis', () => {
  it('shares counters between app instances', async () => {
    const first = await makeThrottle(REDIS_URL);
    const second = await makeThrottle(REDIS_URL, { keyPrefix: `${RUN_PREFIX}:${sequence}` });
    for (let i = 0; i < 3; i++) await first.hitIp('login', '10.0.0.1');

    expect((await rejection(second.hitIp('login', '10.0.0.1'))).reason).toBe('rate_limit');
  });

  it('falls back to memory while Redis is unreachable, still limiting', async () => {
    // ioredis reports an 'error' event nobody listens to on the console instead of crashing.
    const consoleError = vi.spyOn(console, 'error');
    const throttle = await makeThrottle('redis://127.0.0.1:1');

    for (let i = 0; i < 3; i++) await expect(throttle.hitIp('login', '10.0.0.1')).resolves.toBeUndefined();
    expect((await rejection(throttle.hitIp('login', '10.0.0.1'))).reason).toBe('rate_limit');

    await expect(throttle.assertNotLocked('alice@example.com', '10.0.0.1')).resolves.toBeUndefined();
    const results = await failTimes(throttle, THRESHOLD, 'alice@example.com', '10.0.0.1');
    expect(results.at(-1)?.locked).toBe(true);
    expect((await rejection(throttle.assertNotLocked('alice@example.com', '10.0.0.1'))).reason).toBe('lockout');

    await sleep(100); // by now ioredis has failed to connect at least once
    expect(consoleError).not.toHaveBeenCalledWith(expect.stringContaining('Unhandled error event'), expect.anything());
    consoleError.mockRestore();
  });
});
