import type { AuthUser } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { createAuthSession } from '@/server/sessions/auth-sessions';
import { users } from '@/server/db/schema';
import { newAccount } from './auth-client';

/** A user with an active sign-in session, as procedures see them (no password hashing: fast). */
export async function createTestUser(db: Database): Promise<AuthUser> {
  const account = newAccount();
  const [row] = await db.insert(users).values({ email: account.email, username: account.username }).returning();
  const session = await createAuthSession({ db, userId: row!.id, method: 'password', client: { ip: null, userAgent: null }, kind: 'api', lifetimeMs: 3_600_000 });
  return { id: row!.id, email: row!.email, username: row!.username, sessionId: session.id, via: 'bearer' };
}
