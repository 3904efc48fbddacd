import { tracked } from '@trpc/server';
import { randomUUID } from 'node:crypto';
import { createProjectInput, listProjectsInput, updateProjectInput } from '@/lib/schemas/projects';
import type { SetupStepState } from '@/lib/schemas/setup';
import { dropProjectThreads } from '@/server/agent/threads/drop-project-threads';
import { eventStream } from '@/server/events/stream';
import { deleteProject } from '@/server/projects/delete-project';
import { listProjects } from '@/server/projects/list-projects';
import { createProjectWithSetup, getSetupStatus, retrySetup } from '@/server/projects/setup/start-setup';
import { listSteps, subscribeSetup } from '@/server/projects/setup/steps-store';
import { updateProject } from '@/server/projects/update-project';
import { getTerminalManager } from '@/server/terminals/manager';
import { projectProcedure } from '../tiers';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const projectsRouter = createTRPCRouter({
  list: protectedProcedure.input(listProjectsInput).query(({ ctx, input }) => listProjects({ db: ctx.db, ownerId: ctx.user.id, input })),
  byId: projectProcedure.query(({ ctx }) => ctx.project),
  /** Creates the project and queues its setup; progress comes from `status` and `onSetupProgress`. */
  create: protectedProcedure.input(createProjectInput).mutation(({ ctx, input }) => createProjectWithSetup({ db: ctx.db, ownerId: ctx.user.id, input })),
  update: projectProcedure.input(updateProjectInput).mutation(({ ctx, input }) => updateProject({ db: ctx.db, project: ctx.project, input })),
  delete: projectProcedure.mutation(async ({ ctx }) => {
    await getTerminalManager().dropProject({ projectId: ctx.project.id, userId: ctx.user.id });
    await dropProjectThreads({ db: ctx.db, runtime: ctx.agent, projectId: ctx.project.id });
    return deleteProject({ db: ctx.db, project: ctx.project, killSandbox: (id) => ctx.sandboxes.kill(id) });
  }),
  status: projectProcedure.query(({ ctx }) => getSetupStatus({ db: ctx.db, project: ctx.project })),
  /** Runs the failed or unfinished setup steps again. */
  setup: projectProcedure.mutation(({ ctx }) => retrySetup({ db: ctx.db, project: ctx.project })),
  /** Every step's state now, then each change as it happens; a reconnect starts with the state again. */
  onSetupProgress: projectProcedure.subscription(async function* ({ ctx, signal }) {
    const changes = eventStream<SetupStepState>((push) => subscribeSetup(ctx.project.id, push), signal);
    try {
      for (const step of await listSteps(ctx.db, ctx.project.id)) yield tracked(randomUUID(), step);
      for await (const step of changes) yield tracked(randomUUID(), step);
    } finally {
      await changes.return(undefined);
    }
  }),
});
