'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC, useTRPCClient } from '@/trpc/react';
import { errorMessage } from '../client';
import type { Documents } from '../editor/documents';
import { ancestorsOf, joinPath, parentOf } from './build-tree';

export type TreeDialog =
  | { kind: 'new-file' | 'new-folder'; folder: string }
  | { kind: 'rename'; path: string; folder: boolean }
  | { kind: 'delete'; path: string; folder: boolean };

/** File operations from the tree, with the state their dialogs need. */
export function useTreeActions(options: { projectId: string; documents: Documents; expand: (paths: string[]) => void; renameExpanded: (from: string, to: string) => void }) {
  const { projectId, documents, expand, renameExpanded } = options;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<TreeDialog | null>(null);
  const [emptyFolders, setEmptyFolders] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.files.tree.queryKey({ projectId }) });
  const clean = (path: string) => path.trim().replace(/^\/+|\/+$/g, '');

  async function create(kind: 'new-file' | 'new-folder', raw: string): Promise<string | null> {
    const path = clean(raw);
    if (!path) return 'Type a name.';
    try {
      if (kind === 'new-file') await client.files.create.mutate({ projectId, path, content: '' });
      else {
        await client.files.mkdir.mutate({ projectId, path });
        setEmptyFolders((folders) => new Set(folders).add(path));
      }
      expand(kind === 'new-file' ? ancestorsOf(path) : [...ancestorsOf(path), path]);
      await refresh();
      if (kind === 'new-file') void documents.open(path);
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  async function move(from: string, raw: string): Promise<string | null> {
    const to = clean(raw);
    if (!to || to === from) return to ? null : 'Type a name.';
    try {
      const renamed = await client.files.rename.mutate({ projectId, from, to });
      documents.moved(renamed);
      renameExpanded(from, to);
      setEmptyFolders((folders) => new Set([...folders].map((folder) => (folder === from || folder.startsWith(`${from}/`) ? to + folder.slice(from.length) : folder))));
      expand(ancestorsOf(to));
      await refresh();
      return null;
    } catch (error) {
      return errorMessage(error);
    }
  }

  async function remove(path: string): Promise<void> {
    try {
      if (emptyFolders.has(path)) setEmptyFolders((folders) => new Set([...folders].filter((folder) => folder !== path && !folder.startsWith(`${path}/`))));
      await client.files.delete.mutate({ projectId, path });
      documents.closeUnder(path);
      await refresh();
    } catch (error) {
      // An empty folder made this session has no stored files: removing it from the view is enough.
      if (!emptyFolders.has(path)) setNotice(`Couldn't delete ${path}: ${errorMessage(error)}`);
    }
  }

  /** Drag and drop: moves `from` into `folder`, keeping its name. */
  async function moveInto(from: string, folder: string): Promise<void> {
    if (parentOf(from) === folder || folder === from || folder.startsWith(`${from}/`)) return;
    const problem = await move(from, joinPath(folder, from.slice(from.lastIndexOf('/') + 1)));
    if (problem) setNotice(problem);
  }

  return { dialog, setDialog, emptyFolders, notice, setNotice, create, move, remove, moveInto, refresh };
}
