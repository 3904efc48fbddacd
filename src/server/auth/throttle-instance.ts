import { env } from '@/env';
import { AppError } from '@/server/errors';
import { processSingleton } from '@/server/registry';
import { createThrottle, isThrottledError, type Throttle } from './throttle';

/** The app's throttle: Redis when REDIS_URL is set (shared by every instance), else in memory. */
export function getThrottle(): Throttle {
  return processSingleton('auth.throttle', () => createThrottle({ redisUrl: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, windowMs: env.RATE_LIMIT_WINDOW, maxPerIp: env.RATE_LIMIT_MAX }));
}

/** Runs a throttle check, turning a refusal into a 429 with its Retry-After. */
export async function throttled<T>(check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (error) {
    // A brand, not `instanceof`: the throttle may come from another chunk's copy of its class.
    if (!isThrottledError(error)) throw error;
    const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
    const message =
      error.reason === 'lockout'
        ? `Too many failed attempts. Try again in ${formatWait(seconds)}.`
        : `Too many requests. Try again in ${formatWait(seconds)}.`;
    throw new AppError('TOO_MANY_REQUESTS', message, { retryAfterMs: error.retryAfterMs, cause: error });
  }
}

function formatWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}
