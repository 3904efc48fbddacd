import { eq } from 'drizzle-orm';
import type { LoginInput, PublicUser, SignupInput, TokenResponse } from '@/lib/schemas/auth';
import { env } from '@/env';
import { recordAudit } from '@/server/audit/record-audit';
import { authOutcomeOf } from '@/server/observability/auth-metrics';
import { getMetrics } from '@/server/observability/metrics';
import type { Database } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { createAuthSession, endSession, findActiveSessionUser } from '@/server/sessions/auth-sessions';
import { isEmailUnavailable, registerUser } from '@/server/users/register-user';
import { toPublicUser } from '@/server/users/public-user';
import { issueAccessToken } from './access-tokens';
import { authenticate } from './authenticate';
import { createRefreshToken, rotateRefreshToken } from './refresh-tokens';
import type { Throttle } from './throttle';
import { throttled } from './throttle-instance';
import type { ClientInfo } from './types';

export type { TokenResponse };

interface Deps {
  db: Database;
  throttle: Throttle;
  client: ClientInfo;
}

async function startTokenSession(deps: Deps, user: PublicUser): Promise<TokenResponse> {
  const session = await createAuthSession({ db: deps.db, userId: user.id, method: 'password', client: deps.client, kind: 'api', lifetimeMs: env.REFRESH_TOKEN_EXPIRY });
  const [accessToken, refreshToken] = await Promise.all([
    issueAccessToken({ userId: user.id, sessionId: session.id }),
    createRefreshToken({ db: deps.db, userId: user.id, sessionId: session.id, expiresAt: session.expiresAt }),
  ]);
  return { success: true, user, accessToken, refreshToken };
}

/** Creates an account under the sign-up rate limit. Browsers then sign in through Auth.js. */
export async function register(deps: Deps & { input: SignupInput }): Promise<PublicUser> {
  try {
    await throttled(deps.throttle.hitIp('signup', deps.client.ip ?? 'unknown'));
    // Once an IP has probed a few registered emails, it gets no sign-up answers at all for a while,
    // so "refused" and "created" cannot be told apart from it either.
    await throttled(deps.throttle.assertIpAllowed('signup_taken', deps.client.ip ?? 'unknown'));
    return await registerUser({ db: deps.db, input: deps.input, client: deps.client }).catch(async (error: unknown) => {
      // Probing which emails have accounts costs an IP its sign-ups after a few tries.
      if (isEmailUnavailable(error)) await throttled(deps.throttle.hitIp('signup_taken', deps.client.ip ?? 'unknown'));
      throw error;
    });
  } catch (error) {
    // Successes are counted with their audit event.
    getMetrics().registrations.inc({ outcome: authOutcomeOf(error) });
    throw error;
  }
}

/** The seed's sign-up: an account and a token session at once. */
export async function signup(deps: Deps & { input: SignupInput }): Promise<TokenResponse> {
  return startTokenSession(deps, await register(deps));
}

export async function login(deps: Deps & { input: LoginInput }): Promise<TokenResponse> {
  const row = await authenticate({ ...deps, email: deps.input.email, password: deps.input.password });
  return startTokenSession(deps, toPublicUser(row));
}

const INVALID_REFRESH = 'The refresh token is not valid. Sign in again.';

/** Rotates a refresh token: a new pair for a live one; a replayed one ends its session. */
export async function refresh(deps: Deps & { refreshToken: string }): Promise<TokenResponse> {
  await throttled(deps.throttle.hitIp('refresh', deps.client.ip ?? 'unknown'));
  const result = await rotateRefreshToken({ db: deps.db, token: deps.refreshToken });
  if (result.status === 'reused') {
    await endSession({ db: deps.db, userId: result.userId, sessionId: result.sessionId });
    await recordAudit({ db: deps.db, type: 'refresh_token_reuse', userId: result.userId, client: deps.client, data: { sessionId: result.sessionId, familyId: result.familyId } });
  }
  if (result.status !== 'rotated') throw new AppError('UNAUTHORIZED', INVALID_REFRESH);
  const active = await findActiveSessionUser({ db: deps.db, sessionId: result.sessionId });
  if (!active) throw new AppError('UNAUTHORIZED', INVALID_REFRESH);
  const [row] = await deps.db.select().from(users).where(eq(users.id, result.userId));
  const accessToken = await issueAccessToken({ userId: result.userId, sessionId: result.sessionId });
  return { success: true, user: toPublicUser(row!), accessToken, refreshToken: result.refreshToken };
}

/** Ends the caller's session: its cookie, access token and refresh tokens stop working at once. */
export async function logout(options: { db: Database; userId: string; sessionId: string; client: ClientInfo }): Promise<{ success: true }> {
  await endSession(options);
  await recordAudit({ db: options.db, type: 'logout', userId: options.userId, client: options.client, data: { sessionId: options.sessionId } });
  return { success: true };
}
