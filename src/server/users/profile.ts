import { eq } from 'drizzle-orm';
import type { ChangePasswordInput, PublicUser, UpdateProfileInput } from '@/lib/schemas/auth';
import type { UserProfile } from '@/lib/schemas/users';
import { recordAudit } from '@/server/audit/record-audit';
import { checkPasswordRules, hashPassword, verifyPassword } from '@/server/auth/password';
import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { AppError, notFound } from '@/server/errors';
import { endOtherSessions } from '@/server/sessions/auth-sessions';
import { toPublicUser } from './public-user';

async function loadUser(db: Database, userId: string) {
  const [row] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!row) throw notFound('Account');
  return row;
}

export async function getProfile(options: { db: Database; userId: string }): Promise<PublicUser> {
  return toPublicUser(await loadUser(options.db, options.userId));
}

/** Updates names, avatar and preferences; fields left out keep their value, '' clears a name or avatar. */
export async function updateProfile(options: { db: Database; userId: string; input: UpdateProfileInput }): Promise<PublicUser> {
  const { db, userId, input } = options;
  const current = toPublicUser(await loadUser(db, userId));
  const profile: UserProfile = { ...current.profile };
  for (const key of ['firstName', 'lastName', 'avatar'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === '') delete profile[key];
    else profile[key] = value;
  }
  const preferences = {
    ...current.preferences,
    ...input.preferences,
    editorSettings: { ...current.preferences.editorSettings, ...input.preferences?.editorSettings },
  };
  const [row] = await db.update(users).set({ profile, preferences }).where(eq(users.id, userId)).returning();
  return toPublicUser(row!);
}

/** Changes the password and ends every other session, so a stolen session dies with the old password. */
export async function changePassword(options: {
  db: Database;
  userId: string;
  sessionId: string;
  input: ChangePasswordInput;
  client: ClientInfo;
}): Promise<{ endedSessions: number }> {
  const { db, userId, input } = options;
  const user = await loadUser(db, userId);
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('FORBIDDEN', 'The current password is not correct.', {
      issues: [{ path: ['currentPassword'], message: 'The current password is not correct.', code: 'incorrect' }],
    });
  }
  const problems = checkPasswordRules(input.newPassword, { ...user, ...user.profile });
  if (problems.length > 0) {
    throw new AppError('BAD_REQUEST', problems[0]!.message, { issues: problems.map((p) => ({ path: ['newPassword'], message: p.message, code: p.code })) });
  }
  await db.update(users).set({ passwordHash: await hashPassword(input.newPassword) }).where(eq(users.id, userId));
  const ended = await endOtherSessions({ db, userId, keepSessionId: options.sessionId });
  await recordAudit({ db, type: 'password_change', userId, client: options.client, data: { endedSessions: ended.length } });
  return { endedSessions: ended.length };
}
