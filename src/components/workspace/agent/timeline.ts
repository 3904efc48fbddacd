import type { AgentEvent, AgentToolCall } from '@/lib/schemas/agent';

type FileChange = Extract<AgentEvent, { type: 'file_changed' }>;

/** How a tool call ended: its own result, or `rejected` by the user, or `stopped` with its run (cancel, error). */
export type ToolResult = { ok: boolean; output: string; ended?: 'rejected' | 'stopped' };

export type TimelineItem =
  | { kind: 'text'; text: string }
  | { kind: 'tool'; call: AgentToolCall; result: ToolResult | null; changes: FileChange[] }
  | { kind: 'change'; change: FileChange }
  | { kind: 'approval'; calls: AgentToolCall[]; resolved: { approved: boolean; reason?: string } | null };

export type TurnStatus = 'running' | 'completed' | 'cancelled' | 'awaiting_approval' | 'error';

/** One user message and everything the agent did for it (across approval pauses). */
export interface Turn {
  turnId: string;
  items: TimelineItem[];
  status: TurnStatus;
  error: string | null;
  usage: { inputTokens: number; outputTokens: number; costUsd: number } | null;
}

/**
 * Folds a thread's event log into turns. The log is the whole story (diffs included), so the
 * conversation is rebuilt from it on every load; the user's own words come from `threads.get`.
 */
export function applyEvent(turns: Turn[], event: AgentEvent): Turn[] {
  if (event.type === 'run_started') {
    const existing = turns.find((turn) => turn.turnId === event.turnId);
    if (existing) return replace(turns, existing, { ...existing, status: 'running', error: null });
    return [...turns, { turnId: event.turnId, items: [], status: 'running', error: null, usage: null }];
  }
  if (event.type === 'reverted') {
    const index = turns.findIndex((turn) => turn.turnId === event.turnId);
    return index === -1 ? turns : turns.slice(0, index);
  }
  const turn = turns.at(-1);
  if (!turn) return turns;
  return replace(turns, turn, applyToTurn(turn, event));
}

function applyToTurn(turn: Turn, event: AgentEvent): Turn {
  const items = turn.items;
  const last = items.at(-1);
  switch (event.type) {
    case 'token':
      return last?.kind === 'text' ? { ...turn, items: [...items.slice(0, -1), { kind: 'text', text: last.text + event.text }] } : { ...turn, items: [...items, { kind: 'text', text: event.text }] };
    case 'tool_call':
      return { ...turn, items: [...items, { kind: 'tool', call: event.call, result: null, changes: [] }] };
    case 'tool_result':
      return { ...turn, items: items.map((item) => (item.kind === 'tool' && item.call.id === event.callId ? { ...item, result: { ok: event.ok, output: event.output } } : item)) };
    case 'file_changed': {
      // A change belongs to the tool call that is still running and names that path.
      const index = items.findLastIndex((item) => item.kind === 'tool' && item.result === null && (item.call.args.path === undefined || item.call.args.path === event.path));
      if (index === -1) return { ...turn, items: [...items, { kind: 'change', change: event }] };
      return { ...turn, items: items.map((item, i) => (i === index && item.kind === 'tool' ? { ...item, changes: [...item.changes, event] } : item)) };
    }
    case 'approval_required':
      return { ...turn, items: [...items, { kind: 'approval', calls: event.calls, resolved: null }] };
    case 'approval_resolved': {
      const index = items.findLastIndex((item) => item.kind === 'approval' && item.resolved === null);
      const approval = items[index];
      const resolved = items.map((item, i) => (i === index && item.kind === 'approval' ? { ...item, resolved: { approved: event.approved, reason: event.reason } } : item));
      if (event.approved || approval?.kind !== 'approval') return { ...turn, items: resolved };
      // A rejected call never runs, so no tool_result will come for it.
      const rejected = new Set(approval.calls.map((call) => call.id));
      const output = event.reason ? `Rejected: ${event.reason}` : 'Rejected.';
      return { ...turn, items: endPendingCalls(resolved, (call) => rejected.has(call.id), { ok: false, output, ended: 'rejected' }) };
    }
    case 'usage': {
      const before = turn.usage ?? { inputTokens: 0, outputTokens: 0, costUsd: 0 };
      return { ...turn, usage: { inputTokens: before.inputTokens + event.inputTokens, outputTokens: before.outputTokens + event.outputTokens, costUsd: before.costUsd + event.costUsd } };
    }
    case 'done':
      // Paused for approval, the calls are still to come; cancelled, they never will.
      if (event.reason === 'cancelled') return { ...turn, status: event.reason, items: endPendingCalls(items, () => true, { ok: false, output: '', ended: 'stopped' }) };
      return { ...turn, status: event.reason };
    case 'error':
      return { ...turn, status: 'error', error: event.message, items: endPendingCalls(items, () => true, { ok: false, output: '', ended: 'stopped' }) };
    default:
      return turn;
  }
}

/** A tool card's status word: `running…` only while a result can still come. */
export function toolState(result: ToolResult | null): 'running…' | 'done' | 'failed' | 'rejected' | 'stopped' {
  if (result === null) return 'running…';
  return result.ended ?? (result.ok ? 'done' : 'failed');
}

function endPendingCalls(items: TimelineItem[], which: (call: AgentToolCall) => boolean, result: ToolResult): TimelineItem[] {
  return items.map((item) => (item.kind === 'tool' && item.result === null && which(item.call) ? { ...item, result } : item));
}

function replace(turns: Turn[], target: Turn, next: Turn): Turn[] {
  return turns.map((turn) => (turn === target ? next : turn));
}
