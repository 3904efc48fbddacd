'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { useTRPC } from '@/trpc/react';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function SessionsList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const active = useQuery(trpc.sessions.active.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.sessions.active.queryKey() });
  const end = useMutation(trpc.sessions.delete.mutationOptions({ onSuccess: refresh }));
  const endOthers = useMutation(trpc.sessions.endOthers.mutationOptions({ onSuccess: refresh }));

  if (active.isPending) return <p className="text-sm text-muted">Loading sessions…</p>;
  if (active.isError) return <p className="text-sm text-red-600">Could not load sessions: {active.error.message}</p>;
  const sessions = active.data.sessions;

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border rounded-lg border border-border">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
            <div>
              <p className="font-medium">
                {session.device} {session.current ? <span className="ml-1 rounded bg-accent/15 px-1.5 py-0.5 text-xs text-accent">This device</span> : null}
              </p>
              <p className="text-xs text-muted">
                {session.ip ?? 'Unknown address'} · signed in with {session.method} · last used {when.format(session.lastAccessedAt)}
              </p>
            </div>
            {session.current ? null : (
              <Button variant="danger" onClick={() => end.mutate({ sessionId: session.id })} disabled={end.isPending}>
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {sessions.length > 1 ? (
        <Button variant="secondary" onClick={() => endOthers.mutate()} disabled={endOthers.isPending}>
          Sign out all other sessions
        </Button>
      ) : null}
    </div>
  );
}
