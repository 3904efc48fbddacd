import { eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { env } from '@/env';
import { handleTrpcRequest } from '@/server/api/http';
import { sessionCookieName } from '@/server/auth/cookies';
import { auditEvents } from '@/server/db/schema';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { createAuthSession } from './auth-sessions';

const { db } = await createTestDatabase();
const throttle = testThrottle();
const api = restClient({ db, throttle });

async function signedUp() {
  const account = newAccount();
  const response = await api.signup(account);
  return { account, ...(response.json as { accessToken: string; refreshToken: string; user: { id: string } }) };
}

describe('logout', () => {
  it('ends the session at once: the old access and refresh tokens get 401', async () => {
    const { accessToken, refreshToken } = await signedUp();
    expect((await api.logout(accessToken)).status).toBe(200);
    expect((await api.profile(accessToken)).status).toBe(401);
    expect((await api.refresh(refreshToken)).status).toBe(401);
    expect((await api.logout(accessToken)).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use: the new pair works, the old refresh token is spent', async () => {
    const first = await signedUp();
    const second = await api.refresh(first.refreshToken);
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({ success: true, user: { id: first.user.id } });
    expect(second.json.refreshToken).not.toBe(first.refreshToken);
    expect((await api.profile(second.json.accessToken)).status).toBe(200);
    const third = await api.refresh(second.json.refreshToken);
    expect(third.status).toBe(200);
  });

  it('revoke the whole family and end the session when a spent one is replayed', async () => {
    const first = await signedUp();
    const second = await api.refresh(first.refreshToken);
    // An attacker replays the stolen, already rotated token.
    const replay = await api.refresh(first.refreshToken);
    expect(replay.status).toBe(401);
    // The legitimate holder's newer tokens die with it.
    expect((await api.refresh(second.json.refreshToken)).status).toBe(401);
    expect((await api.profile(second.json.accessToken)).status).toBe(401);
    expect((await api.profile(first.accessToken)).status).toBe(401);
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.userId, first.user.id));
    expect(audit.map((row) => row.type)).toContain('refresh_token_reuse');
  });

  it('stop at their absolute expiry, even when rotated', async () => {
    const { user } = await signedUp();
    const session = await createAuthSession({ db, userId: user.id, method: 'password', client: { ip: null, userAgent: null }, kind: 'api', lifetimeMs: 60_000 });
    const { createRefreshToken } = await import('@/server/auth/refresh-tokens');
    const token = await createRefreshToken({ db, userId: user.id, sessionId: session.id, expiresAt: new Date(Date.now() + 1_000) });
    const rotated = await api.refresh(token);
    expect(rotated.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await api.refresh(rotated.json.refreshToken)).status).toBe(401);
  });

  it('refuse made-up tokens', async () => {
    expect((await api.refresh('art_' + 'A'.repeat(43))).status).toBe(401);
    expect((await api.refresh('nonsense')).status).toBe(401);
  });
});

describe('active sessions', () => {
  it('lists each sign-in with device, IP and last use, and ends one or all the others', async () => {
    const { account, accessToken: first } = await signedUp();
    const second = (await api.login({ email: account.email, password: account.password }, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36', 'x-forwarded-for': '198.51.100.9' })).json.accessToken as string;
    const third = (await api.login({ email: account.email, password: account.password })).json.accessToken as string;

    const listed = await api.activeSessions(first);
    expect(listed.status).toBe(200);
    expect(listed.json.sessions).toHaveLength(3);
    const chrome = listed.json.sessions.find((session: { device: string }) => session.device === 'Chrome on Linux');
    expect(chrome).toMatchObject({ ip: '198.51.100.9', current: false, lastAccessedAt: expect.any(String) });
    expect(listed.json.sessions.filter((session: { current: boolean }) => session.current)).toHaveLength(1);

    const trpc = (path: string, token: string, input?: unknown) =>
      handleTrpcRequest(
        new Request(`http://aura.test/api/trpc/${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ json: input }),
        }),
        { db, throttle },
      );
    expect((await trpc('sessions.delete', first, { sessionId: chrome.id })).status).toBe(200);
    expect((await api.profile(second)).status).toBe(401);
    expect((await api.profile(third)).status).toBe(200);

    expect((await trpc('sessions.endOthers', first)).status).toBe(200);
    expect((await api.profile(third)).status).toBe(401);
    expect((await api.profile(first)).status).toBe(200);
  });

  it('cannot end another user’s session', async () => {
    const mine = await signedUp();
    const theirs = await signedUp();
    const theirSession = (await api.activeSessions(theirs.accessToken)).json.sessions[0].id as string;
    const response = await handleTrpcRequest(
      new Request('http://aura.test/api/trpc/sessions.delete', {
        method: 'POST',
        headers: { authorization: `Bearer ${mine.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { sessionId: theirSession } }),
      }),
      { db, throttle },
    );
    expect(response.status).toBe(404);
    expect((await api.profile(theirs.accessToken)).status).toBe(200);
  });

  it('a password change ends the other sessions and keeps this one', async () => {
    const { account, accessToken } = await signedUp();
    const other = (await api.login({ email: account.email, password: account.password })).json;
    const response = await handleTrpcRequest(
      new Request('http://aura.test/api/trpc/auth.changePassword', {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { currentPassword: account.password, newPassword: 'a brand new passphrase for aura' } }),
      }),
      { db, throttle },
    );
    expect(response.status).toBe(200);
    expect((await api.profile(other.accessToken)).status).toBe(401);
    expect((await api.refresh(other.refreshToken)).status).toBe(401);
    expect((await api.profile(accessToken)).status).toBe(200);
    expect((await api.login({ email: account.email, password: account.password })).status).toBe(401);
    expect((await api.login({ email: account.email, password: 'a brand new passphrase for aura' })).status).toBe(200);
  });
});

describe('browser sessions (Auth.js cookie)', () => {
  async function cookieFor(userId: string) {
    const session = await createAuthSession({ db, userId, method: 'password', client: { ip: null, userAgent: null }, kind: 'browser', lifetimeMs: 60_000 });
    const name = sessionCookieName(false);
    const value = await encode({ token: { sub: userId, sid: session.id }, secret: env.AUTH_SECRET, salt: name });
    return `${name}=${value}`;
  }

  it('authenticate reads, and refuse cookie mutations from another site', async () => {
    const { user } = await signedUp();
    const cookie = await cookieFor(user.id);
    expect((await api.profile(undefined, { cookie })).status).toBe(200);

    const crossSite = await api.updateProfile('', { firstName: 'Mallory' }, { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const sameSite = await api.updateProfile('', { firstName: 'Grace' }, { cookie, origin: 'http://aura.test', host: 'aura.test' });
    expect(sameSite.status).toBe(200);
    expect(sameSite.json.user.profile.firstName).toBe('Grace');
  });

  it('stop working when their session is ended: replaying the cookie gets 401', async () => {
    const { user } = await signedUp();
    const cookie = await cookieFor(user.id);
    expect((await api.logout('', { cookie, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    expect((await api.profile(undefined, { cookie })).status).toBe(401);
  });
});
