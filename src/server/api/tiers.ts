import { threadIdInput } from '@/lib/schemas/agent';
import { projectIdInput } from '@/lib/schemas/projects';
import { releaseAbandonedRun } from '@/server/agent/runs/release-abandoned-run';
import { getOwnedThread } from '@/server/agent/threads/owned-thread';
import { getOwnedProject } from '@/server/projects/owned-project';
import { protectedProcedure } from './trpc';

/**
 * A procedure on one project: takes `projectId`, loads the project, and answers NOT_FOUND unless
 * the caller owns it. Every procedure that touches a project, its files, sandbox, terminals or
 * agent builds on this tier.
 */
export const projectProcedure = protectedProcedure.input(projectIdInput).use(async ({ ctx, input, next }) => {
  const project = await getOwnedProject({ db: ctx.db, userId: ctx.user.id, projectId: input.projectId });
  return next({ ctx: { ...ctx, project } });
});

/**
 * A procedure on one agent thread: takes `threadId`, loads the thread and its project, and answers
 * NOT_FOUND unless the caller owns the project. A thread whose run died with its server is
 * released first, so no procedure sees it stuck in `running`.
 */
export const threadProcedure = protectedProcedure.input(threadIdInput).use(async ({ ctx, input, next }) => {
  const owned = await getOwnedThread({ db: ctx.db, userId: ctx.user.id, threadId: input.threadId });
  const thread = await releaseAbandonedRun({ db: ctx.db, runtime: ctx.agent, thread: owned.thread });
  return next({ ctx: { ...ctx, thread, project: owned.project } });
});
