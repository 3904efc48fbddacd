import { eq } from 'drizzle-orm';
import type { UpdateProjectInput } from '@/lib/schemas/projects';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { isUniqueViolation, nameTaken } from './create-project';

/** Renames or re-describes a project the caller owns (the tier has checked ownership). */
export async function updateProject(options: { db: Database; project: ProjectRow; input: UpdateProjectInput }): Promise<ProjectRow> {
  const { db, project, input } = options;
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.description !== undefined ? { description: input.description || null } : {}),
  };
  // Nothing to change is not an error: the project as it is.
  if (Object.keys(changes).length === 0) return project;
  try {
    const [row] = await db
      .update(projects)
      .set(changes)
      .where(eq(projects.id, project.id))
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}
