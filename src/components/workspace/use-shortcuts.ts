'use client';

import { useEffect, useRef } from 'react';

export interface Shortcuts {
  save: () => void;
  quickOpen: () => void;
  toggleTerminal: () => void;
}

/**
 * Workspace keys, caught before Monaco or xterm see them: Ctrl/⌘+S saves, Ctrl/⌘+P opens a file
 * by name, Ctrl+` shows or hides the terminal.
 */
export function useShortcuts(shortcuts: Shortcuts) {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      let run: (() => void) | undefined;
      if (mod && !event.shiftKey && !event.altKey && event.code === 'KeyS') run = latest.current.save;
      else if (mod && !event.shiftKey && !event.altKey && event.code === 'KeyP') run = latest.current.quickOpen;
      else if (event.ctrlKey && event.code === 'Backquote') run = latest.current.toggleTerminal;
      if (!run) return;
      event.preventDefault();
      event.stopPropagation();
      run();
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
