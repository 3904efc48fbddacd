'use client';

import { useId, type ClipboardEvent, type KeyboardEvent } from 'react';
import { npmPackageSpecSchema, projectConfigurationSchema } from '@/lib/schemas/projects';

const listSchema = projectConfigurationSchema.shape.additionalDependencies;

const packageName = (spec: string) => {
  const at = spec.lastIndexOf('@');
  return at > 0 ? spec.slice(0, at) : spec;
};

/** Why `spec` cannot join `list`, checked with the same schema the server applies. */
function problemWith(spec: string, list: readonly string[]): string | undefined {
  const parsed = npmPackageSpecSchema.safeParse(spec);
  if (!parsed.success) return parsed.error.issues[0]?.message;
  if (list.some((existing) => packageName(existing) === packageName(parsed.data))) return `${packageName(parsed.data)} is already in the list.`;
  const withIt = listSchema.safeParse([...list, parsed.data]);
  return withIt.success ? undefined : withIt.error.issues[0]?.message;
}

/** The problem with a typed, not yet added dependency, if any. */
export function dependencyDraftProblem(draft: string, list: readonly string[]): string | undefined {
  const spec = draft.trim();
  return spec ? problemWith(spec, list) : undefined;
}

/**
 * Extra npm packages as removable chips. What is typed is validated on every keystroke; Enter,
 * comma or space adds it, and a pasted list is split into its packages.
 */
export function DependenciesField({
  value,
  onChange,
  draft,
  onDraftChange: setDraft,
}: {
  value: string[];
  onChange: (next: string[]) => void;
  /** What is typed but not added yet; the wizard refuses to go on while it is invalid. */
  draft: string;
  onDraftChange: (draft: string) => void;
}) {
  const id = useId();
  const spec = draft.trim();
  const problem = dependencyDraftProblem(draft, value);

  function add(): void {
    if (!spec || problem) return;
    onChange([...value, npmPackageSpecSchema.parse(spec)]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',' || (event.key === ' ' && spec)) {
      event.preventDefault();
      add();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  function onPaste(event: ClipboardEvent<HTMLInputElement>) {
    const tokens = event.clipboardData.getData('text').split(/[\s,]+/).filter(Boolean);
    if (tokens.length < 2) return;
    event.preventDefault();
    const next = [...value];
    const rejected: string[] = [];
    for (const token of tokens) (problemWith(token, next) ? rejected : next).push(token);
    onChange(next);
    setDraft(rejected.join(' '));
  }

  const describedBy = [`${id}-hint`, problem ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold">
        Extra dependencies
      </label>
      <div className="flex flex-wrap items-center gap-1.5 rounded-md border border-border bg-surface-raised p-1.5 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-accent has-aria-invalid:border-red-500">
        {value.map((dependency) => (
          <span key={dependency} className="inline-flex items-center gap-1 rounded-md bg-surface-sunken py-0.5 pl-2 pr-0.5 font-mono text-xs">
            {dependency}
            <button
              type="button"
              onClick={() => onChange(value.filter((item) => item !== dependency))}
              aria-label={`Remove ${dependency}`}
              className="flex size-5 items-center justify-center rounded text-muted hover:bg-border hover:text-fg"
            >
              <svg viewBox="0 0 16 16" className="size-3" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" aria-hidden="true">
                <path d="m4.5 4.5 7 7m0-7-7 7" />
              </svg>
            </button>
          </span>
        ))}
        <input
          id={id}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={add}
          placeholder={value.length === 0 ? 'zod, date-fns@^4 …' : 'Add another'}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={describedBy}
          className="min-w-40 flex-1 bg-transparent px-1.5 py-1 font-mono text-sm outline-none! placeholder:font-sans placeholder:text-muted"
        />
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted">
        Registry packages installed with the project, as <code className="font-mono">name</code> or <code className="font-mono">name@version</code>. Press Enter to add.
      </p>
      <p id={`${id}-error`} aria-live="polite" className="text-xs text-red-600 dark:text-red-400">
        {problem}
      </p>
    </div>
  );
}
