import { and, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { notFound } from '@/server/errors';

/**
 * The project if the user owns it. Anyone else gets NOT_FOUND, so project ids reveal nothing about
 * other people's projects.
 */
export async function getOwnedProject(options: { db: Database; userId: string; projectId: string }): Promise<ProjectRow> {
  const [project] = await options.db
    .select()
    .from(projects)
    .where(and(eq(projects.id, options.projectId), eq(projects.ownerId, options.userId)))
    .limit(1);
  if (!project) throw notFound('Project');
  return project;
}
