'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { errorMessage, type RouterOutputs } from '../client';
import type { Documents } from '../editor/documents';
import type { EditorStatus } from '../editor/editor-status';
import type { Store } from '../store';
import { Composer, type ComposedMessage } from './composer';
import { Conversation } from './conversation';
import { ThreadSettings } from './thread-settings';
import { UsageLine } from './usage-line';
import { useThreadEvents } from './use-thread-events';

type Models = RouterOutputs['agent']['models'];

const LIVE_STATUS = { running: 'The agent is answering…', completed: 'The agent has answered.', cancelled: 'Stopped.', awaiting_approval: 'The agent is waiting for your approval.', error: 'The agent stopped with an error.' };

/** One thread: its settings, the conversation as it streams, and the composer. */
export function ThreadPane({ projectId, threadId, models, documents, editorStatus }: { projectId: string; threadId: string; models: Models; documents: Documents; editorStatus: Store<EditorStatus> }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(trpc.agent.threads.get.queryOptions({ threadId }));
  const { turns } = useThreadEvents(projectId, threadId);
  const [sent, setSent] = useState<ReadonlyMap<string, string>>(new Map());

  const send = useMutation(trpc.agent.send.mutationOptions());
  const cancel = useMutation(trpc.agent.cancel.mutationOptions());
  const approve = useMutation(trpc.agent.approve.mutationOptions());
  const reject = useMutation(trpc.agent.reject.mutationOptions());
  const revert = useMutation(trpc.agent.revert.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.agent.threads.get.queryKey({ threadId }) }) }));
  const failed = [send, cancel, approve, reject, revert].find((mutation) => mutation.error)?.error;

  const status = turns.at(-1)?.status;
  const running = status === 'running';
  const awaitingApproval = status === 'awaiting_approval' || thread.data?.thread.state === 'awaiting_approval';

  async function onSend(composed: ComposedMessage): Promise<boolean> {
    try {
      const { turnId } = await send.mutateAsync({ threadId, ...composed });
      setSent((current) => new Map(current).set(turnId, composed.message));
      return true;
    } catch {
      return false;
    }
  }

  const decide = (approved: boolean, reason?: string) => (approved ? approve : reject).mutate({ threadId, reason });

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      {thread.data ? <ThreadSettings thread={thread.data.thread} models={models} /> : null}
      <div data-scroller className="min-h-0 flex-1 overflow-y-auto">
        {thread.error ? (
          <p role="alert" className="p-3 text-sm text-red-700 dark:text-red-300">
            {errorMessage(thread.error)}
          </p>
        ) : (
          <Conversation
            turns={turns}
            messages={thread.data?.messages ?? []}
            sent={sent}
            awaitingApproval={awaitingApproval}
            deciding={approve.isPending || reject.isPending}
            onDecide={decide}
            onRevert={(turnId) => revert.mutate({ threadId, turnId })}
          />
        )}
      </div>
      <p aria-live="polite" role="status" className="sr-only">
        {status ? LIVE_STATUS[status] : ''}
      </p>
      {failed ? (
        <p role="alert" className="mx-2.5 mb-1 rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
          {errorMessage(failed)}
        </p>
      ) : null}
      <UsageLine projectId={projectId} threadId={threadId} />
      <Composer
        documents={documents}
        editorStatus={editorStatus}
        running={running}
        disabled={!models.configured || awaitingApproval}
        busy={send.isPending || cancel.isPending}
        onSend={onSend}
        onStop={() => cancel.mutate({ threadId })}
      />
    </div>
  );
}
