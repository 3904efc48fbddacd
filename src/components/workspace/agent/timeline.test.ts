import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '@/lib/schemas/agent';
import { applyEvent, toolState, type Turn } from './timeline';

const fold = (events: AgentEvent[]) => events.reduce<Turn[]>(applyEvent, []);
const writeCall = { id: 'c1', name: 'write_file', args: { path: 'notes/hello.md', content: 'Hi' } };
const change: AgentEvent = { type: 'file_changed', path: 'notes/hello.md', change: 'created', beforeVersion: null, afterVersion: 1, diff: '+++ notes/hello.md\n+Hi\n' };

describe('the agent timeline', () => {
  it('joins streamed text, puts a file change on the call that made it and ends with the run', () => {
    const [turn] = fold([
      { type: 'run_started', runId: 'r1', turnId: 't1' },
      { type: 'tool_call', call: writeCall },
      change,
      { type: 'tool_result', callId: 'c1', name: 'write_file', ok: true, output: 'Created' },
      { type: 'token', text: 'Done: ' },
      { type: 'token', text: 'created.' },
      { type: 'usage', inputTokens: 10, outputTokens: 4, costUsd: 0 },
      { type: 'done', reason: 'completed' },
    ]);
    expect(turn!.status).toBe('completed');
    expect(turn!.items).toEqual([
      { kind: 'tool', call: writeCall, result: { ok: true, output: 'Created' }, changes: [change] },
      { kind: 'text', text: 'Done: created.' },
    ]);
    expect(turn!.usage).toEqual({ inputTokens: 10, outputTokens: 4, costUsd: 0 });
  });

  it('keeps one turn across an approval pause and its resumed run', () => {
    const turns = fold([
      { type: 'run_started', runId: 'r1', turnId: 't1' },
      { type: 'approval_required', calls: [writeCall] },
      { type: 'done', reason: 'awaiting_approval' },
      { type: 'approval_resolved', approved: false, reason: 'not now' },
      { type: 'run_started', runId: 'r2', turnId: 't1' },
      { type: 'token', text: 'OK.' },
      { type: 'done', reason: 'completed' },
    ]);
    expect(turns).toHaveLength(1);
    expect(turns[0]!.items[0]).toEqual({ kind: 'approval', calls: [writeCall], resolved: { approved: false, reason: 'not now' } });
    expect(turns[0]!.status).toBe('completed');
  });

  it('drops the reverted turn and everything after it', () => {
    const turns = fold([
      { type: 'run_started', runId: 'r1', turnId: 't1' },
      { type: 'done', reason: 'completed' },
      { type: 'run_started', runId: 'r2', turnId: 't2' },
      { type: 'error', message: 'The model call failed: boom' },
      { type: 'run_started', runId: 'r3', turnId: 't3' },
      { type: 'reverted', turnId: 't2' },
    ]);
    expect(turns.map((turn) => turn.turnId)).toEqual(['t1']);
  });

  it('stops a rejected call spinning: its card says rejected, and an approved one keeps running until its result', () => {
    const runCall = { id: 'c2', name: 'run_command', args: { command: 'rm -rf dist' } };
    const asked: AgentEvent[] = [
      { type: 'run_started', runId: 'r1', turnId: 't1' },
      { type: 'tool_call', call: writeCall },
      { type: 'tool_call', call: runCall },
      { type: 'approval_required', calls: [writeCall, runCall] },
      { type: 'done', reason: 'awaiting_approval' },
    ];
    const tools = (turns: Turn[]) => turns[0]!.items.filter((item) => item.kind === 'tool');
    expect(tools(fold(asked)).map((item) => toolState(item.result))).toEqual(['running…', 'running…']);

    const rejected = fold([...asked, { type: 'approval_resolved', approved: false, reason: 'not now' }, { type: 'run_started', runId: 'r2', turnId: 't1' }, { type: 'token', text: 'OK.' }, { type: 'done', reason: 'completed' }]);
    expect(tools(rejected).map((item) => item.result)).toEqual([
      { ok: false, output: 'Rejected: not now', ended: 'rejected' },
      { ok: false, output: 'Rejected: not now', ended: 'rejected' },
    ]);
    expect(tools(rejected).map((item) => toolState(item.result))).toEqual(['rejected', 'rejected']);

    const approved = fold([...asked, { type: 'approval_resolved', approved: true }, { type: 'run_started', runId: 'r2', turnId: 't1' }]);
    expect(tools(approved).map((item) => toolState(item.result))).toEqual(['running…', 'running…']);
    const finished = fold([...asked, { type: 'approval_resolved', approved: true }, { type: 'run_started', runId: 'r2', turnId: 't1' }, { type: 'tool_result', callId: 'c1', name: 'write_file', ok: true, output: 'Created' }, { type: 'done', reason: 'cancelled' }]);
    expect(tools(finished).map((item) => toolState(item.result))).toEqual(['done', 'stopped']);
  });
});
