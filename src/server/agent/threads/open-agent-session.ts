import { and, desc, eq } from 'drizzle-orm';
import type { AgentType } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import { agentThreads, type ProjectRow } from '@/server/db/schema';
import type { SandboxProvider } from '@/server/sandbox/types';
import { openWorkspaceSession } from '@/server/sessions/workspace-sessions';
import type { AgentRuntime } from '../runtime';
import { createThread } from './manage-threads';
import { threadView } from './thread-view';

/**
 * The seed's `POST /api/sessions/create` with type `ai-agent`: a workspace session on the project
 * plus its AIAgentSession (an agent thread). Reopening the same live session returns its thread.
 */
export async function openAgentSession(options: { db: Database; provider: SandboxProvider; runtime: AgentRuntime; userId: string; project: ProjectRow; agentType: AgentType }) {
  const { db, userId, project } = options;
  const opened = await openWorkspaceSession({ db, provider: options.provider, userId, project, type: 'ai-agent' });
  const [existing] = await db
    .select()
    .from(agentThreads)
    .where(and(eq(agentThreads.sessionId, opened.session.id), eq(agentThreads.agentType, options.agentType)))
    .orderBy(desc(agentThreads.createdAt))
    .limit(1);
  const thread =
    existing ??
    (await createThread({ db, runtime: options.runtime, project, userId, sessionId: opened.session.id, input: { agentType: options.agentType, approvalMode: 'auto' } }));
  return { ...opened, agentSession: threadView(thread) };
}
