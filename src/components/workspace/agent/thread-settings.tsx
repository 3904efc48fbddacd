'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import type { ApprovalMode } from '@/lib/schemas/agent';
import { useTRPC } from '@/trpc/react';
import { errorMessage, type RouterOutputs } from '../client';

type Thread = RouterOutputs['agent']['threads']['get']['thread'];
type Models = RouterOutputs['agent']['models'];

const SELECT = 'min-w-0 rounded-md border border-border bg-surface-raised px-1.5 py-1 text-xs';

/** The open thread's model and approval mode, changeable between runs. */
export function ThreadSettings({ thread, models }: { thread: Thread; models: Models }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const update = useMutation(
    trpc.agent.threads.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.agent.threads.get.queryKey({ threadId: thread.id }) }),
    }),
  );
  return (
    <div className="space-y-1.5 border-b border-border px-3 py-2 text-xs">
      <div className="flex items-center justify-between gap-2">
        <span className="rounded bg-surface-sunken px-1.5 py-0.5 text-muted">{thread.agentType}</span>
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={thread.approvalMode === 'ask'}
            disabled={update.isPending}
            onChange={(event) => update.mutate({ threadId: thread.id, approvalMode: (event.target.checked ? 'ask' : 'auto') satisfies ApprovalMode })}
          />
          Ask before changes
        </label>
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-model`} className="text-muted">
          Model
        </label>
        <ModelSelect id={`${id}-model`} models={models} value={thread.modelId ?? models.defaultModelId ?? ''} onChange={(modelId) => update.mutate({ threadId: thread.id, modelId })} disabled={update.isPending} />
      </div>
      {update.error ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {errorMessage(update.error)}
        </p>
      ) : null}
    </div>
  );
}

/** The configured models, shown by label with their id. */
export function ModelSelect({ id, models, value, onChange, disabled }: { id: string; models: Models; value: string; onChange: (modelId: string) => void; disabled?: boolean }) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} disabled={disabled} className={`${SELECT} max-w-full flex-1`}>
      {models.models.map((model) => (
        <option key={model.id} value={model.id}>
          {model.label === model.id ? model.id : `${model.label} (${model.id})`}
        </option>
      ))}
    </select>
  );
}
