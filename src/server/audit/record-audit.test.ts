import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { handleTrpcRequest } from '@/server/api/http';
import { auditEvents } from '@/server/db/schema';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';

const { db } = await createTestDatabase();

describe('audit events', () => {
  it('are stored for sign-up, login success and failure, lockout, refresh reuse, password change and logout', async () => {
    const throttle = testThrottle({ lockout: { threshold: 2, baseMs: 60_000 } });
    const api = restClient({ db, throttle });
    const account = newAccount();
    const headers = { 'x-forwarded-for': '203.0.113.50', 'user-agent': 'curl/8.5.0' };
    const { json } = await api.signup(account, headers);
    const userId = json.user.id as string;

    const login = (await api.login({ email: account.email, password: account.password }, headers)).json;
    await api.login({ email: account.email, password: 'wrong password one' }, headers);
    await api.login({ email: account.email, password: 'wrong password two' }, headers);
    const rotated = (await api.refresh(login.refreshToken)).json;
    await api.refresh(login.refreshToken);
    await handleTrpcRequest(
      new Request('http://aura.test/api/trpc/auth.changePassword', {
        method: 'POST',
        headers: { authorization: `Bearer ${json.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ json: { currentPassword: account.password, newPassword: 'another long passphrase here' } }),
      }),
      { db, throttle },
    );
    await api.logout(json.accessToken);
    expect(rotated.success).toBe(true);

    const rows = await db.select().from(auditEvents).where(eq(auditEvents.userId, userId));
    expect(new Set(rows.map((row) => row.type))).toEqual(
      new Set(['signup', 'login_success', 'login_failure', 'lockout', 'refresh_token_reuse', 'password_change', 'logout']),
    );
    const failure = rows.find((row) => row.type === 'login_failure');
    expect(failure).toMatchObject({ ip: '203.0.113.50', userAgent: 'curl/8.5.0' });
    expect(JSON.stringify(rows)).not.toContain('wrong password');
  });
});
