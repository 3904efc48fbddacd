'use client';

import { useEffect, useRef } from 'react';
import type { RouterOutputs } from './client';
import type { Documents } from './editor/documents';
import type { useWorkspaceSession } from './use-workspace-session';

const SAVE_DELAY_MS = 800;

function readList(key: string): string[] {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Open tabs go to the editor session (`activeFiles`, in tab order), so they come back on reload
 * and on other devices. This browser keeps a copy too, so tabs reopen at once instead of after the
 * session (and its sandbox) is up, and the active tab, which the session has no field for.
 */
export function usePersistedTabs({ documents, session, storageKey, terminals }: { documents: Documents; session: ReturnType<typeof useWorkspaceSession>; storageKey: string; terminals: RouterOutputs['terminals']['list'] }) {
  const { state, update } = session;
  const restored = useRef<string | null>(null);
  const activeKey = `${storageKey}:active-tab`;
  const tabsKey = `${storageKey}:tabs`;

  // This browser's copy, at once; it also keeps that copy current.
  useEffect(() => {
    const saved = readList(tabsKey);
    if (saved.length > 0) void documents.restore(saved, window.localStorage.getItem(activeKey));
    return documents.state.subscribe(() => {
      const { docs, active } = documents.state.get();
      window.localStorage.setItem(tabsKey, JSON.stringify(docs.map((doc) => doc.path)));
      if (active) window.localStorage.setItem(activeKey, active);
    });
  }, [documents, tabsKey, activeKey]);

  // The session's list (another device may have opened more), once per session.
  useEffect(() => {
    if (state.phase !== 'open' || restored.current === state.sessionId) return;
    restored.current = state.sessionId;
    void documents.restore(state.activeFiles, window.localStorage.getItem(activeKey));
  }, [state, documents, activeKey]);

  const savedFiles = state.phase === 'open' ? state.activeFiles : null;
  useEffect(() => {
    if (!savedFiles) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Compared with what the session has, so tabs opened before it was open are saved too.
    let last = JSON.stringify(savedFiles);
    const check = () => {
      const paths = documents.state.get().docs.map((doc) => doc.path);
      if (JSON.stringify(paths) === last) return;
      last = JSON.stringify(paths);
      clearTimeout(timer);
      timer = setTimeout(() => update({ activeFiles: paths }), SAVE_DELAY_MS);
    };
    const unsubscribe = documents.state.subscribe(check);
    check();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [savedFiles, documents, update]);

  const terminalKey = terminals.map((terminal) => terminal.id).join();
  useEffect(() => {
    if (state.phase !== 'open' || !terminalKey) return;
    update({ terminalSessions: terminals.slice(0, 10).map(({ id, title, cwd, cols, rows }) => ({ id, title: title.slice(0, 100), cwd, cols, rows })) });
    // Only when the set of terminals changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.phase, terminalKey]);
}
