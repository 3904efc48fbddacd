import { tracked } from '@trpc/server';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { okSchema } from '@/lib/schemas/auth';
import {
  createdProjectSchema,
  createProjectInput,
  listProjectsInput,
  projectPageSchema,
  projectSchema,
  setupProgressSchema,
  setupRetrySchema,
  updateProjectInput,
} from '@/lib/schemas/projects';
import { openedSessionSchema } from '@/lib/schemas/sessions';
import type { SetupStepState } from '@/lib/schemas/setup';
import { dropProjectThreads } from '@/server/agent/threads/drop-project-threads';
import { eventStream } from '@/server/events/stream';
import { deleteProject } from '@/server/projects/delete-project';
import { listProjects } from '@/server/projects/list-projects';
import { createProjectWithSetup, getSetupStatus, retrySetup } from '@/server/projects/setup/start-setup';
import { listSteps, subscribeSetup } from '@/server/projects/setup/steps-store';
import { updateProject } from '@/server/projects/update-project';
import { openWorkspaceSession } from '@/server/sessions/workspace-sessions';
import { getTerminalManager } from '@/server/terminals/manager';
import { projectProcedure } from '../tiers';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const projectsRouter = createTRPCRouter({
  list: protectedProcedure
    .meta({ openapi: { method: 'GET', path: '/projects', tags: ['projects'], summary: 'Your projects, newest first, a page at a time' } })
    .input(listProjectsInput)
    .output(projectPageSchema)
    .query(({ ctx, input }) => listProjects({ db: ctx.db, ownerId: ctx.user.id, input })),
  byId: projectProcedure
    .meta({ openapi: { method: 'GET', path: '/projects/{projectId}', tags: ['projects'], summary: 'One project' } })
    .output(projectSchema)
    .query(({ ctx }) => ctx.project),
  /** Creates the project and queues its setup; progress comes from `status` and `onSetupProgress`. */
  create: protectedProcedure
    .meta({ openapi: { method: 'POST', path: '/projects/create', tags: ['projects'], summary: 'Create a project and queue its setup' }, status: 201 })
    .input(createProjectInput)
    .output(createdProjectSchema)
    .mutation(({ ctx, input }) => createProjectWithSetup({ db: ctx.db, ownerId: ctx.user.id, input })),
  update: projectProcedure
    .meta({ openapi: { method: 'PATCH', path: '/projects/{projectId}', tags: ['projects'], summary: 'Rename a project or change its description' } })
    .input(updateProjectInput)
    .output(projectSchema)
    .mutation(({ ctx, input }) => updateProject({ db: ctx.db, project: ctx.project, input })),
  delete: projectProcedure
    .meta({ openapi: { method: 'DELETE', path: '/projects/{projectId}', tags: ['projects'], summary: 'Delete a project, its files, sandbox and agent threads' } })
    .output(okSchema)
    .mutation(async ({ ctx }) => {
    await getTerminalManager().dropProject({ projectId: ctx.project.id, userId: ctx.user.id });
    await dropProjectThreads({ db: ctx.db, runtime: ctx.agent, projectId: ctx.project.id });
    return deleteProject({ db: ctx.db, project: ctx.project, killSandbox: (id) => ctx.sandboxes.kill(id) });
  }),
  status: projectProcedure
    .meta({ openapi: { method: 'GET', path: '/projects/{projectId}/status', tags: ['projects'], summary: 'Setup progress, step by step' } })
    .output(setupProgressSchema)
    .query(async ({ ctx }) => ({ success: true as const, ...(await getSetupStatus({ db: ctx.db, project: ctx.project })) })),
  /** Runs the failed or unfinished setup steps again. */
  setup: projectProcedure
    .meta({ openapi: { method: 'POST', path: '/projects/{projectId}/setup', tags: ['projects'], summary: 'Run the failed or unfinished setup steps again' } })
    .output(setupRetrySchema)
    .mutation(({ ctx }) => retrySetup({ db: ctx.db, project: ctx.project })),
  /** The seed's `POST /api/projects/{id}/session`: an editor session on the project (`sessions.create` with type `editor`). */
  openSession: projectProcedure
    .meta({ openapi: { method: 'POST', path: '/projects/{projectId}/session', tags: ['projects', 'sessions'], summary: 'Open an editor session on the project' }, status: 201 })
    .input(z.object({}))
    .output(openedSessionSchema)
    .mutation(async ({ ctx }) => ({ success: true as const, ...(await openWorkspaceSession({ db: ctx.db, provider: ctx.sandboxes, userId: ctx.user.id, project: ctx.project, type: 'editor' })) })),
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
