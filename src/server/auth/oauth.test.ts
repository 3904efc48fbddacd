import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accounts, users } from '@/server/db/schema';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { signInWithOAuth } from './oauth';

const { db } = await createTestDatabase();
const api = restClient({ db, throttle: testThrottle() });
const client = { ip: '192.0.2.1', userAgent: 'test' };

describe('OAuth sign-in and account linking', () => {
  it('creates an account for a new identity and fills the profile’s githubId', async () => {
    const user = await signInWithOAuth({ db, provider: 'github', providerAccountId: '1001', email: 'Octo@Example.com', login: 'octo-cat', avatar: 'https://avatars.example/1001', client });
    expect(user).toMatchObject({ email: 'octo@example.com', username: 'octo-cat', passwordHash: null });
    expect(user.profile).toMatchObject({ githubId: '1001', avatar: 'https://avatars.example/1001' });
    // The same identity signs the same user in next time.
    const again = await signInWithOAuth({ db, provider: 'github', providerAccountId: '1001', email: 'octo@example.com', login: 'octo-cat', avatar: null, client });
    expect(again.id).toBe(user.id);
  });

  it('links a Discord identity to the signed-in user and fills discordId', async () => {
    const { json } = await api.signup(newAccount());
    const user = await signInWithOAuth({ db, provider: 'discord', providerAccountId: '555', email: null, login: 'someone', avatar: null, currentUserId: json.user.id, client });
    expect(user.id).toBe(json.user.id);
    expect(user.profile.discordId).toBe('555');
    const linked = await db.select().from(accounts).where(eq(accounts.userId, json.user.id));
    expect(linked.map((row) => row.provider)).toEqual(['discord']);
  });

  it('never attaches an identity to an existing account by email alone', async () => {
    const account = newAccount();
    await api.signup(account);
    await expect(
      signInWithOAuth({ db, provider: 'github', providerAccountId: '2002', email: account.email, login: 'intruder', avatar: null, client }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('link GitHub from your profile') });
    expect(await db.select().from(accounts).where(eq(accounts.providerAccountId, '2002'))).toEqual([]);
  });

  it('refuses to link an identity that already belongs to someone else', async () => {
    await signInWithOAuth({ db, provider: 'github', providerAccountId: '3003', email: 'first@example.com', login: 'first', avatar: null, client });
    const { json } = await api.signup(newAccount());
    await expect(
      signInWithOAuth({ db, provider: 'github', providerAccountId: '3003', email: null, login: null, avatar: null, currentUserId: json.user.id, client }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('picks a free username that fits the rules when the login is taken or odd', async () => {
    await api.signup(newAccount({ username: 'dup' }));
    const user = await signInWithOAuth({ db, provider: 'github', providerAccountId: '4004', email: 'dup@example.org', login: 'dup', avatar: null, client });
    expect(user.username).toBe('dup1');
    const odd = await signInWithOAuth({ db, provider: 'discord', providerAccountId: '4005', email: 'odd@example.org', login: '__ü', avatar: null, client });
    expect(odd.username).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{2,31}$/);
    const [row] = await db.select().from(users).where(eq(users.id, odd.id));
    expect(row?.profile.discordId).toBe('4005');
  });
});
