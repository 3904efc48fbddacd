import type { AgentEvent, AgentToolCall } from '@/lib/schemas/agent';
import { DiffView } from './diff-view';
import { toolState, type ToolResult } from './timeline';

type FileChange = Extract<AgentEvent, { type: 'file_changed' }>;

/** What a call acts on, for its card's title: a path, a command or a search. */
export function callTarget(call: AgentToolCall): string {
  const { path, command, query, pattern } = call.args as Record<string, unknown>;
  const target = command ?? path ?? query ?? pattern;
  return typeof target === 'string' ? target : '';
}

/** A tool call: its name and target, the diffs it made, and its output once it returns. */
export function ToolCard({ call, result, changes }: { call: AgentToolCall; result: ToolResult | null; changes: FileChange[] }) {
  const target = callTarget(call);
  const state = toolState(result);
  return (
    <article aria-label={`Tool ${call.name}${target ? ` ${target}` : ''}`} className="rounded-lg border border-border bg-surface-raised text-xs">
      <header className="flex items-center gap-2 px-2.5 py-1.5">
        <span className="rounded bg-surface-sunken px-1.5 py-0.5 font-mono font-medium">{call.name}</span>
        <span className="min-w-0 flex-1 truncate font-mono text-muted" title={target}>
          {target}
        </span>
        <span className={result && !result.ok && !result.ended ? 'text-red-600 dark:text-red-400' : 'text-muted'}>{state}</span>
      </header>
      {changes.map((change, index) => (
        <ChangeDetails key={index} change={change} />
      ))}
      {result && !result.ended && (call.name === 'run_command' || !result.ok) ? (
        <details open={call.name === 'run_command' || !result.ok} className="border-t border-border px-2.5 py-1.5">
          <summary className="cursor-pointer text-muted">{call.name === 'run_command' ? 'Command output' : 'Error'}</summary>
          <pre className="mt-1.5 max-h-60 overflow-auto rounded-md bg-surface-sunken p-2 font-mono text-[12px] whitespace-pre-wrap">{result.output || '(no output)'}</pre>
        </details>
      ) : null}
    </article>
  );
}

/** A file the agent created, changed or deleted, with its collapsible diff. */
export function ChangeDetails({ change }: { change: FileChange }) {
  const counts = countLines(change.diff);
  return (
    <details open className="border-t border-border px-2.5 py-1.5">
      <summary className="cursor-pointer">
        <span className="font-mono">{change.path}</span> <span className="text-muted">{change.change}</span> <span className="text-emerald-700 dark:text-emerald-300">+{counts.added}</span>{' '}
        <span className="text-red-700 dark:text-red-300">-{counts.removed}</span>
      </summary>
      <div className="mt-1.5">
        <DiffView diff={change.diff} />
      </div>
    </details>
  );
}

function countLines(diff: string) {
  const lines = diff.split('\n');
  return {
    added: lines.filter((line) => line.startsWith('+') && !line.startsWith('+++')).length,
    removed: lines.filter((line) => line.startsWith('-') && !line.startsWith('---')).length,
  };
}
