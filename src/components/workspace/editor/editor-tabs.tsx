'use client';

import type { KeyboardEvent } from 'react';
import { useStore } from '../store';
import { FileIcon } from '../tree/file-icon';
import type { Documents } from './documents';
import { baseName } from './languages';

/** Open files as tabs: arrow keys move between them, Delete closes one, a dot marks unsaved edits. */
export function EditorTabs({ documents }: { documents: Documents }) {
  const docs = useStore(documents.state, (s) => s.docs);
  const active = useStore(documents.state, (s) => s.active);

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step) {
      event.preventDefault();
      const next = docs[(index + step + docs.length) % docs.length];
      if (next) {
        documents.activate(next.path);
        document.getElementById(tabId(next.path))?.focus();
      }
    } else if (event.key === 'Delete') {
      event.preventDefault();
      documents.close(docs[index]!.path);
    }
  }

  if (docs.length === 0) return <div className="h-9 shrink-0 border-b border-border bg-surface-sunken" />;
  return (
    <div role="tablist" aria-label="Open files" className="flex h-9 shrink-0 overflow-x-auto border-b border-border bg-surface-sunken [scrollbar-width:thin]">
      {docs.map((doc, index) => {
        const selected = doc.path === active;
        const name = baseName(doc.path);
        return (
          <div
            key={doc.path}
            title={doc.path}
            className={`group relative flex shrink-0 items-center border-r border-border text-[13px] ${selected ? 'bg-surface-raised text-fg' : 'text-muted hover:bg-surface-raised/60'}`}
            onAuxClick={(event) => event.button === 1 && documents.close(doc.path)}
          >
            {selected ? <span aria-hidden="true" className="absolute inset-x-0 top-0 h-0.5 bg-accent" /> : null}
            <button
              type="button"
              role="tab"
              id={tabId(doc.path)}
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              onClick={() => documents.activate(doc.path)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className="flex h-full items-center gap-1.5 pl-3 pr-1 outline-offset-[-2px]"
            >
              <FileIcon name={name} />
              <span className={doc.stale === 'deleted' ? 'line-through' : undefined}>{name}</span>
              {doc.dirty ? <span className="sr-only">(unsaved)</span> : null}
            </button>
            <button
              type="button"
              tabIndex={-1}
              aria-label={`Close ${name}`}
              onClick={() => documents.close(doc.path)}
              className="mr-1.5 flex size-5 items-center justify-center rounded text-muted hover:bg-surface-sunken hover:text-fg"
            >
              {doc.dirty ? (
                <span data-testid="unsaved-marker" aria-hidden="true" className="size-2 rounded-full bg-fg/70 group-hover:hidden" />
              ) : null}
              <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-3.5 ${doc.dirty ? 'hidden group-hover:block' : selected ? '' : 'opacity-0 group-hover:opacity-100'}`}>
                <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
              </svg>
            </button>
          </div>
        );
      })}
    </div>
  );
}

export const tabId = (path: string) => `tab-${path.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
