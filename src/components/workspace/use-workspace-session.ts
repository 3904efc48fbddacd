'use client';

import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TerminalSession } from '@/lib/schemas/sessions';
import { useTRPC } from '@/trpc/react';
import { errorCode, errorMessage } from './client';

const KEEP_ALIVE_MS = 60_000;
const NO_FILES: string[] = [];
/** Without a key press or click for this long, keep-alives report the session idle. */
const IDLE_AFTER_MS = 5 * 60_000;

export type SessionState =
  | { phase: 'waiting' }
  | { phase: 'open'; sessionId: string; sandbox: { id: string; provider: string; rebuilt: boolean }; activeFiles: string[]; expiresAt: Date; lastKeepAlive: Date; idle: boolean }
  | { phase: 'error'; message: string };

/**
 * The editor session on a project: opening it provisions (or rebuilds) the sandbox and returns the
 * saved tabs; a keep-alive every minute extends it while the user is active, and a session that
 * ended meanwhile (expired, signed out elsewhere) is opened again.
 */
export function useWorkspaceSession(projectId: string, enabled: boolean) {
  const trpc = useTRPC();
  const create = useMutation(trpc.sessions.create.mutationOptions());
  const keepAlive = useMutation(trpc.sessions.update.mutationOptions());
  const [alive, setAlive] = useState<{ sessionId: string; expiresAt: Date; at: Date; idle: boolean } | null>(null);
  const lastActivity = useRef(0);
  const { mutate: open } = create;
  const { mutate: send } = keepAlive;

  useEffect(() => {
    if (!enabled) return;
    lastActivity.current = Date.now();
    open({ projectId, type: 'editor' });
  }, [enabled, open, projectId]);

  useEffect(() => {
    const seen = () => (lastActivity.current = Date.now());
    window.addEventListener('keydown', seen, { capture: true, passive: true });
    window.addEventListener('pointerdown', seen, { capture: true, passive: true });
    return () => {
      window.removeEventListener('keydown', seen, { capture: true });
      window.removeEventListener('pointerdown', seen, { capture: true });
    };
  }, []);

  const opened = create.data;
  const sessionId = opened?.session.id ?? null;

  const update = useCallback(
    (patch: { activeFiles?: string[]; terminalSessions?: TerminalSession[] } = {}) => {
      if (!sessionId) return;
      const idle = Date.now() - lastActivity.current > IDLE_AFTER_MS;
      send(
        { sessionId, status: idle ? 'idle' : 'active', ...patch },
        {
          onSuccess: ({ session }) => setAlive({ sessionId, expiresAt: session.expiresAt, at: new Date(), idle }),
          onError: (error) => {
            if (errorCode(error) === 'NOT_FOUND') open({ projectId, type: 'editor' });
          },
        },
      );
    },
    [sessionId, send, open, projectId],
  );

  useEffect(() => {
    if (!sessionId) return;
    const timer = setInterval(() => update(), KEEP_ALIVE_MS);
    return () => clearInterval(timer);
  }, [sessionId, update]);

  let state: SessionState = { phase: 'waiting' };
  if (opened) {
    const current = alive?.sessionId === opened.session.id ? alive : null;
    state = {
      phase: 'open',
      sessionId: opened.session.id,
      sandbox: { id: opened.connectionDetails.sandboxId, provider: opened.connectionDetails.provider, rebuilt: opened.connectionDetails.rebuilt },
      activeFiles: opened.editorSession?.activeFiles ?? NO_FILES,
      expiresAt: current?.expiresAt ?? opened.session.expiresAt,
      lastKeepAlive: current?.at ?? opened.session.lastAccessedAt,
      idle: current?.idle ?? false,
    };
  } else if (create.error) {
    state = { phase: 'error', message: errorMessage(create.error) };
  }
  return { state, update, retry: () => open({ projectId, type: 'editor' }) };
}
