'use client';

import { useEffect, useRef, type KeyboardEvent } from 'react';
import { parentOf } from './build-tree';
import type { TreeDialog } from './use-tree-actions';

export interface TreeMenuState {
  /** The row the menu is for; null for the empty space (the project root). */
  target: { path: string; folder: boolean } | null;
  x: number;
  y: number;
}

/** The tree's context menu (right click, Shift+F10 or the menu key). */
export function TreeMenu({ state, onClose, onOpen, onDialog }: { state: TreeMenuState; onClose: () => void; onOpen: (path: string) => void; onDialog: (dialog: TreeDialog) => void }) {
  const menu = useRef<HTMLDivElement>(null);
  const { target } = state;
  const folder = target ? (target.folder ? target.path : parentOf(target.path)) : '';
  const items: [label: string, run: () => void][] = [
    ...(target && !target.folder ? [['Open', () => onOpen(target.path)] as [string, () => void]] : []),
    ['New file…', () => onDialog({ kind: 'new-file', folder })],
    ['New folder…', () => onDialog({ kind: 'new-folder', folder })],
    ...(target
      ? ([
          ['Rename or move…', () => onDialog({ kind: 'rename', path: target.path, folder: target.folder })],
          ['Delete…', () => onDialog({ kind: 'delete', path: target.path, folder: target.folder })],
          ['Copy path', () => void navigator.clipboard?.writeText(target.path)],
        ] as [string, () => void][])
      : []),
  ];

  useEffect(() => {
    const returnFocus = document.activeElement as HTMLElement | null;
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    const away = (event: MouseEvent) => !menu.current?.contains(event.target as Node) && onClose();
    document.addEventListener('mousedown', away);
    return () => {
      document.removeEventListener('mousedown', away);
      returnFocus?.focus();
    };
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent) {
    const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const index = entries.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move) entries[(index + move + entries.length) % entries.length]?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') onClose();
    else return;
    event.preventDefault();
  }

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={target ? `Actions for ${target.path}` : 'Actions for the project'}
      onKeyDown={onKeyDown}
      style={{ left: Math.min(state.x, window.innerWidth - 200), top: Math.min(state.y, window.innerHeight - 40 * items.length) }}
      className="fixed z-50 w-48 rounded-lg border border-border bg-surface-raised p-1 text-[13px] shadow-xl"
    >
      {items.map(([label, run]) => (
        <button
          key={label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          onClick={() => {
            onClose();
            run();
          }}
          className="block w-full rounded px-2.5 py-1.5 text-left hover:bg-accent/15 focus:bg-accent/15 focus:outline-none"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
