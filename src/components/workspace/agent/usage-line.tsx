'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

const tokens = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const usd = (value: number) => `$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`;

function Totals({ label, totals }: { label: string; totals: { inputTokens: number; outputTokens: number; costUsd: number } }) {
  return (
    <span>
      {label}: <span title={`${totals.inputTokens} tokens in, ${totals.outputTokens} tokens out`}>{tokens.format(totals.inputTokens)} in / {tokens.format(totals.outputTokens)} out</span> · {usd(totals.costUsd)}
    </span>
  );
}

/** Tokens and cost so far: this thread's (when one is open) and the whole project's. */
export function UsageLine({ projectId, threadId }: { projectId: string; threadId?: string }) {
  const trpc = useTRPC();
  const usage = useQuery(trpc.agent.usage.queryOptions({ projectId, threadId }));
  if (!usage.data) return null;
  return (
    <p aria-label="Usage" className="flex flex-wrap gap-x-3 gap-y-0.5 border-t border-border px-3 py-1.5 text-[11px] text-muted">
      {usage.data.thread ? <Totals label="Thread" totals={usage.data.thread} /> : null}
      <Totals label="Project" totals={usage.data.project} />
    </p>
  );
}
