'use client';

import { useEffect, useRef, useState } from 'react';
import type { ThreadMessage } from '@/lib/schemas/agent';
import { ConfirmDialog } from '../dialog';
import { ApprovalCard } from './approval-card';
import { AgentMarkdown } from './markdown';
import type { Turn } from './timeline';
import { ChangeDetails, ToolCard } from './tool-card';

const STATUS_TEXT: Record<Turn['status'], string> = {
  running: 'The agent is working…',
  completed: '',
  cancelled: 'Stopped.',
  awaiting_approval: 'Waiting for your approval.',
  error: '',
};

/** The turns of a thread: the user's message, then the agent's answer, tool cards and approvals. */
export function Conversation({
  turns,
  messages,
  sent,
  awaitingApproval,
  deciding,
  onDecide,
  onRevert,
}: {
  turns: Turn[];
  messages: ThreadMessage[];
  /** Messages sent from this tab, by turn id, until the history has them. */
  sent: ReadonlyMap<string, string>;
  awaitingApproval: boolean;
  deciding: boolean;
  onDecide: (approved: boolean, reason?: string) => void;
  onRevert: (turnId: string) => void;
}) {
  const [reverting, setReverting] = useState<string | null>(null);
  const end = useRef<HTMLDivElement>(null);
  const words = new Map(messages.filter((message) => message.role === 'user' && message.turnId).map((message) => [message.turnId!, message.content]));
  // Follow the answer as it streams: anything that grows the last turn scrolls to the end.
  const last = turns.at(-1);
  const growth = `${turns.length}:${last?.items.length}:${last?.items.reduce((sum, item) => sum + (item.kind === 'text' ? item.text.length : 1), 0)}:${last?.status}`;

  useEffect(() => {
    const scroller = end.current?.closest<HTMLElement>('[data-scroller]');
    if (scroller) scroller.scrollTop = scroller.scrollHeight;
  }, [growth]);

  if (turns.length === 0) return <p className="p-4 text-center text-sm text-muted">Ask the agent to explain, change or debug this project.</p>;

  return (
    <div className="p-3">
    <ol aria-label="Conversation" className="space-y-4">
      {turns.map((turn, index) => (
        <li key={turn.turnId} className="space-y-2">
          <div className="group rounded-lg bg-accent/10 px-3 py-2 text-sm">
            <p className="sr-only">Your message:</p>
            <p className="whitespace-pre-wrap break-words">{words.get(turn.turnId) ?? sent.get(turn.turnId) ?? '…'}</p>
            {turn.status !== 'running' ? (
              <button type="button" onClick={() => setReverting(turn.turnId)} className="mt-1 text-xs text-muted underline-offset-2 hover:text-fg hover:underline focus-visible:text-fg">
                Revert to before this message
              </button>
            ) : null}
          </div>
          {turn.items.map((item, i) =>
            item.kind === 'text' ? (
              <AgentMarkdown key={i} text={item.text} />
            ) : item.kind === 'tool' ? (
              <ToolCard key={i} call={item.call} result={item.result} changes={item.changes} />
            ) : item.kind === 'change' ? (
              <div key={i} className="rounded-lg border border-border bg-surface-raised text-xs">
                <ChangeDetails change={item.change} />
              </div>
            ) : (
              <ApprovalCard key={i} calls={item.calls} resolved={item.resolved} pending={awaitingApproval && index === turns.length - 1} busy={deciding} onDecide={onDecide} />
            ),
          )}
          {turn.status === 'error' ? (
            <p role="alert" className="rounded-md bg-red-500/10 px-3 py-2 text-sm text-red-700 dark:text-red-300">
              {turn.error}
            </p>
          ) : STATUS_TEXT[turn.status] ? (
            <p className="text-xs text-muted">{STATUS_TEXT[turn.status]}</p>
          ) : null}
        </li>
      ))}
    </ol>
      <div ref={end} />
      <ConfirmDialog
        open={reverting !== null}
        title="Revert to before this message?"
        description="The files the agent changed since this message are restored, and this message and everything after it leave the conversation."
        confirmLabel="Revert"
        danger
        onConfirm={() => reverting && onRevert(reverting)}
        onClose={() => setReverting(null)}
      />
    </div>
  );
}
