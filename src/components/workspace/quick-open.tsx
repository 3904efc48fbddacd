'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTRPC } from '@/trpc/react';
import { FileIcon } from './tree/file-icon';

const MAX_RESULTS = 50;

/** Scores `path` against a fuzzy query: every character in order, closer and later in the path is better. */
export function fuzzyScore(path: string, query: string): number | null {
  if (!query) return 0;
  const haystack = path.toLowerCase();
  const name = haystack.lastIndexOf('/') + 1;
  let score = 0;
  let at = -1;
  for (const char of query.toLowerCase()) {
    const found = haystack.indexOf(char, at + 1);
    if (found < 0) return null;
    score += (found === at + 1 ? 3 : 1) + (found >= name ? 2 : 0);
    at = found;
  }
  return score - path.length / 100;
}

/** Ctrl/⌘+P: find a file by name and open it. */
export function QuickOpen({ projectId, open, onClose, onPick }: { projectId: string; open: boolean; onClose: () => void; onPick: (path: string) => void }) {
  const trpc = useTRPC();
  const files = useQuery(trpc.files.tree.queryOptions({ projectId }));
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);

  const results = useMemo(() => {
    const scored = (files.data ?? []).flatMap((file) => {
      const score = fuzzyScore(file.path, query.replace(/\s+/g, ''));
      return score === null ? [] : [{ path: file.path, score }];
    });
    return scored.sort((a, b) => b.score - a.score || a.path.localeCompare(b.path)).slice(0, MAX_RESULTS);
  }, [files.data, query]);

  const close = () => {
    setQuery('');
    setSelected(0);
    onClose();
  };
  const pick = (path: string | undefined) => {
    if (!path) return;
    close();
    onPick(path);
  };

  function onKeyDown(event: KeyboardEvent) {
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move) {
      event.preventDefault();
      setSelected((index) => (index + move + results.length) % Math.max(results.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      pick(results[selected]?.path);
    }
  }

  useEffect(() => {
    document.getElementById(`${id}-option-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, selected]);

  return (
    <dialog ref={dialog} onClose={close} aria-label="Open a file" className="mx-auto mt-[12vh] w-[min(36rem,calc(100vw-2rem))] rounded-xl border border-border bg-surface-raised p-0 text-fg shadow-2xl backdrop:bg-black/30">
      {open ? (
        <div onKeyDown={onKeyDown}>
          <input
            autoFocus
            role="combobox"
            aria-expanded="true"
            aria-controls={`${id}-list`}
            aria-activedescendant={results[selected] ? `${id}-option-${selected}` : undefined}
            aria-label="File name"
            placeholder="Type to find a file…"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setSelected(0);
            }}
            spellCheck={false}
            className="w-full border-b border-border bg-transparent px-4 py-3 text-sm outline-none placeholder:text-muted"
          />
          <ul id={`${id}-list`} role="listbox" aria-label="Files" className="max-h-80 overflow-auto p-1">
            {results.map((result, index) => {
              const slash = result.path.lastIndexOf('/');
              return (
                <li
                  key={result.path}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === selected}
                  onMouseMove={() => setSelected(index)}
                  onClick={() => pick(result.path)}
                  className={`flex cursor-pointer items-center gap-2 rounded-md px-3 py-1.5 text-[13px] ${index === selected ? 'bg-accent/15' : ''}`}
                >
                  <FileIcon name={result.path.slice(slash + 1)} />
                  <span>{result.path.slice(slash + 1)}</span>
                  <span className="truncate text-xs text-muted">{slash > 0 ? result.path.slice(0, slash) : ''}</span>
                </li>
              );
            })}
            {results.length === 0 ? <li className="px-3 py-2 text-sm text-muted">No file matches.</li> : null}
          </ul>
        </div>
      ) : null}
    </dialog>
  );
}
