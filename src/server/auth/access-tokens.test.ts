import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { accessTokenKey, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, issueAccessToken, verifyAccessToken } from './access-tokens';

const { db } = await createTestDatabase();
const api = restClient({ db, throttle: testThrottle() });
const signedUp = await api.signup(newAccount());
const { id: userId } = signedUp.json.user as { id: string };
const claims = { userId, sessionId: (await verifyAccessToken(signedUp.json.accessToken)).sessionId };

/** A token like ours, with one thing changed. */
function forge(change: { alg?: string; typ?: string; aud?: string; iss?: string; exp?: number; key?: Uint8Array } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: change.alg ?? 'HS256', typ: change.typ ?? 'at+jwt' })
    .setSubject(claims.userId)
    .setIssuer(change.iss ?? ACCESS_TOKEN_ISSUER)
    .setAudience(change.aud ?? ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(now - 60)
    .setExpirationTime(change.exp ?? now + 300)
    .sign(change.key ?? accessTokenKey());
}

describe('access tokens', () => {
  it('open the profile when well formed', async () => {
    expect((await api.profile(await forge())).status).toBe(200);
  });

  it.each([
    ['alg=none', () => new UnsecuredJWT({ sid: claims.sessionId }).setSubject(claims.userId).setIssuer(ACCESS_TOKEN_ISSUER).setAudience(ACCESS_TOKEN_AUDIENCE).setExpirationTime('5m').encode()],
    ['an expired date', () => forge({ exp: Math.floor(Date.now() / 1000) - 10 })],
    ['the wrong audience', () => forge({ aud: 'someone-else' })],
    ['the wrong issuer', () => forge({ iss: 'https://evil.example' })],
    ['the wrong type (an ID token)', () => forge({ typ: 'JWT' })],
    ['another algorithm (HS512)', () => forge({ alg: 'HS512' })],
    ['a bad signature', () => forge({ key: new TextEncoder().encode('x'.repeat(32)) })],
    ['a tampered payload', async () => {
      const [header, , signature] = (await forge()).split('.');
      const payload = Buffer.from(JSON.stringify({ sub: claims.userId, sid: claims.sessionId, iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, exp: 9_999_999_999 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }],
    ['garbage', () => 'not.a.jwt'],
  ])('are refused with %s', async (_name, make) => {
    const token = await make();
    await expect(verifyAccessToken(token)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    const response = await api.profile(token);
    expect(response.status).toBe(401);
    expect(response.json.error.code).toBe('UNAUTHORIZED');
  });

  it('are short-lived: they expire after JWT_EXPIRY', async () => {
    const token = await issueAccessToken(claims, { lifetimeMs: 1_000 });
    expect((await api.profile(token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await api.profile(token)).status).toBe(401);
  });
});
