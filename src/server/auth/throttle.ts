import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError, brandError } from '@/server/errors';
import { getLogger } from '@/server/logger';

/** `signup_taken`: a sign-up refused because its email has an account, which is what enumeration looks like. */
export type ThrottledAction = 'signup' | 'signup_taken' | 'login' | 'refresh';

export interface ThrottleOptions {
  /** Redis when set (shared by every app instance), else in-memory counters for this process. */
  redisUrl?: string;
  /** Default 'aura'; tests use a unique prefix so runs don't share counters. */
  keyPrefix?: string;
  /** RATE_LIMIT_WINDOW. Stores keep whole seconds, so it is rounded up to at least 1 s. */
  windowMs: number;
  /** RATE_LIMIT_MAX: requests per IP per window, per action. */
  maxPerIp: number;
  /** Sign-ups refused for a registered email, per IP per window (default 5): each one tells its caller the email is in use. */
  maxTakenPerIp?: number;
  /** Failed passwords before a lock (default 5), and the lock's first (60 s) and longest (15 min) length. */
  lockout?: { threshold?: number; baseMs?: number; maxMs?: number };
}

/**
 * Anti-automation for sign-up, login and token refresh. Call `recordFailure` for unknown accounts
 * too, so that a lockout never reveals whether an account exists.
 */
export interface Throttle {
  /** Counts one request from this IP for this action. Throws ThrottledError when over the limit. */
  hitIp(action: ThrottledAction, ip: string): Promise<void>;
  /** Throws ThrottledError while this IP has used up this action's limit, without counting a request. */
  assertIpAllowed(action: ThrottledAction, ip: string): Promise<void>;
  /** Before checking a password: throws ThrottledError while this account+IP is locked out. */
  assertNotLocked(account: string, ip: string): Promise<void>;
  /** After a wrong password. Returns { locked: true, retryAfterMs } when this failure starts a lockout. */
  recordFailure(account: string, ip: string): Promise<{ locked: boolean; retryAfterMs?: number }>;
  /** After a right password: clears the failure count and backoff for this account+IP. */
  recordSuccess(account: string, ip: string): Promise<void>;
  /** Quits the Redis client, if any. */
  close(): Promise<void>;
}

const throttledBrand = brandError<ThrottledError>('ThrottledError');

/** A 429. `retryAfterMs` is always > 0; the caller sends it as `Retry-After` in whole seconds, rounded up. */
export class ThrottledError extends AppError {
  constructor(
    readonly reason: 'rate_limit' | 'lockout',
    readonly retryAfterMs: number,
  ) {
    super('TOO_MANY_REQUESTS', reason === 'lockout' ? 'Too many failed attempts. Try again later.' : 'Too many requests. Try again later.');
    this.name = 'ThrottledError';
    throttledBrand.mark(this);
  }
}

/** Recognises a ThrottledError from any chunk's copy of this module (see `brandError`). */
export const isThrottledError = throttledBrand.is;

const DAY_MS = 24 * 60 * 60_000;
// The account-wide limit sits far above the per-IP one: it only slows an attack spread over many IPs.
const ACCOUNT_THRESHOLD_FACTOR = 20;
// An IP that signed in to an account recently is exempt from that account's account-wide lock, so a
// distributed attack cannot lock the owner out of the places they normally sign in from. The memory
// store expires keys with setTimeout, which caps a TTL at ~24.8 days (longer ones fire after 1 ms).
const KNOWN_IP_MS = 14 * DAY_MS;

// Redis keeps TTLs in whole seconds and treats 0 as "never expires"; never hand it less than 1 s.
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function createLimiter(client: Redis | undefined, options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  // While Redis is unreachable the insurance limiter answers, so a request is never failed by the store.
  return client ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: memory }) : memory;
}

function connect(url: string): Redis {
  // Without an offline queue, commands fail fast while disconnected and the insurance limiter takes over.
  const client = new Redis(url, { enableOfflineQueue: false });
  let down = false;
  // ioredis emits 'error' on every failed reconnect and prints any that nobody listens to; log once per outage.
  client.on('error', (err: Error) => {
    if (!down) getLogger().warn({ err }, 'Redis unreachable: auth throttling uses in-memory counters');
    down = true;
  });
  client.on('ready', () => {
    down = false;
  });
  return client;
}

export function createThrottle(options: ThrottleOptions): Throttle {
  const prefix = options.keyPrefix ?? 'aura';
  const threshold = options.lockout?.threshold ?? 5;
  const baseMs = options.lockout?.baseMs ?? 60_000;
  const maxMs = options.lockout?.maxMs ?? 15 * 60_000;
  const client = options.redisUrl ? connect(options.redisUrl) : undefined;

  const perIp = createLimiter(client, { keyPrefix: `${prefix}:ip`, points: options.maxPerIp, duration: seconds(options.windowMs) });
  const takenPerIp = createLimiter(client, { keyPrefix: `${prefix}:taken`, points: options.maxTakenPerIp ?? 5, duration: seconds(options.windowMs) });
  // Failure counts, backoff levels, locks and known IPs. Only penalty/get/set/delete touch it, so `points` is unused.
  const state = createLimiter(client, { keyPrefix: `${prefix}:auth`, points: 1, duration: seconds(DAY_MS) });

  const accountOf = (account: string) => JSON.stringify([account.trim().toLowerCase()]);
  const pairOf = (account: string, ip: string) => JSON.stringify([account.trim().toLowerCase(), ip]);

  /** Counts one failure for a subject; when it reaches `limit`, starts the next lock and returns its length. */
  async function fail(subject: string, limit: number): Promise<number> {
    const failures = await state.penalty(`fail:${subject}`);
    if (failures.consumedPoints < limit) return 0;
    // The next series of failures starts from 0; the backoff level is remembered for a day after this lock.
    await state.delete(`fail:${subject}`);
    const level = (await state.penalty(`level:${subject}`)).consumedPoints;
    await state.set(`level:${subject}`, level, seconds(DAY_MS));
    const lockMs = Math.min(baseMs * 2 ** (level - 1), maxMs);
    // The lock's end time is the stored value, so locks keep millisecond precision in Redis too.
    await state.set(`lock:${subject}`, Date.now() + lockMs, seconds(lockMs));
    return lockMs;
  }

  async function lockedFor(subject: string): Promise<number> {
    const lock = await state.get(`lock:${subject}`);
    return lock ? Math.max(0, lock.consumedPoints - Date.now()) : 0;
  }

  /** Milliseconds this account+IP must wait; the account-wide lock spares IPs the owner signed in from. */
  async function retryAfter(account: string, ip: string): Promise<number> {
    const [pairMs, accountMs, known] = await Promise.all([
      lockedFor(pairOf(account, ip)),
      lockedFor(accountOf(account)),
      state.get(`known:${pairOf(account, ip)}`),
    ]);
    return Math.max(pairMs, known ? 0 : accountMs);
  }

  return {
    async hitIp(action, ip) {
      try {
        await (action === 'signup_taken' ? takenPerIp : perIp).consume(`${action}:${ip}`);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw new ThrottledError('rate_limit', Math.max(1, error.msBeforeNext));
        throw error;
      }
    },

    async assertIpAllowed(action, ip) {
      const limiter = action === 'signup_taken' ? takenPerIp : perIp;
      const used = await limiter.get(`${action}:${ip}`);
      if (used && used.consumedPoints >= limiter.points) throw new ThrottledError('rate_limit', Math.max(1, used.msBeforeNext));
    },

    async assertNotLocked(account, ip) {
      const retryAfterMs = await retryAfter(account, ip);
      if (retryAfterMs > 0) throw new ThrottledError('lockout', retryAfterMs);
    },

    async recordFailure(account, ip) {
      const [pairMs, accountMs] = await Promise.all([
        fail(pairOf(account, ip), threshold),
        fail(accountOf(account), threshold * ACCOUNT_THRESHOLD_FACTOR),
      ]);
      if (pairMs === 0 && accountMs === 0) return { locked: false };
      const retryAfterMs = await retryAfter(account, ip);
      return retryAfterMs > 0 ? { locked: true, retryAfterMs } : { locked: false };
    },

    async recordSuccess(account, ip) {
      const pair = pairOf(account, ip);
      // The account-wide count is left alone: the owner signing in says nothing about the other IPs.
      await Promise.all([
        state.delete(`fail:${pair}`),
        state.delete(`level:${pair}`),
        state.set(`known:${pair}`, 1, seconds(KNOWN_IP_MS)),
      ]);
    },

    async close() {
      if (client?.status === 'ready') await client.quit();
      else client?.disconnect();
    },
  };
}
