import type { ReactNode } from 'react';

/** The tree's header: its title and the actions that apply to the focused folder. */
export function TreeToolbar({ onNewFile, onNewFolder, onCollapseAll }: { onNewFile: () => void; onNewFolder: () => void; onCollapseAll: () => void }) {
  return (
    <div className="flex h-9 shrink-0 items-center gap-0.5 border-b border-border pl-3 pr-1.5">
      <h2 className="flex-1 text-[11px] font-semibold uppercase tracking-wider text-muted">Files</h2>
      <ToolButton label="New file" onClick={onNewFile}>
        <path d="M9 1.5H4a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V5.5zM9 1.5v4h4M8 8v4M6 10h4" />
      </ToolButton>
      <ToolButton label="New folder" onClick={onNewFolder}>
        <path d="M1.5 4.5a1 1 0 0 1 1-1h3.3l1.4 1.5h6.3a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1zM8 7.5v4M6 9.5h4" />
      </ToolButton>
      <ToolButton label="Collapse all folders" onClick={onCollapseAll}>
        <path d="M4.5 6.5 8 3l3.5 3.5M4.5 13 8 9.5l3.5 3.5" />
      </ToolButton>
    </div>
  );
}

export function ToolButton({ label, onClick, children, pressed }: { label: string; onClick: () => void; children: ReactNode; pressed?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-pressed={pressed}
      title={label}
      onClick={onClick}
      className="inline-flex size-7 items-center justify-center rounded text-muted hover:bg-fg/10 hover:text-fg aria-pressed:text-fg"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </button>
  );
}
