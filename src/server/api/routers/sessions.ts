import { z } from 'zod';
import { okSchema } from '@/lib/schemas/auth';
import { activeSessionsSchema, createdSessionSchema, createSessionInput, sessionIdInput, updateSessionInput, workspaceSessionSchema } from '@/lib/schemas/sessions';
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
  active: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/sessions/active', tags: ['sessions'], summary: 'Sign-ins and live workspace sessions' } })
    .input(z.void())
    .output(activeSessionsSchema)
    .query(async ({ ctx }) => ({
    success: true as const,
    sessions: await listActiveSessions({ db: ctx.db, userId: ctx.user.id, currentSessionId: ctx.user.sessionId }),
    workspaces: await listWorkspaceSessions({ db: ctx.db, userId: ctx.user.id }),
  })),
  create: protectedProcedure
    .meta({ openapi: { method: 'POST', path: '/sessions/create', tags: ['sessions'], summary: 'Open an editor or AI-agent session on a project' }, status: 201 })
    .input(createSessionInput)
    .output(createdSessionSchema)
    .mutation(async ({ ctx, input }) => {
    const project = await getOwnedProject({ db: ctx.db, userId: ctx.user.id, projectId: input.projectId });
    if (input.type === 'ai-agent') {
      return { success: true as const, ...(await openAgentSession({ db: ctx.db, provider: ctx.sandboxes, runtime: ctx.agent, userId: ctx.user.id, project, agentType: input.agentType })) };
    }
    const opened = await openWorkspaceSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, project, type: input.type });
    return { success: true as const, ...opened, agentSession: null };
  }),
  byId: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/sessions/{sessionId}', tags: ['sessions'], summary: 'A workspace session and its editor state' } })
    .input(sessionIdInput)
    .output(workspaceSessionSchema)
    .query(async ({ ctx, input }) => ({ success: true as const, ...(await getWorkspaceSession({ db: ctx.db, userId: ctx.user.id, sessionId: input.sessionId })) })),
  update: protectedProcedure
    .meta({ openapi: { method: 'PUT', path: '/sessions/{sessionId}', tags: ['sessions'], summary: 'Keep a session alive and save its editor state' } })
    .input(updateSessionInput)
    .output(workspaceSessionSchema)
    .mutation(async ({ ctx, input }) => ({ success: true as const, ...(await updateWorkspaceSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, input })) })),
  /** Ends any of the user's sessions: a sign-in (signing that device out) or a workspace session. */
  delete: protectedProcedure
    .meta({ openapi: { method: 'DELETE', path: '/sessions/{sessionId}', tags: ['sessions'], summary: 'End a session (a sign-in or a workspace session)' } })
    .input(sessionIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => terminateSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, sessionId: input.sessionId, client: ctx.client })),
  endOthers: protectedProcedure
    .meta({ openapi: { method: 'POST', path: '/sessions/end-others', tags: ['sessions'], summary: 'Sign out every other device' } })
    .input(z.void())
    .output(okSchema.extend({ ended: z.number().int() }))
    .mutation(async ({ ctx }) => {
    const ended = await endOtherSessions({ db: ctx.db, userId: ctx.user.id, keepSessionId: ctx.user.sessionId });
    await recordAudit({ db: ctx.db, type: 'session_revoked', userId: ctx.user.id, client: ctx.client, data: { sessionIds: ended } });
    return { success: true as const, ended: ended.length };
  }),
});
