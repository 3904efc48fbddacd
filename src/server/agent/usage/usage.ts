import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { agentThreads, agentUsage } from '@/server/db/schema';
import { notFound } from '@/server/errors';

export interface UsageTotals {
  runs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

export async function recordUsage(options: { db: Database; userId: string; projectId: string; threadId: string; modelId: string; inputTokens: number; outputTokens: number; costUsd: number }): Promise<void> {
  const { db, ...row } = options;
  await db.insert(agentUsage).values(row);
}

const totals = {
  runs: sql<number>`count(*)::int`,
  inputTokens: sql<number>`coalesce(sum(${agentUsage.inputTokens}), 0)::int`,
  outputTokens: sql<number>`coalesce(sum(${agentUsage.outputTokens}), 0)::int`,
  costUsd: sql<number>`coalesce(sum(${agentUsage.costUsd}), 0)::float8`,
};

/** The panel's usage: this user's totals on the project, and on one thread when given. */
export async function getUsage(options: { db: Database; userId: string; projectId: string; threadId?: string }): Promise<{ project: UsageTotals; thread: UsageTotals | null }> {
  if (options.threadId) {
    // The thread must be one of this project's: another one is not found, whoever owns it.
    const [thread] = await options.db.select({ id: agentThreads.id }).from(agentThreads).where(and(eq(agentThreads.id, options.threadId), eq(agentThreads.projectId, options.projectId)));
    if (!thread) throw notFound('Agent thread');
  }
  const scope = and(eq(agentUsage.userId, options.userId), eq(agentUsage.projectId, options.projectId));
  const [project] = await options.db.select(totals).from(agentUsage).where(scope);
  const thread = options.threadId ? (await options.db.select(totals).from(agentUsage).where(and(scope, eq(agentUsage.threadId, options.threadId))))[0]! : null;
  return { project: project!, thread };
}
