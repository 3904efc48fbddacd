import { eq } from 'drizzle-orm';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { handleTrpcRequest, TRPC_ENDPOINT } from '@/server/api/http';
import { users } from '@/server/db/schema';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { accessTokenKey, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, verifyAccessToken } from './access-tokens';

/**
 * Forged and stale access tokens against the real endpoint: every one answers 401, and none
 * reaches a procedure. (access-tokens.test.ts covers the basics through REST.)
 */
const { db } = await createTestDatabase();
const throttle = testThrottle();
const api = restClient({ db, throttle });

async function account() {
  const signedUp = await api.signup(newAccount());
  const token = signedUp.json.accessToken as string;
  return { token, refreshToken: signedUp.json.refreshToken as string, ...(await verifyAccessToken(token)) };
}
const me = await account();
const someoneElse = await account();

async function profileStatus(token: string): Promise<number> {
  const url = `http://aura.test${TRPC_ENDPOINT}/auth.profile?input=${encodeURIComponent(JSON.stringify(superjson.serialize(undefined)))}`;
  const response = await handleTrpcRequest(new Request(url, { headers: { authorization: `Bearer ${token}` } }), { db, throttle });
  return response.status;
}

const now = () => Math.floor(Date.now() / 1000);

/** A token like ours with one thing changed, signed with `key` under `alg`. */
function forge(change: { alg?: string; typ?: string; aud?: string; iss?: string; exp?: number; nbf?: number; sub?: string; sid?: string | null; key?: Parameters<SignJWT['sign']>[0]; header?: Record<string, unknown> } = {}) {
  const claims: Record<string, unknown> = change.sid === null ? {} : { sid: change.sid ?? me.sessionId };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: change.alg ?? 'HS256', typ: change.typ ?? 'at+jwt', ...change.header })
    .setSubject(change.sub ?? me.userId)
    .setIssuer(change.iss ?? ACCESS_TOKEN_ISSUER)
    .setAudience(change.aud ?? ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(now() - 60)
    .setExpirationTime(change.exp ?? now() + 300);
  if (change.nbf) jwt.setNotBefore(change.nbf);
  return jwt.sign(change.key ?? accessTokenKey());
}

const rsa = await generateKeyPair('RS256');
const ec = await generateKeyPair('ES256');

describe('access-token tampering (tRPC endpoint)', () => {
  it('a well-formed token opens the profile (the control case)', async () => {
    expect(await profileStatus(await forge())).toBe(200);
  });

  it.each([
    ['alg none', async () => new UnsecuredJWT({ sid: me.sessionId }).setSubject(me.userId).setIssuer(ACCESS_TOKEN_ISSUER).setAudience(ACCESS_TOKEN_AUDIENCE).setExpirationTime('5m').encode()],
    ['alg "None" spelled oddly', async () => {
      const [, payload] = (await forge()).split('.');
      return `${Buffer.from(JSON.stringify({ alg: 'None', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
    }],
    ['RS256 with an attacker key', () => forge({ alg: 'RS256', key: rsa.privateKey })],
    ['RS256 with the attacker key embedded as jwk', async () => forge({ alg: 'RS256', key: rsa.privateKey, header: { jwk: await exportJWK(rsa.publicKey) } })],
    ['ES256 with an attacker key', () => forge({ alg: 'ES256', key: ec.privateKey })],
    ['HS512 with our key', () => forge({ alg: 'HS512' })],
    ['HS256 with the wrong key', () => forge({ key: new TextEncoder().encode('w'.repeat(32)) })],
    ['an expired token', () => forge({ exp: now() - 5 })],
    ['a token not valid yet', () => forge({ nbf: now() + 600 })],
    ['a payload changed after signing', async () => {
      const [header, , signature] = (await forge()).split('.');
      const payload = Buffer.from(JSON.stringify({ sub: someoneElse.userId, sid: someoneElse.sessionId, iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, exp: now() + 300 })).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }],
    ["another user's id with my session", () => forge({ sub: someoneElse.userId })],
    ["my id with another user's session", () => forge({ sid: someoneElse.sessionId })],
    ['no session id', () => forge({ sid: null })],
    ['an unknown session id', () => forge({ sid: crypto.randomUUID() })],
    ['the wrong typ (JWT)', () => forge({ typ: 'JWT' })],
    ['the wrong audience', () => forge({ aud: 'aura-admin' })],
    ['the wrong issuer', () => forge({ iss: 'https://evil.example' })],
    ['a truncated signature', async () => (await forge()).slice(0, -4)],
    ['garbage', async () => 'eyJhbGciOiJIUzI1NiJ9.e30.'],
  ])('refuses %s with 401', async (_case, make) => {
    expect(await profileStatus(await make())).toBe(401);
  });

  it('refuses the token of a session that was logged out, and of one ended from another device', async () => {
    const credentials = newAccount();
    const deviceA = (await api.signup(credentials)).json.accessToken as string;
    const deviceB = (await api.login({ email: credentials.email, password: credentials.password })).json.accessToken as string;
    const deviceC = (await api.login({ email: credentials.email, password: credentials.password })).json.accessToken as string;
    expect(await profileStatus(deviceA)).toBe(200);

    expect((await api.logout(deviceA)).status).toBe(200);
    expect(await profileStatus(deviceA)).toBe(401);

    const url = `http://aura.test${TRPC_ENDPOINT}/sessions.endOthers`;
    const ended = await handleTrpcRequest(new Request(url, { method: 'POST', headers: { authorization: `Bearer ${deviceB}`, 'content-type': 'application/json' }, body: '{}' }), { db, throttle });
    expect(ended.status).toBe(200);
    expect(await profileStatus(deviceC)).toBe(401);
    expect(await profileStatus(deviceB)).toBe(200);
  });

  it('refuses the token of a user whose account was deleted', async () => {
    const doomed = await account();
    expect(await profileStatus(doomed.token)).toBe(200);
    await db.delete(users).where(eq(users.id, doomed.userId));
    expect(await profileStatus(doomed.token)).toBe(401);
  });
});
