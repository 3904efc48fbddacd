'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { useTRPC } from '@/trpc/react';
import type { RouterOutputs } from '../client';
import { ToolButton } from '../tree/tree-toolbar';

type PortList = RouterOutputs['processes']['ports'];

/**
 * The running app in an iframe. Its URL is on another origin (only the owner gets one), so the
 * page can't read where the app navigated: the URL bar shows the path this panel loaded.
 */
export function PreviewPanel({
  projectId,
  active,
  devPort,
  idle,
  onStartDevServer,
}: {
  projectId: string;
  /** Poll for listening ports only while the sandbox is up. */
  active: boolean;
  devPort: number;
  /** Shown instead when nothing listens: setup progress, or why the dev server isn't running. */
  idle: React.ReactNode;
  onStartDevServer: (() => void) | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosenPort, setChosenPort] = useState<number | null>(null);
  const [path, setPath] = useState('/');
  const [draft, setDraft] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const portsOptions = trpc.processes.ports.queryOptions(
    { projectId },
    {
      enabled: active,
      refetchInterval: 3_000,
      staleTime: 0,
      // Each answer carries a freshly signed URL; keep the one already loaded, or the iframe would reload every poll.
      structuralSharing: (old, next) => {
        const previous = new Map((old as PortList | undefined)?.map((entry) => [entry.port, entry]));
        return (next as PortList).map((entry) => previous.get(entry.port) ?? entry);
      },
    },
  );
  const ports = useQuery(portsOptions);
  const reload = () => {
    // A new signed URL as well, in case the one loaded has expired.
    queryClient.removeQueries({ queryKey: portsOptions.queryKey });
    void ports.refetch();
    setGeneration((g) => g + 1);
  };

  const list = ports.data ?? [];
  const current = list.find((entry) => entry.port === chosenPort) ?? list.find((entry) => entry.port === devPort) ?? list[0];
  const base = current ? new URL(current.previewUrl, typeof window === 'undefined' ? 'http://localhost' : window.location.href) : null;
  const src = base ? new URL(path.replace(/^\/*/, ''), base).href : null;

  function go(event: FormEvent) {
    event.preventDefault();
    if (draft === null) return;
    const typed = draft.trim();
    // Accept a full preview URL or just a path.
    const next = base && typed.startsWith(base.origin) ? typed.slice(base.origin.length) : typed;
    setPath(next.startsWith('/') ? next : `/${next}`);
    setDraft(null);
    setGeneration((g) => g + 1);
  }

  return (
    <section aria-label="Preview" className="flex h-full flex-col bg-surface-sunken">
      <div className="flex h-9 shrink-0 items-center gap-1 border-b border-border px-1.5">
        <ToolButton label="Reload the preview" onClick={reload}>
          <path d="M13 8a5 5 0 1 1-1.5-3.5M13 3v3h-3" />
        </ToolButton>
        <form onSubmit={go} className="min-w-0 flex-1">
          <label htmlFor="preview-url" className="sr-only">
            Preview address
          </label>
          <input
            id="preview-url"
            value={draft ?? (src ?? '')}
            placeholder="Nothing is running yet"
            disabled={!src}
            spellCheck={false}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => setDraft(null)}
            className="h-7 w-full rounded-md border border-border bg-surface-raised px-2 font-mono text-xs text-fg placeholder:text-muted disabled:opacity-60"
          />
        </form>
        {list.length > 1 ? (
          <>
            <label htmlFor="preview-port" className="sr-only">
              Port
            </label>
            <select
              id="preview-port"
              value={current?.port}
              onChange={(event) => setChosenPort(Number(event.target.value))}
              className="h-7 rounded-md border border-border bg-surface-raised px-1 text-xs"
            >
              {list.map((entry) => (
                <option key={entry.port} value={entry.port}>
                  :{entry.port}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <a
          href={src ?? undefined}
          target="_blank"
          rel="noopener noreferrer"
          aria-label="Open the preview in a new tab"
          aria-disabled={!src}
          title="Open in a new tab"
          className="inline-flex size-7 items-center justify-center rounded text-muted hover:bg-fg/10 hover:text-fg aria-disabled:pointer-events-none aria-disabled:opacity-50"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M9 2.5h4.5V7M13.5 2.5 7.5 8.5M12 9.5v3a1 1 0 0 1-1 1H3.5a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3" />
          </svg>
        </a>
      </div>
      <div className="relative min-h-0 flex-1">
        {src ? (
          <iframe key={`${src}#${generation}`} src={src} title="Preview of the running app" className="absolute inset-0 size-full border-0" sandbox="allow-scripts allow-same-origin allow-forms allow-modals allow-popups allow-downloads" />
        ) : (
          <div className="absolute inset-0 flex flex-col items-center justify-center gap-3 bg-surface-sunken p-6 text-center text-sm text-muted">
            {idle}
            {active && onStartDevServer ? (
              <Button variant="secondary" onClick={onStartDevServer}>
                Start the dev server
              </Button>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}
