'use client';

import { ConfirmDialog, PromptDialog } from '../dialog';
import { joinPath } from './build-tree';
import type { useTreeActions } from './use-tree-actions';

/** The tree's dialogs: new file or folder, rename or move (by editing the path), delete. */
export function TreeDialogs({ actions }: { actions: ReturnType<typeof useTreeActions> }) {
  const { dialog, setDialog } = actions;
  const close = () => setDialog(null);
  const creating = dialog?.kind === 'new-file' || dialog?.kind === 'new-folder' ? dialog : null;
  return (
    <>
      <PromptDialog
        open={creating !== null}
        title={creating?.kind === 'new-folder' ? 'New folder' : 'New file'}
        label="Path in the project"
        initialValue={creating ? joinPath(creating.folder, '') : ''}
        confirmLabel="Create"
        onSubmit={(value) => actions.create(creating!.kind, value)}
        onClose={close}
      />
      <PromptDialog
        open={dialog?.kind === 'rename'}
        title={dialog?.kind === 'rename' && dialog.folder ? 'Rename or move folder' : 'Rename or move file'}
        label="New path (change the folders to move it)"
        initialValue={dialog?.kind === 'rename' ? dialog.path : ''}
        confirmLabel="Rename"
        onSubmit={(value) => actions.move(dialog?.kind === 'rename' ? dialog.path : '', value)}
        onClose={close}
      />
      <ConfirmDialog
        open={dialog?.kind === 'delete'}
        title={dialog?.kind === 'delete' && dialog.folder ? 'Delete this folder?' : 'Delete this file?'}
        description={
          dialog?.kind === 'delete' ? (
            <>
              <span className="font-mono text-fg">{dialog.path}</span>
              {dialog.folder ? ' and everything in it' : ''} will be deleted. Earlier versions stay in the file history.
            </>
          ) : null
        }
        confirmLabel="Delete"
        danger
        onConfirm={() => dialog?.kind === 'delete' && void actions.remove(dialog.path)}
        onClose={close}
      />
    </>
  );
}

