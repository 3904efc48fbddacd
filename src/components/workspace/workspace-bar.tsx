import Link from 'next/link';
import type { ReactNode } from 'react';
import { Kbd } from './kbd';
import type { PanelName } from './use-panels';

const TOGGLES: [PanelName, string, ReactNode][] = [
  ['files', 'Files', <path key="f" d="M2 3.5h4l1.5 1.5H14v8H2zM2 6.5h12" />],
  ['terminal', 'Terminal', <path key="t" d="M2 3h12v10H2zM4.5 6l2 2-2 2M8 10.5h3" />],
  ['preview', 'Preview', <path key="p" d="M2 3h12v10H2zM2 5.5h12M4 4.2h.01M5.5 4.2h.01" />],
  ['agent', 'Agent', <path key="a" d="M8 2l1.3 3.7L13 7l-3.7 1.3L8 12l-1.3-3.7L3 7l3.7-1.3zM12.5 11l.6 1.4 1.4.6-1.4.6-.6 1.4-.6-1.4-1.4-.6 1.4-.6z" />],
];

/** The workspace's own header: where you are, quick open, and which panels are shown. */
export function WorkspaceBar({ name, framework, open, onToggle, onQuickOpen }: { name: string; framework: string; open: Record<PanelName, boolean>; onToggle: (panel: PanelName) => void; onQuickOpen: () => void }) {
  return (
    <div className="flex h-10 shrink-0 items-center gap-3 border-b border-border bg-surface px-3">
      <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-sm">
        <Link href="/projects" className="text-muted hover:text-fg">
          Projects
        </Link>
        <span aria-hidden="true" className="text-muted">
          /
        </span>
        <h1 className="truncate font-semibold">{name}</h1>
        <span className="ml-1 shrink-0 rounded-full border border-border px-2 py-0.5 text-[11px] text-muted">{framework}</span>
      </nav>
      <button
        type="button"
        onClick={onQuickOpen}
        className="mx-auto hidden h-7 w-full max-w-sm items-center gap-2 rounded-md border border-border bg-surface-sunken px-2.5 text-left text-xs text-muted hover:text-fg md:flex"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round">
          <circle cx="7" cy="7" r="4.5" />
          <path d="M10.5 10.5 14 14" />
        </svg>
        <span className="flex-1">Go to file…</span>
        <Kbd keys="Ctrl P" />
      </button>
      <div role="group" aria-label="Panels" className="ml-auto flex shrink-0 items-center gap-0.5 md:ml-0">
        {TOGGLES.map(([panel, label, icon]) => (
          <button
            key={panel}
            type="button"
            aria-pressed={open[panel]}
            onClick={() => onToggle(panel)}
            title={panel === 'terminal' ? `${label} (Ctrl+\`)` : label}
            className="inline-flex h-7 items-center gap-1.5 rounded-md px-2 text-xs text-muted hover:bg-fg/5 hover:text-fg aria-pressed:bg-accent/15 aria-pressed:text-fg"
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" strokeLinecap="round">
              {icon}
            </svg>
            <span className="hidden lg:inline">{label}</span>
            <span className="sr-only lg:hidden">{label}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
