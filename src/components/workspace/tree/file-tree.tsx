'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTRPC } from '@/trpc/react';
import type { Documents } from '../editor/documents';
import { useLocalState } from '../use-local-state';
import { useStore } from '../store';
import { buildTree, parentOf, visibleRows, type TreeRow } from './build-tree';
import { FileIcon } from './file-icon';
import { TreeDialogs } from './tree-dialogs';
import { TreeMenu, type TreeMenuState } from './tree-menu';
import { TreeToolbar } from './tree-toolbar';
import { useTreeActions } from './use-tree-actions';

const DRAG_TYPE = 'application/x-aura-path';
const rowId = (path: string) => `tree-${path}`;

/** The project's files as an ARIA tree: arrows move, Enter opens, F2 renames, Delete deletes, drag to move. */
export function FileTree({ projectId, storageKey, documents }: { projectId: string; storageKey: string; documents: Documents }) {
  const trpc = useTRPC();
  const files = useQuery(trpc.files.tree.queryOptions({ projectId }));
  const [expandedList, setExpandedList] = useLocalState<string[]>(`${storageKey}:expanded`, ['src']);
  const expanded = useMemo(() => new Set(expandedList), [expandedList]);
  const expand = useCallback((paths: string[]) => setExpandedList((list) => [...new Set([...list, ...paths])]), [setExpandedList]);
  const collapse = (path: string) => setExpandedList((list) => list.filter((item) => item !== path && !item.startsWith(`${path}/`)));
  const renameExpanded = useCallback(
    (from: string, to: string) => setExpandedList((list) => list.map((item) => (item === from || item.startsWith(`${from}/`) ? to + item.slice(from.length) : item))),
    [setExpandedList],
  );
  const actions = useTreeActions({ projectId, documents, expand, renameExpanded });
  const activePath = useStore(documents.state, (s) => s.active);
  const [focused, setFocused] = useState<string | null>(null);
  const [menu, setMenu] = useState<TreeMenuState | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const typeahead = useRef({ text: '', at: 0 });

  // Dependency and build folders come from the sandbox, the root's now and then, a folder's when it is opened.
  const ignoredRoot = useQuery(trpc.files.ignored.queryOptions({ projectId }, { enabled: files.isSuccess, refetchInterval: 15_000 }));
  const ignoredFolders = useMemo(() => new Set((ignoredRoot.data ?? []).filter((entry) => entry.kind === 'folder').map((entry) => entry.path)), [ignoredRoot.data]);
  const openIgnored = expandedList.filter((path) => [...ignoredFolders].some((folder) => path === folder || path.startsWith(`${folder}/`)));
  const ignoredChildren = useQueries({ queries: openIgnored.map((path) => trpc.files.ignored.queryOptions({ projectId, path })) });
  const ignored = useMemo(() => [...(ignoredRoot.data ?? []), ...ignoredChildren.flatMap((query) => query.data ?? [])], [ignoredRoot.data, ignoredChildren]);
  const root = useMemo(() => buildTree((files.data ?? []).map((file) => file.path), actions.emptyFolders, ignored), [files.data, actions.emptyFolders, ignored]);
  const rows = useMemo(() => visibleRows(root, expanded), [root, expanded]);
  const current = rows.find((row) => row.node.path === focused) ?? rows.find((row) => row.node.path === activePath) ?? rows[0];

  const focusRow = (path: string) => {
    setFocused(path);
    requestAnimationFrame(() => document.getElementById(rowId(path))?.focus());
  };
  const activate = (row: TreeRow) => {
    if (row.node.kind === 'folder') (expanded.has(row.node.path) ? collapse : (path: string) => expand([path]))(row.node.path);
    else if (!row.node.ignored) void documents.open(row.node.path);
  };
  const folderOf = (row: TreeRow | undefined) => (!row ? '' : row.node.kind === 'folder' ? row.node.path : parentOf(row.node.path));

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!current || (event.target as HTMLElement).getAttribute('role') !== 'treeitem') return;
    const index = rows.indexOf(current);
    const { node } = current;
    const open = node.kind === 'folder' && expanded.has(node.path);
    const go = (row: TreeRow | undefined) => row && focusRow(row.node.path);
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(rows[index + 1]),
      ArrowUp: () => go(rows[index - 1]),
      Home: () => go(rows[0]),
      End: () => go(rows.at(-1)),
      ArrowRight: () => (node.kind === 'folder' ? (open ? go(rows[index + 1]) : expand([node.path])) : undefined),
      ArrowLeft: () => (open ? collapse(node.path) : go(rows.find((row) => row.node.path === parentOf(node.path)))),
      Enter: () => activate(current),
      ' ': () => activate(current),
      F2: () => (node.ignored ? undefined : actions.setDialog({ kind: 'rename', path: node.path, folder: node.kind === 'folder' })),
      Delete: () => (node.ignored ? undefined : actions.setDialog({ kind: 'delete', path: node.path, folder: node.kind === 'folder' })),
      ContextMenu: () => (node.ignored ? undefined : openMenuAt(current)),
    };
    const handler = event.shiftKey && event.key === 'F10' ? () => openMenuAt(current) : event.ctrlKey || event.metaKey || event.altKey ? undefined : keys[event.key];
    if (handler) {
      event.preventDefault();
      handler();
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Type-ahead: jump to the next row whose name starts with what was typed.
      const now = event.timeStamp;
      typeahead.current = { text: (now - typeahead.current.at < 700 ? typeahead.current.text : '') + event.key.toLowerCase(), at: now };
      const order = [...rows.slice(index + 1), ...rows.slice(0, index + 1)];
      go(order.find((row) => row.node.name.toLowerCase().startsWith(typeahead.current.text)));
    }
  }

  function openMenuAt(row: TreeRow | undefined, point?: { x: number; y: number }) {
    const rect = row ? document.getElementById(rowId(row.node.path))?.getBoundingClientRect() : undefined;
    setMenu({ target: row ? { path: row.node.path, folder: row.node.kind === 'folder' } : null, x: point?.x ?? (rect ? rect.left + 24 : 0), y: point?.y ?? (rect ? rect.bottom : 0) });
  }

  const dragProps = (folder: string) => ({
    onDragOver: (event: DragEvent) => {
      if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
      event.preventDefault();
      event.stopPropagation();
      event.dataTransfer.dropEffect = 'move';
      setDropTarget(folder);
    },
    onDrop: (event: DragEvent) => {
      const from = event.dataTransfer.getData(DRAG_TYPE);
      setDropTarget(null);
      if (!from) return;
      event.preventDefault();
      event.stopPropagation();
      void actions.moveInto(from, folder);
    },
  });

  return (
    <section aria-label="Files" className="flex h-full flex-col bg-surface-sunken">
      <TreeToolbar
        onNewFile={() => actions.setDialog({ kind: 'new-file', folder: folderOf(current) })}
        onNewFolder={() => actions.setDialog({ kind: 'new-folder', folder: folderOf(current) })}
        onCollapseAll={() => setExpandedList([])}
      />
      <div
        className={`min-h-0 flex-1 overflow-auto py-1 ${dropTarget === '' ? 'bg-accent/5' : ''}`}
        onContextMenu={(event) => {
          if (event.target !== event.currentTarget) return;
          event.preventDefault();
          openMenuAt(undefined, { x: event.clientX, y: event.clientY });
        }}
        onDragLeave={() => setDropTarget(null)}
        {...dragProps('')}
      >
        {files.isPending ? <p className="px-3 py-2 text-xs text-muted">Loading files…</p> : null}
        {files.isError ? (
          <p role="alert" className="px-3 py-2 text-xs text-red-600 dark:text-red-400">
            Couldn&apos;t load the files. <button type="button" className="underline" onClick={() => void files.refetch()}>Try again</button>
          </p>
        ) : null}
        <div role="tree" aria-label="Project files" onKeyDown={onKeyDown}>
          {rows.map((row) => {
            const { node } = row;
            const folder = node.kind === 'folder';
            const open = folder && expanded.has(node.path);
            const isCurrent = row === current;
            return (
              <div
                key={node.path}
                id={rowId(node.path)}
                role="treeitem"
                aria-level={row.depth}
                aria-posinset={row.position}
                aria-setsize={row.siblings}
                aria-expanded={folder ? open : undefined}
                aria-selected={node.path === activePath}
                title={node.ignored ? 'Dependencies or build output: not stored, read only' : undefined}
                tabIndex={isCurrent ? 0 : -1}
                draggable={!node.ignored}
                onDragStart={(event) => {
                  event.dataTransfer.setData(DRAG_TYPE, node.path);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onFocus={() => setFocused(node.path)}
                onDragEnd={() => setDropTarget(null)}
                {...dragProps(folder ? node.path : parentOf(node.path))}
                onClick={() => {
                  setFocused(node.path);
                  activate(row);
                }}
                onContextMenu={(event) => {
                  event.preventDefault();
                  setFocused(node.path);
                  if (!node.ignored) openMenuAt(row, { x: event.clientX, y: event.clientY });
                }}
                style={{ paddingLeft: `${(row.depth - 1) * 12 + 8}px` }}
                className={`flex h-6 cursor-pointer select-none items-center gap-1.5 pr-2 text-[13px] outline-offset-[-2px] ${
                  node.path === activePath ? 'bg-accent/15 text-fg' : node.ignored ? 'text-muted opacity-70 hover:bg-fg/5' : 'text-fg/85 hover:bg-fg/5'
                } ${dropTarget === node.path && folder ? 'ring-1 ring-inset ring-accent' : ''}`}
              >
                <svg aria-hidden="true" viewBox="0 0 16 16" className={`size-3 shrink-0 text-muted transition-transform ${folder ? '' : 'invisible'} ${open ? 'rotate-90' : ''}`}>
                  <path d="M6 4l4 4-4 4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
                </svg>
                <FileIcon name={node.name} folder={folder} open={open} />
                <span className="truncate">{node.name}</span>
                {node.ignored ? <span className="sr-only"> (dependencies or build output, not stored)</span> : null}
              </div>
            );
          })}
        </div>
        {files.isSuccess && rows.length === 0 ? <p className="px-3 py-2 text-xs text-muted">No files yet.</p> : null}
      </div>
      {actions.notice ? (
        <div role="alert" className="flex items-start gap-2 border-t border-border px-3 py-2 text-xs text-red-700 dark:text-red-300">
          <span className="flex-1">{actions.notice}</span>
          <button type="button" aria-label="Dismiss" onClick={() => actions.setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
      {menu ? (
        <TreeMenu
          state={menu}
          onClose={() => setMenu(null)}
          onOpen={(path) => void documents.open(path)}
          onDialog={actions.setDialog}
        />
      ) : null}
      <TreeDialogs actions={actions} />
    </section>
  );
}
