import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { errors, jwtVerify, SignJWT } from 'jose';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { env } from '@/env';
import { accessTokenKey, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from './access-tokens';
import type { AuthUser } from './types';

/** How long a ticket opens a subscription: long enough to connect, too short to be worth stealing. */
export const SUBSCRIPTION_TICKET_TTL_MS = 60_000;
// Its own JWT type: a ticket is never an access token, and an access token is never a ticket.
const TICKET_TYPE = 'aura-subscription-ticket+jwt';

const globalForTickets = globalThis as unknown as { [key: symbol]: RateLimiterAbstract | undefined };
const LEDGER = Symbol.for('aura.subscriptionTickets.ledger');

/** Tickets already used: one point per ticket id, kept as long as a ticket lives (Redis when set, so every instance agrees). */
function ledger(): RateLimiterAbstract {
  const options = { keyPrefix: `${env.REDIS_KEY_PREFIX}:ticket`, points: 1, duration: Math.ceil(SUBSCRIPTION_TICKET_TTL_MS / 1000) + 1 };
  globalForTickets[LEDGER] ??= env.REDIS_URL
    ? new RateLimiterRedis({ ...options, storeClient: new Redis(env.REDIS_URL, { enableOfflineQueue: false }), insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options);
  return globalForTickets[LEDGER];
}

/**
 * Issues a ticket for `auth.subscriptionTicket`: a signed, opaque string naming the user's sign-in
 * session. A browser on another origin passes it as the subscription's connection params, so no
 * access token ever travels in a URL (and so in no access log).
 */
export async function issueSubscriptionTicket(options: { user: Pick<AuthUser, 'id' | 'sessionId'> }): Promise<{ ticket: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + SUBSCRIPTION_TICKET_TTL_MS);
  const ticket = await new SignJWT({ sid: options.user.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: TICKET_TYPE })
    .setSubject(options.user.id)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(`${ACCESS_TOKEN_AUDIENCE}:subscribe`)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .setJti(randomUUID())
    .sign(accessTokenKey());
  return { ticket, expiresAt };
}

/**
 * Redeems a ticket once: its claims when it is genuine, unexpired and unused, else null. The
 * caller still checks that the sign-in session behind it is active.
 */
export async function redeemSubscriptionTicket(ticket: string): Promise<{ userId: string; sessionId: string } | null> {
  try {
    const { payload } = await jwtVerify(ticket, accessTokenKey(), {
      algorithms: ['HS256'],
      issuer: ACCESS_TOKEN_ISSUER,
      audience: `${ACCESS_TOKEN_AUDIENCE}:subscribe`,
      typ: TICKET_TYPE,
      requiredClaims: ['sub', 'exp', 'sid', 'jti'],
    });
    if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.jti !== 'string') return null;
    await ledger().consume(payload.jti);
    return { userId: payload.sub, sessionId: payload.sid };
  } catch (error) {
    // A used ticket (the ledger refuses a second point) or a bad one.
    if (error instanceof RateLimiterRes || error instanceof errors.JOSEError) return null;
    throw error;
  }
}
