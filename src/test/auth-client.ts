import { randomBytes } from 'node:crypto';
import { createThrottle, type Throttle } from '@/server/auth/throttle';
import type { Database } from '@/server/db/client';
import { createRestHandler } from '@/server/rest/handler';

/** A fresh in-memory throttle, so test files do not share counters. */
export function testThrottle(options: { maxPerIp?: number; lockout?: { threshold?: number; baseMs?: number; maxMs?: number } } = {}): Throttle {
  return createThrottle({ keyPrefix: `t${randomBytes(4).toString('hex')}`, windowMs: 60_000, maxPerIp: options.maxPerIp ?? 1000, lockout: options.lockout });
}

/** Calls the seed's REST paths in-process, as an HTTP client would. */
export function restClient(options: { db: Database; throttle: Throttle }) {
  const rest = createRestHandler({ db: () => options.db, throttle: () => options.throttle });
  const send = async (path: string, init: { body?: unknown; token?: string; headers?: Record<string, string>; method: string }) => {
    const headers = new Headers({ 'content-type': 'application/json', 'user-agent': 'aura-test/1.0', ...init.headers });
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    const response = await rest(
      new Request(`http://aura.test/api${path}`, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }),
    );
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    signup: (body: unknown, headers?: Record<string, string>) => send('/auth/signup', { method: 'POST', body, headers }),
    login: (body: unknown, headers?: Record<string, string>) => send('/auth/login', { method: 'POST', body, headers }),
    logout: (token: string, headers?: Record<string, string>) => send('/auth/logout', { method: 'POST', token, headers }),
    refresh: (refreshToken: string) => send('/auth/refresh', { method: 'POST', body: { refreshToken } }),
    profile: (token?: string, headers?: Record<string, string>) => send('/auth/profile', { method: 'GET', token, headers }),
    updateProfile: (token: string, body: unknown, headers?: Record<string, string>) => send('/auth/profile', { method: 'PUT', token, body, headers }),
    activeSessions: (token: string) => send('/sessions/active', { method: 'GET', token }),
  };
}

let counter = 0;
/** A valid sign-up body with a unique email and username. */
export function newAccount(overrides: Record<string, string> = {}) {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { email: `user${id}@example.com`, username: `user_${id}`, password: 'correct horse battery staple', firstName: 'Ada', lastName: 'Lovelace', ...overrides };
}
