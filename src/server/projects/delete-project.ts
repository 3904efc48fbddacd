import { eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { projectEvents, sandboxFailed } from '@/server/observability/events';

/**
 * Deletes a project: its sandbox is killed first, then the row goes, and with it (by cascade) its
 * stored files, versions and sessions.
 */
export async function deleteProject(options: {
  db: Database;
  project: ProjectRow;
  killSandbox: (sandboxId: string) => Promise<void>;
}): Promise<{ success: true }> {
  const { db, project } = options;
  if (project.sandboxId) {
    // A sandbox that is already gone must not keep the project alive.
    await options.killSandbox(project.sandboxId).catch((error: unknown) =>
      sandboxFailed({ provider: 'unknown', operation: 'kill', projectId: project.id, error }),
    );
  }
  await db.delete(projects).where(eq(projects.id, project.id));
  projectEvents.deleted(project.id);
  return { success: true };
}
