import { and, eq, sql } from 'drizzle-orm';
import { usernameSchema } from '@/lib/schemas/auth';
import { recordAudit } from '@/server/audit/record-audit';
import type { Database } from '@/server/db/client';
import { accounts, users, type UserRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import type { ClientInfo } from './types';

export type OAuthProvider = 'github' | 'discord';

const PROFILE_FIELD = { github: 'githubId', discord: 'discordId' } as const;

/**
 * The user an OAuth sign-in belongs to. A linked identity signs its user in; a signed-in user
 * links a new identity to their account; otherwise a new account is made. An identity whose email
 * belongs to an existing account is never attached to it silently: that would let whoever controls
 * the provider account take the Aura account over.
 */
export async function signInWithOAuth(options: {
  db: Database;
  provider: OAuthProvider;
  providerAccountId: string;
  email: string | null;
  login: string | null;
  avatar: string | null;
  currentUserId?: string;
  client: ClientInfo;
}): Promise<UserRow> {
  const { db, provider, providerAccountId } = options;
  const [linked] = await db
    .select({ user: users })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)));
  if (linked) {
    if (options.currentUserId && linked.user.id !== options.currentUserId) {
      throw new AppError('CONFLICT', `This ${label(provider)} account is already linked to another Aura account.`);
    }
    return linked.user;
  }

  if (options.currentUserId) {
    const [user] = await db.select().from(users).where(eq(users.id, options.currentUserId));
    if (!user) throw new AppError('UNAUTHORIZED', 'Sign in again to link an account.');
    return link(db, user, options);
  }

  const email = options.email?.trim().toLowerCase();
  if (!email) throw new AppError('BAD_REQUEST', `${label(provider)} did not share an email address. Sign up with a password instead.`);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    throw new AppError('CONFLICT', `An account with this email already exists. Sign in with your password, then link ${label(provider)} from your profile.`);
  }
  const [user] = await db
    .insert(users)
    .values({ email, username: await freeUsername(db, options.login ?? email.split('@')[0]!), profile: options.avatar ? { avatar: options.avatar } : {} })
    .returning();
  await recordAudit({ db, type: 'signup', userId: user!.id, client: options.client, data: { method: provider } });
  return link(db, user!, options);
}

async function link(db: Database, user: UserRow, options: { provider: OAuthProvider; providerAccountId: string; client: ClientInfo }) {
  await db.insert(accounts).values({ userId: user.id, provider: options.provider, providerAccountId: options.providerAccountId });
  const profile = { ...user.profile, [PROFILE_FIELD[options.provider]]: options.providerAccountId };
  const [updated] = await db.update(users).set({ profile }).where(eq(users.id, user.id)).returning();
  await recordAudit({ db, type: 'account_linked', userId: user.id, client: options.client, data: { provider: options.provider } });
  return updated!;
}

/** The provider's login, made to fit our username rules, with a number added until it is free. */
async function freeUsername(db: Database, wanted: string): Promise<string> {
  const base = wanted.replace(/[^A-Za-z0-9._-]/g, '').replace(/^[._-]+/, '').slice(0, 28) || 'user';
  const candidate = (n: number) => (n === 0 ? base : `${base}${n}`).padEnd(3, '0');
  for (let n = 0; n < 1000; n++) {
    const name = candidate(n);
    if (!usernameSchema.safeParse(name).success) continue;
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.username})`, name.toLowerCase()));
    if (!taken) return name;
  }
  throw new AppError('CONFLICT', 'Could not choose a username. Sign up with a password instead.');
}

const label = (provider: OAuthProvider) => (provider === 'github' ? 'GitHub' : 'Discord');
