'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';
import { errorMessage } from '../client';
import type { Documents } from '../editor/documents';
import type { EditorStatus } from '../editor/editor-status';
import type { Store } from '../store';
import { useLocalState } from '../use-local-state';
import { ModelsHelp } from './models-help';
import { NewThreadForm } from './new-thread-form';
import { ThreadList } from './thread-list';
import { ThreadPane } from './thread-pane';
import { UsageLine } from './usage-line';

/** The AI agent: the project's threads, or the open one. The open thread is remembered per project. */
export function AgentPanel({ projectId, storageKey, documents, editorStatus }: { projectId: string; storageKey: string; documents: Documents; editorStatus: Store<EditorStatus> }) {
  const trpc = useTRPC();
  const models = useQuery(trpc.agent.models.queryOptions());
  const threads = useQuery(trpc.agent.threads.list.queryOptions({ projectId }));
  const [openId, setOpenId] = useLocalState<string | null>(`${storageKey}:agent-thread`, null);
  const open = threads.data?.find((thread) => thread.id === openId);
  const error = models.error ?? threads.error;

  return (
    <section aria-labelledby="agent-title" className="flex h-full flex-col bg-surface-sunken">
      <div className="flex h-9 shrink-0 items-center gap-2 border-b border-border px-3">
        {open ? (
          <button type="button" onClick={() => setOpenId(null)} aria-label="Back to threads" className="rounded px-1 text-muted hover:bg-surface-raised hover:text-fg">
            ←
          </button>
        ) : null}
        <h2 id="agent-title" className="min-w-0 truncate text-[11px] font-semibold uppercase tracking-wider text-muted">
          Agent
        </h2>
        {open ? <span className="min-w-0 flex-1 truncate text-xs" title={open.title}>{open.title}</span> : null}
      </div>
      {error ? (
        <p role="alert" className="m-3 rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
          {errorMessage(error)}
        </p>
      ) : !models.data || !threads.data ? (
        <p className="p-4 text-sm text-muted">Loading…</p>
      ) : open ? (
        <ThreadPane key={open.id} projectId={projectId} threadId={open.id} models={models.data} documents={documents} editorStatus={editorStatus} />
      ) : (
        <>
          {models.data.configured ? <NewThreadForm projectId={projectId} models={models.data} onCreated={setOpenId} /> : <ModelsHelp help={models.data.help} />}
          <ThreadList projectId={projectId} threads={threads.data} onOpen={setOpenId} onDeleted={(id) => id === openId && setOpenId(null)} />
          <UsageLine projectId={projectId} />
        </>
      )}
    </section>
  );
}
