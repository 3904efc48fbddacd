import { endSessionInput } from '@/lib/schemas/auth';
import { recordAudit } from '@/server/audit/record-audit';
import { endOtherSessions, endSession, listActiveSessions } from '@/server/sessions/auth-sessions';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/** The seed's sessions API. Sign-in sessions for now; project, editor and agent sessions join later. */
export const sessionsRouter = createTRPCRouter({
  active: protectedProcedure.query(async ({ ctx }) => ({
    sessions: await listActiveSessions({ db: ctx.db, userId: ctx.user.id, currentSessionId: ctx.user.sessionId }),
  })),
  end: protectedProcedure.input(endSessionInput).mutation(async ({ ctx, input }) => {
    await endSession({ db: ctx.db, userId: ctx.user.id, sessionId: input.sessionId });
    await recordAudit({ db: ctx.db, type: 'session_revoked', userId: ctx.user.id, client: ctx.client, data: { sessionId: input.sessionId } });
    return { success: true as const };
  }),
  endOthers: protectedProcedure.mutation(async ({ ctx }) => {
    const ended = await endOtherSessions({ db: ctx.db, userId: ctx.user.id, keepSessionId: ctx.user.sessionId });
    await recordAudit({ db: ctx.db, type: 'session_revoked', userId: ctx.user.id, client: ctx.client, data: { sessionIds: ended } });
    return { success: true as const, ended: ended.length };
  }),
});
