'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '@/trpc/react';
import { errorMessage, type RouterOutputs } from '../client';
import { ConfirmDialog, PromptDialog } from '../dialog';

type Thread = RouterOutputs['agent']['threads']['list'][number];

const STATE_LABELS: Record<Thread['state'], string> = { idle: '', running: 'running', awaiting_approval: 'needs approval', error: 'error' };

/** The project's threads, newest first: open, rename or delete one. */
export function ThreadList({ projectId, threads, onOpen, onDeleted }: { projectId: string; threads: Thread[]; onOpen: (threadId: string) => void; onDeleted: (threadId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [renaming, setRenaming] = useState<Thread | null>(null);
  const [deleting, setDeleting] = useState<Thread | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.agent.threads.list.queryKey({ projectId }) });
  const rename = useMutation(trpc.agent.threads.rename.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.agent.threads.delete.mutationOptions({
      onSuccess: (_, { threadId }) => {
        onDeleted(threadId);
        void refresh();
      },
    }),
  );

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      {remove.error ? (
        <p role="alert" className="m-3 rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
          {errorMessage(remove.error)}
        </p>
      ) : null}
      {threads.length === 0 ? <p className="p-4 text-center text-sm text-muted">No threads yet.</p> : null}
      <ul aria-label="Threads" className="divide-y divide-border">
        {threads.map((thread) => (
          <li key={thread.id} className="group flex items-center gap-1 px-2 py-1.5 hover:bg-surface-raised">
            <button type="button" onClick={() => onOpen(thread.id)} className="min-w-0 flex-1 rounded px-1 py-0.5 text-left text-sm">
              <span className="block truncate">{thread.title}</span>
              <span className="block text-[11px] text-muted">
                {thread.agentType}
                {STATE_LABELS[thread.state] ? ` · ${STATE_LABELS[thread.state]}` : ''}
              </span>
            </button>
            <button type="button" aria-label={`Rename ${thread.title}`} onClick={() => setRenaming(thread)} className="rounded px-1.5 py-0.5 text-xs text-muted hover:bg-surface-sunken hover:text-fg">
              Rename
            </button>
            <button type="button" aria-label={`Delete ${thread.title}`} onClick={() => setDeleting(thread)} className="rounded px-1.5 py-0.5 text-xs text-muted hover:bg-surface-sunken hover:text-red-600">
              Delete
            </button>
          </li>
        ))}
      </ul>
      <PromptDialog
        open={renaming !== null}
        title="Rename thread"
        label="Title"
        initialValue={renaming?.title ?? ''}
        confirmLabel="Rename"
        onSubmit={async (title) => {
          try {
            await rename.mutateAsync({ threadId: renaming!.id, title });
            return null;
          } catch (error) {
            return errorMessage(error);
          }
        }}
        onClose={() => setRenaming(null)}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this thread?"
        description={`“${deleting?.title ?? ''}” and its conversation are deleted. Files the agent changed stay as they are.`}
        confirmLabel="Delete"
        danger
        onConfirm={() => deleting && remove.mutate({ threadId: deleting.id })}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
