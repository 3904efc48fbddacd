import { and, desc, eq, gt, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { AuthSession } from '@/lib/schemas/auth';
import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { refreshTokens, sessions, users } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import { describeDevice } from './device';

/** How a sign-in happened; kept in the session row's `data`. */
export type SignInMethod = 'password' | 'github' | 'discord';

interface AuthSessionData extends Record<string, unknown> {
  method: SignInMethod;
  client: 'browser' | 'api';
  ip: string | null;
  userAgent: string | null;
}

// Writing last_accessed_at on every request would turn every read into a write.
const TOUCH_INTERVAL_MS = 60_000;

/** Every sign-in, by cookie or by token, starts one of these. */
export async function createAuthSession(options: {
  db: Database;
  userId: string;
  method: SignInMethod;
  client: ClientInfo;
  kind: 'browser' | 'api';
  lifetimeMs: number;
}): Promise<{ id: string; expiresAt: Date }> {
  const data: AuthSessionData = { method: options.method, client: options.kind, ip: options.client.ip, userAgent: options.client.userAgent?.slice(0, 512) ?? null };
  const [row] = await options.db
    .insert(sessions)
    .values({ userId: options.userId, type: 'auth', status: 'active', data, expiresAt: new Date(Date.now() + options.lifetimeMs) })
    .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
  return row!;
}

/**
 * The user behind an auth session, if the session is still active and unexpired. Every
 * authenticated request goes through here, so logout and revocation take effect at once.
 */
export async function findActiveSessionUser(options: { db: Database; sessionId: string }) {
  const [row] = await options.db
    .select({ id: users.id, email: users.email, username: users.username, lastAccessedAt: sessions.lastAccessedAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, options.sessionId), eq(sessions.type, 'auth'), eq(sessions.status, 'active'), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastAccessedAt.getTime() > TOUCH_INTERVAL_MS) {
    await options.db.update(sessions).set({ lastAccessedAt: new Date() }).where(eq(sessions.id, options.sessionId));
  }
  return { id: row.id, email: row.email, username: row.username };
}

/** Ends sessions and revokes their refresh tokens. Returns the ids it ended. */
async function terminate(db: Database, where: SQL | undefined): Promise<string[]> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .update(sessions)
      .set({ status: 'terminated' })
      .where(and(where, eq(sessions.type, 'auth'), ne(sessions.status, 'terminated')))
      .returning({ id: sessions.id });
    const ids = ended.map((row) => row.id);
    if (ids.length > 0) {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(inArray(refreshTokens.sessionId, ids), isNull(refreshTokens.revokedAt)));
    }
    return ids;
  });
}

export async function endSession(options: { db: Database; userId: string; sessionId: string }): Promise<void> {
  const ended = await terminate(options.db, and(eq(sessions.id, options.sessionId), eq(sessions.userId, options.userId)));
  if (ended.length === 0) {
    // Already ended is fine (logout twice); someone else's session is simply not found.
    const [own] = await options.db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.id, options.sessionId), eq(sessions.userId, options.userId)));
    if (!own) throw notFound('Session');
  }
}

export function endOtherSessions(options: { db: Database; userId: string; keepSessionId: string }): Promise<string[]> {
  return terminate(options.db, and(eq(sessions.userId, options.userId), ne(sessions.id, options.keepSessionId)));
}

export function endAllSessions(options: { db: Database; userId: string }): Promise<string[]> {
  return terminate(options.db, eq(sessions.userId, options.userId));
}

export async function listActiveSessions(options: { db: Database; userId: string; currentSessionId?: string }): Promise<AuthSession[]> {
  const rows = await options.db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, options.userId), eq(sessions.type, 'auth'), eq(sessions.status, 'active'), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastAccessedAt));
  return rows.map((row) => {
    const data = row.data as Partial<AuthSessionData>;
    return {
      id: row.id,
      device: describeDevice(data.userAgent ?? null),
      ip: data.ip ?? null,
      method: data.method ?? 'password',
      createdAt: row.createdAt,
      lastAccessedAt: row.lastAccessedAt,
      expiresAt: row.expiresAt,
      current: row.id === options.currentSessionId,
    };
  });
}
