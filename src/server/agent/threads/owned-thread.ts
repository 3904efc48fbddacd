import { and, eq } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentThreads, projects, type AgentThreadRow, type ProjectRow } from '@/server/db/schema';
import { notFound } from '@/server/errors';

/**
 * The thread and its project if the caller owns the project. Anyone else gets NOT_FOUND, as for
 * projects, so thread ids reveal nothing.
 */
export async function getOwnedThread(options: { db: Database; userId: string; threadId: string }): Promise<{ thread: AgentThreadRow; project: ProjectRow }> {
  const [row] = await options.db
    .select({ thread: agentThreads, project: projects })
    .from(agentThreads)
    .innerJoin(projects, eq(projects.id, agentThreads.projectId))
    .where(and(eq(agentThreads.id, options.threadId), eq(projects.ownerId, options.userId)))
    .limit(1);
  if (!row) throw notFound('Agent thread');
  return row;
}
