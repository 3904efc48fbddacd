'use client';

import { useEffect, useState } from 'react';
import type { Documents } from './editor/documents';
import type { EditorStatus } from './editor/editor-status';
import { useStore, type Store } from './store';
import type { Connection } from './use-file-watch';
import type { SessionState } from './use-workspace-session';

const CONNECTION: Record<Connection, [label: string, dot: string]> = {
  connected: ['Connected', 'bg-emerald-500'],
  connecting: ['Connecting…', 'bg-amber-400'],
  reconnecting: ['Reconnecting…', 'bg-amber-400 animate-pulse'],
  offline: ['Disconnected', 'bg-red-500'],
};

const time = (date: Date) => date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Connection, sandbox and session on the left; the current file's problems, cursor and language on the right. */
export function StatusBar({ connection, session, setupRunning, documents, status, tabSize, onRetry }: { connection: Connection; session: SessionState; setupRunning: boolean; documents: Documents; status: Store<EditorStatus>; tabSize: number; onRetry: () => void }) {
  const language = useStore(documents.state, (s) => s.docs.find((doc) => doc.path === s.active)?.language.label ?? null);
  const saving = useStore(documents.state, (s) => s.docs.some((doc) => doc.saving));
  const cursor = useStore(status, (s) => s.cursor);
  const problems = useStore(status, (s) => s.problems);
  const [label, dot] = CONNECTION[connection];

  return (
    <footer className="flex h-6 shrink-0 items-center gap-4 border-t border-border bg-surface-sunken px-3 text-[11px] text-muted" aria-label="Status bar">
      <span role="status" className="flex items-center gap-1.5" data-testid="connection-state">
        <span aria-hidden="true" className={`size-2 rounded-full ${dot}`} />
        {label}
      </span>
      <span data-testid="sandbox-state">{sandboxLabel(session, setupRunning)}</span>
      {session.phase === 'error' ? (
        <button type="button" onClick={onRetry} className="underline hover:text-fg">
          Try again
        </button>
      ) : null}
      {session.phase === 'open' ? <KeepAlive session={session} /> : null}
      {saving ? <span>Saving…</span> : null}
      <span className="ml-auto" />
      {problems ? (
        <span title="Problems in this file">
          <span className={problems.errors ? 'text-red-600 dark:text-red-400' : undefined}>
            {problems.errors} {problems.errors === 1 ? 'error' : 'errors'}
          </span>
          {', '}
          <span className={problems.warnings ? 'text-amber-700 dark:text-amber-300' : undefined}>
            {problems.warnings} {problems.warnings === 1 ? 'warning' : 'warnings'}
          </span>
        </span>
      ) : null}
      {cursor ? (
        <span data-testid="cursor-position">
          Ln {cursor.line}, Col {cursor.column}
          {cursor.selected ? ` (${cursor.selected} selected)` : ''}
        </span>
      ) : null}
      {language ? <span>Spaces: {tabSize}</span> : null}
      {language ? <span data-testid="language">{language}</span> : null}
    </footer>
  );
}

function sandboxLabel(session: SessionState, setupRunning: boolean): string {
  if (setupRunning) return 'Sandbox: setting up';
  switch (session.phase) {
    case 'waiting':
      return 'Sandbox: starting…';
    case 'error':
      return `Sandbox: unavailable (${session.message})`;
    case 'open':
      return `Sandbox: running (${session.sandbox.provider}${session.sandbox.rebuilt ? ', rebuilt from your files' : ''})`;
  }
}

function KeepAlive({ session }: { session: Extract<SessionState, { phase: 'open' }> }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const minutes = Math.max(0, Math.round((session.expiresAt.getTime() - now) / 60_000));
  return (
    <span title={`Last keep-alive at ${time(session.lastKeepAlive)}; the session ends at ${time(session.expiresAt)} without one.`}>
      Session {session.idle ? 'idle' : 'active'} · expires in {minutes} min
    </span>
  );
}
