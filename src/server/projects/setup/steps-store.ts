import { and, asc, eq, sql } from 'drizzle-orm';
import { SETUP_STEPS, type SetupStep, type SetupStepState } from '@/lib/schemas/setup';
import type { Executor } from '@/server/db/client';
import { projectSetupSteps } from '@/server/db/schema';
import { getEventBus } from '@/server/events';

const MAX_LOG_CHARS = 64 * 1024;
const topic = (projectId: string) => `project:${projectId}:setup`;

export async function initSteps(db: Executor, projectId: string): Promise<void> {
  await db
    .insert(projectSetupSteps)
    .values(SETUP_STEPS.map((step) => ({ projectId, step })))
    .onConflictDoNothing();
}

const ORDER = sql`array_position(array[${sql.join(SETUP_STEPS.map((step) => sql`${step}`), sql`, `)}]::text[], ${projectSetupSteps.step})`;

export async function listSteps(db: Executor, projectId: string): Promise<SetupStepState[]> {
  const rows = await db.select().from(projectSetupSteps).where(eq(projectSetupSteps.projectId, projectId)).orderBy(asc(ORDER));
  return rows.map(({ projectId: _projectId, ...state }) => state);
}

/** Updates a step and tells whoever watches the project's setup. */
export async function updateStep(db: Executor, projectId: string, step: SetupStep, change: Partial<Omit<SetupStepState, 'step'>>): Promise<void> {
  const [row] = await db
    .update(projectSetupSteps)
    .set(change)
    .where(and(eq(projectSetupSteps.projectId, projectId), eq(projectSetupSteps.step, step)))
    .returning();
  if (row) await getEventBus().publish(topic(projectId), { ...row, projectId: undefined });
}

/** Appends to a step's log, keeping its last 64 KiB. */
export async function appendLog(db: Executor, projectId: string, step: SetupStep, text: string): Promise<void> {
  if (!text) return;
  const [row] = await db
    .update(projectSetupSteps)
    .set({ logs: sql`right(${projectSetupSteps.logs} || ${text}, ${MAX_LOG_CHARS})` })
    .where(and(eq(projectSetupSteps.projectId, projectId), eq(projectSetupSteps.step, step)))
    .returning();
  if (row) await getEventBus().publish(topic(projectId), { ...row, projectId: undefined });
}

export function subscribeSetup(projectId: string, onStep: (step: SetupStepState) => void): () => void {
  return getEventBus().subscribe(topic(projectId), (event) => onStep(event as SetupStepState));
}
