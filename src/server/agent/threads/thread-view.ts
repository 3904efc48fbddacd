import type { AgentThreadRow } from '@/server/db/schema';

/** A thread as clients see it. */
export function threadView(thread: AgentThreadRow) {
  const { userId: _userId, conversationId: _conversationId, ...view } = thread;
  return view;
}
export type ThreadView = ReturnType<typeof threadView>;
