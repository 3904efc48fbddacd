import { createProjectInput, listProjectsInput, updateProjectInput } from '@/lib/schemas/projects';
import { createProject } from '@/server/projects/create-project';
import { deleteProject } from '@/server/projects/delete-project';
import { listProjects } from '@/server/projects/list-projects';
import { updateProject } from '@/server/projects/update-project';
import { projectProcedure } from '../tiers';
import { createTRPCRouter, protectedProcedure } from '../trpc';

export const projectsRouter = createTRPCRouter({
  list: protectedProcedure.input(listProjectsInput).query(({ ctx, input }) => listProjects({ db: ctx.db, ownerId: ctx.user.id, input })),
  byId: projectProcedure.query(({ ctx }) => ctx.project),
  create: protectedProcedure.input(createProjectInput).mutation(({ ctx, input }) => createProject({ db: ctx.db, ownerId: ctx.user.id, input })),
  update: projectProcedure.input(updateProjectInput).mutation(({ ctx, input }) => updateProject({ db: ctx.db, project: ctx.project, input })),
  delete: projectProcedure.mutation(({ ctx }) =>
    deleteProject({ db: ctx.db, project: ctx.project, killSandbox: (id) => ctx.sandboxes.kill(id) }),
  ),
});
