import type { CreateProjectInput } from '@/lib/schemas/projects';
import type { Executor } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';

const UNIQUE_VIOLATION = '23505';

export const nameTaken = () =>
  new AppError('CONFLICT', 'You already have a project with this name.', {
    issues: [{ path: ['name'], message: 'You already have a project with this name.', code: 'taken' }],
  });

export function isUniqueViolation(error: unknown): boolean {
  return (error as { cause?: { code?: string } }).cause?.code === UNIQUE_VIOLATION || (error as { code?: string }).code === UNIQUE_VIOLATION;
}

/** Records a new project in `initializing`; the setup pipeline takes it from there. */
export async function createProject(options: { db: Executor; ownerId: string; input: CreateProjectInput }): Promise<ProjectRow> {
  const { db, ownerId, input } = options;
  try {
    const [project] = await db
      .insert(projects)
      .values({
        ownerId,
        name: input.name,
        description: input.description ?? null,
        framework: input.framework,
        uiLibrary: input.uiLibrary,
        configuration: input.configuration,
        status: 'initializing',
      })
      .returning();
    return project!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
