import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@/server/db/schema';
import { newAccount } from '@/test/auth-client';
import { createTestDatabase, type TestDatabase } from '@/test/database';
import { startServerProcess, type ServerProcess } from '@/test/server-process';

/** A tRPC mutation over real HTTP, with whatever forwarding headers the caller forges. */
async function mutate(server: ServerProcess, procedure: string, input: unknown, headers: Record<string, string>) {
  const response = await fetch(`${server.trpcUrl}/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(superjson.serialize(input)) });
  const body = (await response.json()) as { result?: { data: unknown } };
  return { status: response.status, data: body.result ? (superjson.deserialize(body.result.data as never) as { user: { id: string } }) : undefined };
}

const rotating = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}`, 'x-real-ip': `198.51.100.${i}` });

describe('the client address behind no proxy (TRUSTED_PROXIES unset)', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'aura-xff-'));
    server = await startServerProcess({ databaseUrl: database.url, dataDir, worker: false, env: { RATE_LIMIT_MAX: '3', TRUSTED_PROXIES: '' } });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('does not let a rotating X-Forwarded-For escape the sign-up rate limit', async () => {
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push((await mutate(server, 'auth.register', newAccount(), rotating(i))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('records the socket address, not a forged one, on the session', async () => {
    const login = await startServerProcess({ databaseUrl: database.url, dataDir, worker: false, env: { TRUSTED_PROXIES: '' } });
    try {
      const account = newAccount();
      const signup = await mutate(login, 'auth.signup', account, rotating(7));
      expect(signup.status).toBe(200);
      await mutate(login, 'auth.login', { email: account.email, password: account.password }, rotating(8));
      const rows = await database.db.select({ data: sessions.data }).from(sessions).where(eq(sessions.userId, signup.data!.user.id));
      expect(rows.map((row) => row.data.ip)).toEqual(['127.0.0.1', '127.0.0.1']);
    } finally {
      await login.stop();
    }
  }, 60_000);
});

describe('the client address behind a trusted proxy', () => {
  it('takes the address the proxy added, and only that one', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'aura-xff-'));
    // The test client is on loopback: it plays the proxy.
    const server = await startServerProcess({ databaseUrl: database.url, dataDir, worker: false, env: { TRUSTED_PROXIES: 'loopback' } });
    try {
      const account = newAccount();
      // The client forged 10.9.9.9; the proxy appended the address it saw, 203.0.113.5.
      const signup = await mutate(server, 'auth.signup', account, { 'x-forwarded-for': '10.9.9.9, 203.0.113.5' });
      const rows = await database.db.select({ data: sessions.data }).from(sessions).where(eq(sessions.userId, signup.data!.user.id));
      expect(rows.map((row) => row.data.ip)).toEqual(['203.0.113.5']);
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
