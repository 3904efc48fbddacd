import { eq, or, sql } from 'drizzle-orm';
import type { PublicUser, SignupInput } from '@/lib/schemas/auth';
import { recordAudit } from '@/server/audit/record-audit';
import { checkPasswordRules, hashPassword } from '@/server/auth/password';
import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { AppError, isAppError } from '@/server/errors';
import { toPublicUser } from './public-user';

const UNIQUE_VIOLATION = '23505';

/**
 * A sign-up refused because the email has an account. Its message names neither the email nor the
 * field, and says what the owner should do; the caller counts it against a small per-IP limit.
 */
export const EMAIL_UNAVAILABLE = "We couldn't create an account with these details. If you already have an account, sign in instead.";

export function isEmailUnavailable(error: unknown): boolean {
  return isAppError(error) && error.code === 'CONFLICT' && error.message === EMAIL_UNAVAILABLE;
}

/**
 * Creates a password account. A taken username is said plainly (usernames are public handles); a
 * registered email is not confirmed in words, and the password is hashed first either way, so the
 * answer's timing does not tell the two cases apart. The seed returns tokens at once, so a refusal
 * itself cannot be hidden without an email round-trip Aura does not have: it is rate-limited hard
 * instead (see token-api.ts).
 */
export async function registerUser(options: { db: Database; input: SignupInput; client: ClientInfo }): Promise<PublicUser> {
  const { db, input, client } = options;
  const problems = checkPasswordRules(input.password, input);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems[0]!.message, { issues: problems.map((problem) => ({ path: ['password'], message: problem.message, code: problem.code })) });
  const passwordHash = await hashPassword(input.password);
  await assertAvailable(db, input);

  const profile = { ...(input.firstName ? { firstName: input.firstName } : {}), ...(input.lastName ? { lastName: input.lastName } : {}) };
  try {
    const [row] = await db.insert(users).values({ email: input.email, username: input.username, passwordHash, profile }).returning();
    await recordAudit({ db, type: 'signup', userId: row!.id, client });
    return toPublicUser(row!);
  } catch (error) {
    // Two sign-ups racing for the same name: the unique index decides.
    if ((error as { cause?: { code?: string } }).cause?.code === UNIQUE_VIOLATION) {
      await assertAvailable(db, input);
    }
    throw error;
  }
}

async function assertAvailable(db: Database, input: Pick<SignupInput, 'email' | 'username'>): Promise<void> {
  const taken = await db
    .select({ email: users.email, username: users.username })
    .from(users)
    .where(or(eq(users.email, input.email), eq(sql`lower(${users.username})`, input.username.toLowerCase())));
  if (taken.some((row) => row.email === input.email)) throw new AppError('CONFLICT', EMAIL_UNAVAILABLE);
  if (taken.length > 0) {
    throw new AppError('CONFLICT', 'This username is taken. Choose another.', { issues: [{ path: ['username'], message: 'This username is taken.', code: 'taken' }] });
  }
}
