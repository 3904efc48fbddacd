import { threadIdInput } from '@/lib/schemas/agent';
import { projectIdInput } from '@/lib/schemas/projects';
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
 * NOT_FOUND unless the caller owns the project.
 */
export const threadProcedure = protectedProcedure.input(threadIdInput).use(async ({ ctx, input, next }) => {
  const { thread, project } = await getOwnedThread({ db: ctx.db, userId: ctx.user.id, threadId: input.threadId });
  return next({ ctx: { ...ctx, thread, project } });
});
