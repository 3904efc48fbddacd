'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/field';
import { useTRPC } from '@/trpc/react';

/**
 * Asks before deleting a project, in a modal <dialog>: focus moves into it, Escape cancels, and
 * the page behind cannot be reached meanwhile.
 */
export function DeleteProjectDialog({ project, onClose, onDeleted }: { project: { id: string; name: string }; onClose: () => void; onDeleted: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const remove = useMutation(trpc.projects.delete.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.projects.list.pathKey() }) }));

  function confirm() {
    remove.mutate(
      { projectId: project.id },
      {
        onSuccess: () => {
          onDeleted(project.name);
          dialog.current?.close();
        },
      },
    );
  }

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="delete-project-title"
      aria-describedby="delete-project-description"
      onClose={onClose}
      onCancel={(event) => {
        if (remove.isPending) event.preventDefault();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl border border-border bg-surface-raised p-6 text-fg shadow-2xl backdrop:bg-black/50 backdrop:backdrop-blur-[2px]"
    >
      <h2 id="delete-project-title" className="text-lg font-semibold">
        Delete “{project.name}”?
      </h2>
      <p id="delete-project-description" className="mt-2 text-sm text-muted">
        Its sandbox is stopped and its files and history are removed. This cannot be undone.
      </p>
      {remove.error ? (
        <div className="mt-4">
          <FormMessage kind="error">{remove.error.message}</FormMessage>
        </div>
      ) : null}
      <div className="mt-6 flex justify-end gap-2">
        <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()} disabled={remove.isPending}>
          Cancel
        </Button>
        <button
          type="button"
          onClick={confirm}
          disabled={remove.isPending}
          className="inline-flex items-center justify-center rounded-md bg-red-600 px-3.5 py-2 text-sm font-medium text-white transition-colors hover:bg-red-700 disabled:opacity-60"
        >
          {remove.isPending ? 'Deleting…' : 'Delete project'}
        </button>
      </div>
    </dialog>
  );
}
