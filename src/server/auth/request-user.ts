import { decode } from 'next-auth/jwt';
import { env } from '@/env';
import type { Database } from '@/server/db/client';
import { isAppError } from '@/server/errors';
import { getMetrics } from '@/server/observability/metrics';
import { findActiveSessionUser } from '@/server/sessions/auth-sessions';
import { verifyAccessToken } from './access-tokens';
import { readCookie, secureCookies, sessionCookieName } from './cookies';
import { redeemSubscriptionTicket } from './subscription-tickets';
import type { AuthUser, ClientInfo } from './types';

/**
 * Resolves the caller from `Authorization: Bearer` (the token API) or the Auth.js session cookie
 * (the browser), and checks that the session behind it is still active.
 */
export async function resolveRequestUser(options: { db: Database; headers: Headers; subscriptionTicket?: string }): Promise<AuthUser | null> {
  if (options.subscriptionTicket) return resolveTicketUser(options.db, options.subscriptionTicket);
  const bearer = /^Bearer\s+(\S+)$/i.exec(options.headers.get('authorization') ?? '')?.[1];
  if (bearer) {
    const claims = await verifyAccessToken(bearer).catch((error: unknown) => {
      if (isAppError(error)) {
        getMetrics().authFailures.inc({ reason: 'invalid_token' });
        return null;
      }
      throw error;
    });
    if (!claims) return null;
    const user = await findActiveSessionUser({ db: options.db, sessionId: claims.sessionId });
    if (!user || user.id !== claims.userId) {
      getMetrics().authFailures.inc({ reason: 'revoked_session' });
      return null;
    }
    return { ...user, sessionId: claims.sessionId, via: 'bearer' };
  }

  const name = sessionCookieName(secureCookies(options.headers));
  const cookie = readCookie(options.headers.get('cookie'), name);
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: env.AUTH_SECRET, salt: name }).catch(() => null);
  if (!token || typeof token.sid !== 'string' || typeof token.sub !== 'string') return null;
  const user = await findActiveSessionUser({ db: options.db, sessionId: token.sid });
  return user && user.id === token.sub ? { ...user, sessionId: token.sid, via: 'cookie' } : null;
}

/** A subscription opened with a single-use ticket (`auth.subscriptionTicket`) acts as its sign-in's bearer. */
async function resolveTicketUser(db: Database, ticket: string): Promise<AuthUser | null> {
  const claims = await redeemSubscriptionTicket(ticket);
  if (!claims) {
    getMetrics().authFailures.inc({ reason: 'invalid_token' });
    return null;
  }
  const user = await findActiveSessionUser({ db, sessionId: claims.sessionId });
  return user && user.id === claims.userId ? { ...user, sessionId: claims.sessionId, via: 'bearer' } : null;
}

/**
 * The client's address and user agent. Under the launcher, X-Forwarded-For holds exactly the
 * client address, resolved from the socket and TRUSTED_PROXIES before Next.js sees the request
 * (src/cli/client-address.mjs); on Vercel, its edge overwrites the header. The right-most entry is
 * taken, so nothing a client prepends counts.
 */
export function clientInfoFromHeaders(headers: Headers): ClientInfo {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? null;
  return { ip: ip?.slice(0, 64) ?? null, userAgent: headers.get('user-agent')?.slice(0, 512) ?? null };
}

/** A browser request from our own pages. Cookie-authenticated mutations require it (CSRF). */
export function isSameOrigin(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = headers.get('origin');
  if (!origin) return false;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
