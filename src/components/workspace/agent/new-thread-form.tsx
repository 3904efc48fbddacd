'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { AGENT_TYPES, type AgentType } from '@/lib/schemas/agent';
import { useTRPC } from '@/trpc/react';
import { errorMessage, type RouterOutputs } from '../client';
import { ModelSelect } from './thread-settings';

const TYPE_LABELS: Record<AgentType, string> = { general: 'General', 'code-reviewer': 'Code reviewer', debugger: 'Debugger', documentation: 'Documentation' };

/** Starts a thread with an agent type, a model and an approval mode. */
export function NewThreadForm({ projectId, models, onCreated }: { projectId: string; models: RouterOutputs['agent']['models']; onCreated: (threadId: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [agentType, setAgentType] = useState<AgentType>('general');
  const [modelId, setModelId] = useState(models.defaultModelId ?? models.models[0]?.id ?? '');
  const [ask, setAsk] = useState(false);
  const create = useMutation(
    trpc.agent.threads.create.mutationOptions({
      onSuccess: (thread) => {
        void queryClient.invalidateQueries({ queryKey: trpc.agent.threads.list.queryKey({ projectId }) });
        onCreated(thread.id);
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ projectId, agentType, modelId: modelId || undefined, approvalMode: ask ? 'ask' : 'auto' });
  }

  return (
    <form onSubmit={submit} aria-label="New thread" className="space-y-2 border-b border-border p-3 text-xs">
      <div className="grid grid-cols-[auto_1fr] items-center gap-x-2 gap-y-1.5">
        <label htmlFor={`${id}-type`} className="text-muted">
          Agent
        </label>
        <select id={`${id}-type`} value={agentType} onChange={(event) => setAgentType(event.target.value as AgentType)} className="min-w-0 rounded-md border border-border bg-surface-raised px-1.5 py-1 text-xs">
          {AGENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-model`} className="text-muted">
          Model
        </label>
        <ModelSelect id={`${id}-model`} models={models} value={modelId} onChange={setModelId} />
      </div>
      <label className="flex items-center gap-1.5">
        <input type="checkbox" checked={ask} onChange={(event) => setAsk(event.target.checked)} />
        Ask before writing files or running commands
      </label>
      {create.error ? (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {errorMessage(create.error)}
        </p>
      ) : null}
      <Button type="submit" className="w-full px-3 py-1.5 text-xs" disabled={create.isPending}>
        New thread
      </Button>
    </form>
  );
}
