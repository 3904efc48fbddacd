import type { AuthUser } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { createAuthSession } from '@/server/sessions/auth-sessions';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import { issueAccessToken } from '@/server/auth/access-tokens';
import { projects, users } from '@/server/db/schema';
import { newAccount } from './auth-client';

/** A user with an active sign-in session, as procedures see them (no password hashing: fast). */
export async function createTestUser(db: Database): Promise<AuthUser> {
  const account = newAccount();
  const [row] = await db.insert(users).values({ email: account.email, username: account.username }).returning();
  const session = await createAuthSession({ db, userId: row!.id, method: 'password', client: { ip: null, userAgent: null }, kind: 'api', lifetimeMs: 3_600_000 });
  return { id: row!.id, email: row!.email, username: row!.username, sessionId: session.id, via: 'bearer' };
}

/** A user, a React project of theirs (inserted directly: no setup job runs) and a bearer token, for tests over HTTP. */
export async function createTestOwner(db: Database): Promise<{ user: AuthUser; token: string; projectId: string }> {
  const user = await createTestUser(db);
  const token = await issueAccessToken({ userId: user.id, sessionId: user.sessionId });
  const [project] = await db
    .insert(projects)
    .values({ ownerId: user.id, name: `Project ${user.username}`, framework: 'react', configuration: projectConfigurationSchema.parse({}) })
    .returning({ id: projects.id });
  return { user, token, projectId: project!.id };
}
