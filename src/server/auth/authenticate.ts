import { eq } from 'drizzle-orm';
import { recordAudit } from '@/server/audit/record-audit';
import { authOutcomeOf } from '@/server/observability/auth-metrics';
import { getMetrics } from '@/server/observability/metrics';
import type { Database } from '@/server/db/client';
import { users, type UserRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from './password';
import type { Throttle } from './throttle';
import { throttled } from './throttle-instance';
import type { ClientInfo } from './types';

/** One message for a wrong password and an unknown email, so login reveals no accounts. */
export const BAD_CREDENTIALS = 'Email or password is incorrect.';

/**
 * Checks an email and password under the rate limits and lockout. Unknown emails cost a hash
 * too, so timing does not tell them apart either.
 */
export async function authenticate(options: {
  db: Database;
  throttle: Throttle;
  email: string;
  password: string;
  client: ClientInfo;
}): Promise<UserRow> {
  const { db, throttle, email, password, client } = options;
  const ip = client.ip ?? 'unknown';
  try {
    await throttled(throttle.hitIp('login', ip));
    await throttled(throttle.assertNotLocked(email, ip));
  } catch (error) {
    getMetrics().logins.inc({ outcome: authOutcomeOf(error) });
    throw error;
  }

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
  if (!user || !valid) {
    const outcome = await throttle.recordFailure(email, ip);
    await recordAudit({ db, type: 'login_failure', userId: user?.id, client, data: { email } });
    if (outcome.locked) await recordAudit({ db, type: 'lockout', userId: user?.id, client, data: { email, retryAfterMs: outcome.retryAfterMs } });
    throw new AppError('UNAUTHORIZED', BAD_CREDENTIALS);
  }

  await throttle.recordSuccess(email, ip);
  if (needsRehash(user.passwordHash!)) {
    // Parameters went up since this hash was made; upgrade it while we have the password.
    await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id));
  }
  await recordAudit({ db, type: 'login_success', userId: user.id, client, data: { method: 'password' } });
  return user;
}
