import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, users } from '@/server/db/schema';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';

const { db } = await createTestDatabase();
const api = restClient({ db, throttle: testThrottle() });

async function auditTypes(userId: string) {
  const rows = await db.select({ type: auditEvents.type }).from(auditEvents).where(eq(auditEvents.userId, userId));
  return rows.map((row) => row.type);
}

describe('POST /api/auth/signup', () => {
  it('creates the account and answers the seed shape, without any password hash', async () => {
    const account = newAccount({ email: '  Grace.Hopper@Example.COM ' });
    const response = await api.signup(account);
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      success: true,
      user: { email: 'grace.hopper@example.com', username: account.username, profile: { firstName: 'Ada', lastName: 'Lovelace' } },
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^art_[\w-]{43}$/),
    });
    expect(response.json.user.preferences).toMatchObject({ theme: 'system', defaultFramework: 'react' });
    expect(response.text).not.toMatch(/passwordHash|password_hash|\$argon2/);

    const [row] = await db.select().from(users).where(eq(users.id, response.json.user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await auditTypes(response.json.user.id)).toContain('signup');
  });

  it('rejects bad fields with 400 and an issue per field', async () => {
    const response = await api.signup({ email: 'not-an-email', username: 'x', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.json.success).toBe(false);
    expect(response.json.error.code).toBe('BAD_REQUEST');
    const paths = response.json.error.issues.map((issue: { path: string[] }) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['email', 'username', 'password']));
  });

  it('refuses a common password and a password equal to the username', async () => {
    const common = await api.signup(newAccount({ password: 'password123' }));
    expect(common.status).toBe(400);
    expect(common.json.error.issues[0]).toMatchObject({ path: ['password'], code: 'common' });
    const account = newAccount();
    const same = await api.signup({ ...account, password: account.username });
    expect(same.status).toBe(400);
  });

  it('says a username is taken, but never that an email is registered', async () => {
    const account = newAccount();
    expect((await api.signup(account)).status).toBe(201);
    const email = await api.signup({ ...newAccount(), email: account.email.toUpperCase() });
    expect(email.status).toBe(409);
    expect(email.json.error.message).toBe("We couldn't create an account with these details. If you already have an account, sign in instead.");
    expect(email.text).not.toMatch(/email|registered|exists/i);
    const username = await api.signup({ ...newAccount(), username: account.username.toUpperCase() });
    expect(username.status).toBe(409);
    expect(username.json.error.issues[0].path).toEqual(['username']);
  });

  it('stops answering sign-ups from an IP that probes registered emails', async () => {
    const probed = restClient({ db, throttle: testThrottle() });
    const registered = newAccount();
    expect((await probed.signup(registered, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(201);
    const prober = { 'x-forwarded-for': '203.0.113.66' };
    const probes = [];
    for (let i = 0; i < 6; i++) probes.push((await probed.signup({ ...newAccount(), email: registered.email }, prober)).status);
    expect(probes).toEqual([409, 409, 409, 409, 409, 429]);
    // A fresh email from that IP gets the same 429: "created" and "refused" look alike from there now.
    expect((await probed.signup(newAccount(), prober)).status).toBe(429);
    expect((await probed.signup(newAccount(), { 'x-forwarded-for': '203.0.113.2' })).status).toBe(201);
  });

  it('answers a body that is not JSON with 400', async () => {
    const rest = (await import('@/server/rest/handler')).createRestHandler({ db: () => db, throttle: () => testThrottle() });
    const response = await rest(new Request('http://aura.test/api/auth/signup', { method: 'POST', body: '{"email":' }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ success: false, error: { code: 'BAD_REQUEST' } });
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password and the access token opens the profile', async () => {
    const account = newAccount();
    await api.signup(account);
    const login = await api.login({ email: account.email.toUpperCase(), password: account.password });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ success: true, user: { email: account.email } });
    expect(login.text).not.toMatch(/passwordHash|\$argon2/);

    const profile = await api.profile(login.json.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.json.user.username).toBe(account.username);
    expect(await auditTypes(login.json.user.id)).toEqual(expect.arrayContaining(['signup', 'login_success']));
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const account = newAccount();
    await api.signup(account);
    const wrong = await api.login({ email: account.email, password: 'not the password at all' });
    const unknown = await api.login({ email: `nobody-${account.email}`, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknown.json).toEqual(wrong.json);
    expect(wrong.json.error.message).toBe('Email or password is incorrect.');
    const [user] = await db.select().from(users).where(eq(users.email, account.email));
    expect(await auditTypes(user!.id)).toContain('login_failure');
  });

  it('takes about as long for an unknown email as for a wrong password', async () => {
    const account = newAccount();
    await api.signup(account);
    const time = async (email: string) => {
      const started = performance.now();
      await api.login({ email, password: 'not the password at all' });
      return performance.now() - started;
    };
    let known = 0;
    let unknown = 0;
    for (let i = 0; i < 4; i++) {
      known += await time(account.email);
      unknown += await time(`ghost${i}-${account.email}`);
    }
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it('locks an account+IP out after 5 failures, with Retry-After, and lets it in after the lock', async () => {
    const locking = restClient({ db, throttle: testThrottle({ lockout: { threshold: 5, baseMs: 1_500, maxMs: 5_000 } }) });
    const account = newAccount();
    await locking.signup(account);
    const from = (ip: string) => ({ 'x-forwarded-for': ip });

    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await locking.login({ email: account.email, password: 'wrong password here' }, from('203.0.113.7'))).status).toBe(401);
    }
    // The 5th failure is still answered, and starts the lock.
    expect((await locking.login({ email: account.email, password: 'wrong password here' }, from('203.0.113.7'))).status).toBe(401);
    const blocked = await locking.login({ email: account.email, password: account.password }, from('203.0.113.7'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.json.error.code).toBe('TOO_MANY_REQUESTS');

    // The victim, elsewhere, is not locked out by the attacker's failures.
    expect((await locking.login({ email: account.email, password: account.password }, from('198.51.100.20'))).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await locking.login({ email: account.email, password: account.password }, from('203.0.113.7'))).status).toBe(200);
    const [user] = await db.select().from(users).where(eq(users.email, account.email));
    expect(await auditTypes(user!.id)).toContain('lockout');
  });

  it('allows 4 failures and then the right password', async () => {
    const locking = restClient({ db, throttle: testThrottle({ lockout: { threshold: 5, baseMs: 60_000 } }) });
    const account = newAccount();
    await locking.signup(account);
    for (let attempt = 1; attempt <= 4; attempt++) await locking.login({ email: account.email, password: 'wrong password here' });
    expect((await locking.login({ email: account.email, password: account.password })).status).toBe(200);
  });

  it('rate-limits sign-up and login per IP with 429 and Retry-After', async () => {
    const limited = restClient({ db, throttle: testThrottle({ maxPerIp: 2 }) });
    const ip = { 'x-forwarded-for': '192.0.2.44' };
    expect((await limited.signup(newAccount(), ip)).status).toBe(201);
    expect((await limited.signup(newAccount(), ip)).status).toBe(201);
    const third = await limited.signup(newAccount(), ip);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.signup(newAccount(), { 'x-forwarded-for': '192.0.2.45' })).status).toBe(201);
  });
});
