import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, Executor } from '@/server/db/client';
import { refreshTokens } from '@/server/db/schema';

const PREFIX = 'art_';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 256 random bits; only the hash is stored. */
export async function createRefreshToken(options: {
  db: Executor;
  userId: string;
  sessionId: string;
  expiresAt: Date;
  familyId?: string;
}): Promise<string> {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  await options.db.insert(refreshTokens).values({
    userId: options.userId,
    sessionId: options.sessionId,
    familyId: options.familyId ?? randomUUID(),
    tokenHash: hashToken(token),
    expiresAt: options.expiresAt,
  });
  return token;
}

export type RotationResult =
  | { status: 'rotated'; userId: string; sessionId: string; refreshToken: string }
  | { status: 'invalid' }
  | { status: 'reused'; userId: string; sessionId: string; familyId: string };

/**
 * Spends a refresh token and issues its successor in the same family, with the same absolute
 * expiry. A token that was already spent means it leaked: the whole family is revoked, and the
 * caller ends the session.
 */
export async function rotateRefreshToken(options: { db: Database; token: string }): Promise<RotationResult> {
  if (!options.token.startsWith(PREFIX)) return { status: 'invalid' };
  const tokenHash = hashToken(options.token);
  return options.db.transaction(async (tx) => {
    const [row] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update');
    if (!row) return { status: 'invalid' } as const;
    if (row.usedAt) {
      await tx.update(refreshTokens).set({ revokedAt: new Date() }).where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
      return { status: 'reused', userId: row.userId, sessionId: row.sessionId, familyId: row.familyId } as const;
    }
    if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return { status: 'invalid' } as const;
    await tx.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.id, row.id));
    const refreshToken = await createRefreshToken({
      db: tx,
      userId: row.userId,
      sessionId: row.sessionId,
      expiresAt: row.expiresAt,
      familyId: row.familyId,
    });
    return { status: 'rotated', userId: row.userId, sessionId: row.sessionId, refreshToken } as const;
  });
}
