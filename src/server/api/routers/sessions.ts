import { createSessionInput, sessionIdInput, updateSessionInput } from '@/lib/schemas/sessions';
import { openAgentSession } from '@/server/agent/threads/open-agent-session';
import { recordAudit } from '@/server/audit/record-audit';
import { getOwnedProject } from '@/server/projects/owned-project';
import { endOtherSessions, listActiveSessions } from '@/server/sessions/auth-sessions';
import { terminateSession } from '@/server/sessions/terminate-session';
import { getWorkspaceSession, listWorkspaceSessions, openWorkspaceSession, updateWorkspaceSession } from '@/server/sessions/workspace-sessions';
import { createTRPCRouter, protectedProcedure } from '../trpc';

/**
 * The seed's sessions API: sign-in sessions (`auth`) and workspace sessions (`editor`, `ai-agent`)
 * on a project.
 */
export const sessionsRouter = createTRPCRouter({
  active: protectedProcedure.query(async ({ ctx }) => ({
    sessions: await listActiveSessions({ db: ctx.db, userId: ctx.user.id, currentSessionId: ctx.user.sessionId }),
    workspaces: await listWorkspaceSessions({ db: ctx.db, userId: ctx.user.id }),
  })),
  create: protectedProcedure.input(createSessionInput).mutation(async ({ ctx, input }) => {
    const project = await getOwnedProject({ db: ctx.db, userId: ctx.user.id, projectId: input.projectId });
    if (input.type === 'ai-agent') {
      return { success: true as const, ...(await openAgentSession({ db: ctx.db, provider: ctx.sandboxes, runtime: ctx.agent, userId: ctx.user.id, project, agentType: input.agentType })) };
    }
    const opened = await openWorkspaceSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, project, type: input.type });
    return { success: true as const, ...opened, agentSession: null };
  }),
  byId: protectedProcedure.input(sessionIdInput).query(({ ctx, input }) => getWorkspaceSession({ db: ctx.db, userId: ctx.user.id, sessionId: input.sessionId })),
  update: protectedProcedure
    .input(updateSessionInput)
    .mutation(({ ctx, input }) => updateWorkspaceSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, input })),
  /** Ends any of the user's sessions: a sign-in (signing that device out) or a workspace session. */
  delete: protectedProcedure
    .input(sessionIdInput)
    .mutation(({ ctx, input }) => terminateSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, sessionId: input.sessionId, client: ctx.client })),
  endOthers: protectedProcedure.mutation(async ({ ctx }) => {
    const ended = await endOtherSessions({ db: ctx.db, userId: ctx.user.id, keepSessionId: ctx.user.sessionId });
    await recordAudit({ db: ctx.db, type: 'session_revoked', userId: ctx.user.id, client: ctx.client, data: { sessionIds: ended } });
    return { success: true as const, ended: ended.length };
  }),
});
