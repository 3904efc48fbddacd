import { eq, or, sql } from 'drizzle-orm';
import type { PublicUser, SignupInput } from '@/lib/schemas/auth';
import { recordAudit } from '@/server/audit/record-audit';
import { checkPasswordRules, hashPassword } from '@/server/auth/password';
import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { toPublicUser } from './public-user';

const UNIQUE_VIOLATION = '23505';

/** Creates a password account. Says which of email or username is taken (the seed returns tokens at once). */
export async function registerUser(options: { db: Database; input: SignupInput; client: ClientInfo }): Promise<PublicUser> {
  const { db, input, client } = options;
  const problems = checkPasswordRules(input.password, input);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems[0]!.message, { issues: problems.map((problem) => ({ path: ['password'], message: problem.message, code: problem.code })) });
  await assertAvailable(db, input);

  const passwordHash = await hashPassword(input.password);
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
  if (taken.some((row) => row.email === input.email)) {
    throw new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.', { issues: [{ path: ['email'], message: 'This email is already registered.', code: 'taken' }] });
  }
  if (taken.length > 0) {
    throw new AppError('CONFLICT', 'This username is taken. Choose another.', { issues: [{ path: ['username'], message: 'This username is taken.', code: 'taken' }] });
  }
}
