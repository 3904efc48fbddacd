import { eq } from 'drizzle-orm';
import type { CreateProjectInput } from '@/lib/schemas/projects';
import { overallStatus, type SetupStatus } from '@/lib/schemas/setup';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { AppError, isAppError } from '@/server/errors';
import { enqueue } from '@/server/jobs/queue';
import { projectEvents } from '@/server/observability/events';
import { createProject } from '../create-project';
import { SETUP_QUEUE } from './run-setup';
import { initSteps, listSteps, updateStep } from './steps-store';

/** The seed's `POST /api/projects/create`: the project, its pending steps, and a queued setup job. */
export async function createProjectWithSetup(options: { db: Database; ownerId: string; input: CreateProjectInput }): Promise<{ success: true; project: ProjectRow; setupStatus: SetupStatus }> {
  const project = await options.db
    .transaction(async (tx) => {
      const created = await createProject({ db: tx, ownerId: options.ownerId, input: options.input });
      await initSteps(tx, created.id);
      return created;
    })
    .catch((error: unknown) => {
      projectEvents.createFailed(error, isAppError(error) ? error.code.toLowerCase() : 'error');
      throw error;
    });
  await enqueue(options.db, SETUP_QUEUE, { projectId: project.id }, { singletonKey: project.id });
  projectEvents.created(project);
  projectEvents.setupQueued(project.id, false);
  return { success: true, project, setupStatus: 'pending' };
}

/** The seed's `POST /api/projects/{id}/setup`: runs the failed and unfinished steps again. */
export async function retrySetup(options: { db: Database; project: ProjectRow }): Promise<{ success: true; setupStatus: SetupStatus }> {
  const { db, project } = options;
  const steps = await listSteps(db, project.id);
  if (overallStatus(steps) === 'completed') throw new AppError('PRECONDITION_FAILED', 'This project is already set up.');
  if (overallStatus(steps) === 'in-progress' && !steps.some((step) => step.status === 'failed')) {
    throw new AppError('CONFLICT', 'Setup is already running for this project.');
  }
  // Through updateStep, so whoever watches sees the failed steps go back to pending.
  for (const { step } of steps.filter((state) => state.status === 'failed' || state.status === 'in_progress')) {
    await updateStep(db, project.id, step, { status: 'pending', error: null });
  }
  await db.update(projects).set({ status: 'initializing' }).where(eq(projects.id, project.id));
  await initSteps(db, project.id);
  await enqueue(db, SETUP_QUEUE, { projectId: project.id }, { singletonKey: project.id });
  projectEvents.setupQueued(project.id, true);
  return { success: true, setupStatus: 'pending' };
}

/** The seed's `GET /api/projects/{id}/status`. */
export async function getSetupStatus(options: { db: Database; project: ProjectRow }) {
  const steps = await listSteps(options.db, options.project.id);
  return { projectId: options.project.id, status: options.project.status, setupStatus: overallStatus(steps), steps };
}
