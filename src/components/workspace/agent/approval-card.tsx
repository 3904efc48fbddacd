'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { AgentToolCall } from '@/lib/schemas/agent';
import { DiffView } from './diff-view';
import { callTarget } from './tool-card';

/** What the agent wants to do, shown before it may: the new content, the edits or the command. */
function Proposal({ call }: { call: AgentToolCall }) {
  const args = call.args as { path?: string; content?: string; command?: string; edits?: { search: string; replace: string }[] };
  if (call.name === 'run_command') return <pre className="rounded-md bg-surface-sunken p-2 font-mono text-[12px] whitespace-pre-wrap">$ {args.command}</pre>;
  if (call.name === 'write_file' && typeof args.content === 'string') return <DiffView diff={`+++ ${args.path}\n${prefix(args.content, '+')}`} />;
  if (call.name === 'edit_file' && Array.isArray(args.edits)) {
    return <DiffView diff={`+++ ${args.path}\n${args.edits.map((edit) => `@@\n${prefix(edit.search, '-')}\n${prefix(edit.replace, '+')}`).join('\n')}`} />;
  }
  return <pre className="rounded-md bg-surface-sunken p-2 font-mono text-[12px] whitespace-pre-wrap">{JSON.stringify(call.args, null, 2)}</pre>;
}

const prefix = (text: string, mark: string) =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .map((line) => `${mark}${line}`)
    .join('\n');

/** The calls waiting for a decision, with approve and reject (and an optional reason). */
export function ApprovalCard({ calls, resolved, pending, busy, onDecide }: { calls: AgentToolCall[]; resolved: { approved: boolean; reason?: string } | null; pending: boolean; busy: boolean; onDecide: (approved: boolean, reason?: string) => void }) {
  const [reason, setReason] = useState('');
  return (
    <section aria-label="Approval" className="space-y-2 rounded-lg border border-amber-500/50 bg-amber-500/5 p-2.5 text-xs">
      <h3 className="font-semibold">{resolved ? (resolved.approved ? 'Approved' : 'Rejected') : 'The agent asks for approval'}</h3>
      {resolved?.reason ? <p className="text-muted">Reason: {resolved.reason}</p> : null}
      {calls.map((call) => (
        <div key={call.id} className="space-y-1">
          <p>
            <span className="font-mono font-medium">{call.name}</span> <span className="font-mono text-muted">{callTarget(call)}</span>
          </p>
          {resolved ? null : <Proposal call={call} />}
        </div>
      ))}
      {pending && !resolved ? (
        <div className="space-y-2">
          <label className="block space-y-1">
            <span className="text-muted">Reason (optional, sent to the agent)</span>
            <input value={reason} onChange={(event) => setReason(event.target.value)} className="block w-full rounded-md border border-border bg-surface px-2 py-1 text-xs" />
          </label>
          <div className="flex gap-2">
            <Button className="px-2.5 py-1 text-xs" disabled={busy} onClick={() => onDecide(true, reason || undefined)}>
              Approve
            </Button>
            <Button variant="danger" className="px-2.5 py-1 text-xs" disabled={busy} onClick={() => onDecide(false, reason || undefined)}>
              Reject
            </Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
