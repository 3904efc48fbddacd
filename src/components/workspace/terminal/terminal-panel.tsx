'use client';

import dynamic from 'next/dynamic';
import { ToolButton } from '../tree/tree-toolbar';
import type { Terminals } from './use-terminals';

const XtermView = dynamic(() => import('./xterm-view'), { ssr: false });

const focusTerminal = (id: string) => requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>(`#terminal-${id} textarea`)?.focus());

/** Terminal tabs over their xterms; hidden ones stay mounted and keep their screen. */
export function TerminalPanel({ terminals, visible, dark, fontSize, waiting, onHide }: { terminals: Terminals; visible: boolean; dark: boolean; fontSize: number; waiting: string | null; onHide: () => void }) {
  const { active } = terminals;
  return (
    <section aria-label="Terminal" className="flex h-full flex-col border-t border-border bg-surface-raised">
      <div className="flex h-9 shrink-0 items-center gap-1 border-b border-border bg-surface-sunken pl-2 pr-1.5">
        <div role="tablist" aria-label="Terminals" className="flex min-w-0 flex-1 items-center gap-0.5 overflow-x-auto">
          {terminals.terminals.map((terminal) => {
            const selected = terminal.id === active?.id;
            const state = terminals.connections[terminal.id];
            const exited = state === 'exited' || terminal.exitCode !== null;
            return (
              <button
                key={terminal.id}
                type="button"
                role="tab"
                aria-selected={selected}
                aria-controls={`terminal-${terminal.id}`}
                onClick={() => {
                  terminals.select(terminal.id);
                  focusTerminal(terminal.id);
                }}
                className={`flex h-7 shrink-0 items-center gap-1.5 rounded px-2.5 text-xs ${selected ? 'bg-surface-raised text-fg shadow-sm' : 'text-muted hover:text-fg'}`}
              >
                <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M3 4.5l3 3-3 3M8 11.5h5" />
                </svg>
                <span className={exited ? 'line-through opacity-70' : undefined}>{terminal.title}</span>
                {state === 'reconnecting' ? <span className="text-amber-600 dark:text-amber-300">(reconnecting)</span> : null}
                {exited ? <span className="sr-only">(exited)</span> : null}
              </button>
            );
          })}
        </div>
        <ToolButton label="New terminal" onClick={() => void terminals.create({ focus: true })}>
          <path d="M8 3.5v9M3.5 8h9" />
        </ToolButton>
        {active ? (
          <ToolButton label={`Close ${active.title}`} onClick={() => void terminals.kill(active.id)}>
            <path d="M3.5 4.5h9M6.5 4.5V3h3v1.5M5 4.5l.5 8.5h5l.5-8.5" />
          </ToolButton>
        ) : null}
        <ToolButton label="Hide the terminal (Ctrl+`)" onClick={onHide}>
          <path d="M4 6l4 4 4-4" />
        </ToolButton>
      </div>
      <div className="relative min-h-0 flex-1">
        {terminals.terminals.map((terminal) => (
          <div key={terminal.id} id={`terminal-${terminal.id}`} role="tabpanel" aria-label={terminal.title} hidden={terminal.id !== active?.id} className="absolute inset-0">
            <XtermView
              projectId={terminal.projectId}
              terminalId={terminal.id}
              visible={visible && terminal.id === active?.id}
              dark={dark}
              fontSize={fontSize}
              focus={terminal.id === terminals.focusId}
              onConnection={(state) => terminals.setConnection(terminal.id, state)}
              onSize={terminals.reportSize}
            />
          </div>
        ))}
        {waiting || terminals.loading || terminals.error || terminals.terminals.length === 0 ? (
          <p role={terminals.error ? 'alert' : 'status'} className="absolute inset-0 flex items-center justify-center p-4 text-center text-xs text-muted">
            {terminals.error ?? waiting ?? (terminals.loading ? 'Opening a terminal…' : 'No terminal is open.')}
          </p>
        ) : null}
      </div>
    </section>
  );
}
