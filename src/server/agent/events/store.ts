import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { AgentEvent } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import { agentEvents } from '@/server/db/schema';
import type { EventBus } from '@/server/events';

export interface StoredAgentEvent {
  seq: number;
  event: AgentEvent;
}

export const threadTopic = (threadId: string) => `agent:thread:${threadId}`;

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === '23505' || (error as { cause?: { code?: string } })?.cause?.code === '23505';

/**
 * Stores an event as the thread's next `seq`, then publishes it to every instance. The row comes
 * first, so a client that misses the live message finds it when it replays.
 */
export async function appendEvent(options: { db: Database; bus: EventBus; threadId: string; event: AgentEvent }): Promise<StoredAgentEvent> {
  const { db, threadId, event } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      const [row] = await db
        .insert(agentEvents)
        .values({ threadId, seq: sql`(select coalesce(max(${agentEvents.seq}), 0) + 1 from ${agentEvents} where ${agentEvents.threadId} = ${threadId})`, data: event })
        .returning({ seq: agentEvents.seq });
      const stored = { seq: row!.seq, event };
      await options.bus.publish(threadTopic(threadId), stored);
      return stored;
    } catch (error) {
      // Two writers raced for the same seq (a cancel from another instance, say): take the next.
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export async function listEventsSince(options: { db: Database; threadId: string; afterSeq: number; limit?: number }): Promise<StoredAgentEvent[]> {
  const rows = await options.db
    .select({ seq: agentEvents.seq, data: agentEvents.data })
    .from(agentEvents)
    .where(and(eq(agentEvents.threadId, options.threadId), gt(agentEvents.seq, options.afterSeq)))
    .orderBy(asc(agentEvents.seq))
    .limit(options.limit ?? 1000);
  return rows.map((row) => ({ seq: row.seq, event: row.data as AgentEvent }));
}

export function subscribeThreadEvents(bus: EventBus, threadId: string, onEvent: (event: StoredAgentEvent) => void): () => void {
  return bus.subscribe(threadTopic(threadId), (event) => onEvent(event as StoredAgentEvent));
}
