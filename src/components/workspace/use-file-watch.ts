'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useState } from 'react';
import { useTRPC } from '@/trpc/react';
import type { Documents } from './editor/documents';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * Live file changes (editor saves, the terminal, the agent) applied to the tree and the open tabs.
 * Its stream also tells the status bar whether the workspace is connected.
 */
export function useFileWatch(projectId: string, documents: Documents): Connection {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const treeKey = trpc.files.tree.queryKey({ projectId });
  const [wasConnected, setWasConnected] = useState(false);
  const [online, setOnline] = useState(true);

  const watch = useSubscription(
    trpc.files.watch.subscriptionOptions(
      { projectId },
      {
        onStarted: () => setWasConnected(true),
        onData: ({ data: change }) => {
          // Each stream starts with one, once the server listens: the tree loads again from there.
          if (change.type === 'resync') {
            void queryClient.invalidateQueries({ queryKey: treeKey });
            documents.refreshAll();
            return;
          }
          // A tree fetch in flight would land after this change and drop it (its snapshot may be
          // older): fetch again instead, so the tree ends with every change the stream carried.
          if (queryClient.isFetching({ queryKey: treeKey }) > 0) void queryClient.invalidateQueries({ queryKey: treeKey });
          else
            queryClient.setQueryData(treeKey, (files) => {
              if (!files) return files;
              const rest = files.filter((file) => file.path !== change.path);
              if (change.type === 'delete') return rest;
              const previous = files.find((file) => file.path === change.path);
              return [...rest, { path: change.path, version: change.version, size: previous?.size ?? 0, updatedAt: new Date() }];
            });
          documents.onRemoteChange(change);
        },
      },
    ),
  );

  useEffect(() => {
    const sync = () => setOnline(navigator.onLine);
    sync();
    window.addEventListener('online', sync);
    window.addEventListener('offline', sync);
    return () => {
      window.removeEventListener('online', sync);
      window.removeEventListener('offline', sync);
    };
  }, []);

  if (!online || watch.status === 'error') return 'offline';
  if (watch.status === 'pending') return 'connected';
  return wasConnected ? 'reconnecting' : 'connecting';
}
