import { and, eq } from 'drizzle-orm';
import { recordAudit } from '@/server/audit/record-audit';
import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { sessions } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import type { SandboxProvider } from '@/server/sandbox/types';
import { endSession } from './auth-sessions';
import { endWorkspaceSession } from './workspace-sessions';

/** The seed's `DELETE /api/sessions/{id}`: signs out a sign-in session, or ends a workspace session. */
export async function terminateSession(options: { db: Database; provider: SandboxProvider; userId: string; sessionId: string; client: ClientInfo }): Promise<{ success: true }> {
  const { db, userId, sessionId } = options;
  const [row] = await db.select({ type: sessions.type }).from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
  if (!row) throw notFound('Session');
  if (row.type !== 'auth') return endWorkspaceSession(options);
  await endSession({ db, userId, sessionId });
  await recordAudit({ db, type: 'session_revoked', userId, client: options.client, data: { sessionId } });
  return { success: true };
}
