'use client';

import { useEffect, useRef } from 'react';
import type { RouterOutputs } from './client';
import type { Documents } from './editor/documents';
import type { useWorkspaceSession } from './use-workspace-session';

const SAVE_DELAY_MS = 800;

/**
 * Open tabs go to the editor session (`activeFiles`, in tab order), so they come back on reload
 * and on other devices. The session has no field for the active tab, so that one is remembered in
 * this browser.
 */
export function usePersistedTabs({ documents, session, storageKey, terminals }: { documents: Documents; session: ReturnType<typeof useWorkspaceSession>; storageKey: string; terminals: RouterOutputs['terminals']['list'] }) {
  const { state, update } = session;
  const restored = useRef<string | null>(null);
  const activeKey = `${storageKey}:active-tab`;

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
      const { docs, active } = documents.state.get();
      if (active) window.localStorage.setItem(activeKey, active);
      const paths = JSON.stringify(docs.map((doc) => doc.path));
      if (paths === last) return;
      last = paths;
      clearTimeout(timer);
      timer = setTimeout(() => update({ activeFiles: docs.map((doc) => doc.path) }), SAVE_DELAY_MS);
    };
    const unsubscribe = documents.state.subscribe(check);
    check();
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [savedFiles, documents, update, activeKey]);

  const terminalKey = terminals.map((terminal) => terminal.id).join();
  useEffect(() => {
    if (state.phase !== 'open' || !terminalKey) return;
    update({ terminalSessions: terminals.slice(0, 10).map(({ id, title, cwd, cols, rows }) => ({ id, title: title.slice(0, 100), cwd, cols, rows })) });
    // Only when the set of terminals changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state.phase, terminalKey]);
}
