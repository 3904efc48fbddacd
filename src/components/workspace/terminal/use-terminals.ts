'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { errorMessage } from '../client';
import type { TerminalConnection } from './xterm-view';

/**
 * The project's terminals. They live on the server, so a reload reattaches to the ones listed at
 * once; a first terminal is opened, once the sandbox is up, when none is running.
 */
export function useTerminals(projectId: string, ready: boolean, sandboxUp: boolean) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const listOptions = trpc.terminals.list.queryOptions({ projectId }, { enabled: ready, staleTime: Infinity });
  const listKey = listOptions.queryKey;
  const list = useQuery(listOptions);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [connections, setConnections] = useState<Record<string, TerminalConnection>>({});
  const size = useRef({ cols: 100, rows: 24 });
  const opened = useRef(false);

  const createTerminal = useMutation(
    trpc.terminals.create.mutationOptions({
      onSuccess: (terminal) => {
        queryClient.setQueryData(listKey, (old) => [...(old ?? []), terminal]);
        setActiveId(terminal.id);
      },
    }),
  );
  const { mutate } = createTerminal;

  /** Opens a terminal, optionally running a command in it; resolves to its id. */
  const create = useCallback(
    (options: { title?: string; command?: string; focus?: boolean } = {}) =>
      new Promise<string | null>((resolve) =>
        mutate(
          { projectId, ...size.current, title: options.title },
          {
            onSuccess: (terminal) => {
              if (options.focus) setFocusId(terminal.id);
              // A shell that died at once (the sandbox refused it) refuses the command too; its view
              // already says the process exited, so the refusal must not surface as an uncaught error.
              if (options.command) void client.terminals.write.mutate({ projectId, terminalId: terminal.id, data: `${options.command}\r` }).catch(() => undefined);
              resolve(terminal.id);
            },
            onError: () => resolve(null),
          },
        ),
      ),
    [client, mutate, projectId, setFocusId],
  );

  const kill = useCallback(
    async (terminalId: string) => {
      await client.terminals.kill.mutate({ projectId, terminalId }).catch(() => undefined);
      queryClient.setQueryData(listKey, (old) => (old ?? []).filter((terminal) => terminal.id !== terminalId));
    },
    [client, projectId, queryClient, listKey],
  );

  useEffect(() => {
    if (!list.data || !sandboxUp || opened.current) return;
    opened.current = true;
    // Terminals whose shell ended while nobody watched are dropped; a first one opens if none is left.
    for (const terminal of list.data) if (terminal.exitCode !== null) void kill(terminal.id);
    if (!list.data.some((terminal) => terminal.exitCode === null)) mutate({ projectId, ...size.current });
  }, [list.data, sandboxUp, mutate, projectId, kill]);

  const terminals = list.data ?? [];
  const active = terminals.find((terminal) => terminal.id === activeId) ?? terminals.find((terminal) => terminal.exitCode === null) ?? terminals[0] ?? null;
  const setConnection = useCallback((id: string, state: TerminalConnection) => setConnections((all) => (all[id] === state ? all : { ...all, [id]: state })), [setConnections]);
  const failure = createTerminal.error ?? list.error;

  return {
    terminals,
    active,
    loading: ready && (list.isPending || createTerminal.isPending || (!sandboxUp && list.data?.length === 0)),
    error: failure ? errorMessage(failure) : null,
    connections,
    setConnection,
    focusId,
    select: setActiveId,
    create,
    kill,
    reportSize: (next: { cols: number; rows: number }) => (size.current = next),
  };
}

export type Terminals = ReturnType<typeof useTerminals>;
