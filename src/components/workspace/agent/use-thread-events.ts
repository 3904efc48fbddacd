'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { applyEvent, type Turn } from './timeline';

/**
 * A thread's conversation as live turns: the event log replayed from the start, then followed.
 * The link resumes from the last seq after a dropped connection; events seen already are skipped.
 */
export function useThreadEvents(projectId: string, threadId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [log, setLog] = useState<{ seq: number; turns: Turn[] }>({ seq: 0, turns: [] });

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.agent.threads.get.queryKey({ threadId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.agent.threads.list.queryKey({ projectId }) });
  };

  const subscription = useSubscription(
    trpc.agent.onEvents.subscriptionOptions(
      { threadId, lastEventId: null },
      {
        onData: ({ id, data: event }) => {
          const seq = Number(id);
          setLog((current) => (seq <= current.seq ? current : { seq, turns: applyEvent(current.turns, event) }));
          if (event.type === 'done' || event.type === 'error' || event.type === 'reverted' || event.type === 'approval_resolved' || event.type === 'run_started') refresh();
          if (event.type === 'usage') void queryClient.invalidateQueries({ queryKey: trpc.agent.usage.queryKey() });
        },
      },
    ),
  );

  return { turns: log.turns, connection: subscription.status };
}
