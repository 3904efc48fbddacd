/** A unified diff with added lines in green and removed ones in red. */
export function DiffView({ diff }: { diff: string }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    <pre className="max-h-80 overflow-auto rounded-md border border-border bg-surface-sunken py-1 font-mono text-[12px] leading-5" aria-label="Diff">
      {lines.map((line, index) => (
        <div key={index} className={`px-2 ${lineClass(line)}`}>
          {line || ' '}
        </div>
      ))}
    </pre>
  );
}

function lineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'font-semibold text-muted';
  if (line.startsWith('@@')) return 'text-sky-700 dark:text-sky-300';
  if (line.startsWith('+')) return 'bg-emerald-500/15 text-emerald-800 dark:text-emerald-200';
  if (line.startsWith('-')) return 'bg-red-500/15 text-red-800 dark:text-red-200';
  return '';
}
