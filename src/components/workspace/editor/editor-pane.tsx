'use client';

import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { Button } from '@/components/ui/button';
import type { EditorSettings } from '@/lib/schemas/users';
import { Dialog } from '../dialog';
import { Kbd } from '../kbd';
import { useStore, type Store } from '../store';
import type { Documents } from './documents';
import type { EditorStatus } from './editor-status';
import { EditorTabs, tabId } from './editor-tabs';

// Monaco is several megabytes: it loads after the workspace is on screen, in the browser only.
const loadMonaco = () => import('./monaco-host');
const MonacoHost = dynamic(loadMonaco, { ssr: false, loading: () => <EditorMessage>Loading the editor…</EditorMessage> });

/** Tabs, the editor, and what stands in for it (no file open, loading, binary, errors). */
export function EditorPane({ documents, settings, dark, status }: { documents: Documents; settings: EditorSettings; dark: boolean; status: Store<EditorStatus> }) {
  const active = useStore(documents.state, (s) => (s.active ? s.docs.find((doc) => doc.path === s.active) : undefined));
  const hasDocs = useStore(documents.state, (s) => s.docs.length > 0);
  // Re-rendered when the editor takes over the buffers, so it shows the model made for the active tab.
  const attached = useStore(documents.state, (s) => s.attached);
  // With no file open yet, fetch the editor while the browser is idle, so the first open is quick.
  useEffect(() => {
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(() => void loadMonaco(), 500); // Safari
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(() => void loadMonaco());
    return () => cancelIdleCallback(idle);
  }, []);

  return (
    <section aria-label="Editor" className="relative flex h-full flex-col bg-surface-raised">
      <EditorTabs documents={documents} />
      {active ? <Breadcrumb path={active.path} /> : null}
      {active?.stale ? <StaleBanner documents={documents} path={active.path} kind={active.stale} /> : null}
      <div role={active ? 'tabpanel' : undefined} aria-labelledby={active ? tabId(active.path) : undefined} className="relative min-h-0 flex-1">
        {hasDocs ? <MonacoHost documents={documents} attached={attached} activePath={active?.path ?? null} settings={settings} dark={dark} status={status} /> : null}
        {!active ? <Welcome /> : null}
        {active?.status === 'loading' ? <EditorMessage>Opening {active.path}…</EditorMessage> : null}
        {active?.status === 'binary' ? <EditorMessage>{active.path} is a binary file; it can&apos;t be edited here.</EditorMessage> : null}
        {active?.status === 'error' ? (
          <EditorMessage>
            <span role="alert">
              Couldn&apos;t open {active.path}: {active.error}
            </span>
          </EditorMessage>
        ) : null}
      </div>
      <ConflictDialog documents={documents} />
      <SaveNotice documents={documents} />
    </section>
  );
}

function Breadcrumb({ path }: { path: string }) {
  const parts = path.split('/');
  return (
    <nav aria-label="File path" className="flex h-6 shrink-0 items-center gap-1 truncate border-b border-border/60 px-3 text-xs text-muted">
      {parts.map((part, index) => (
        <span key={index} className="flex items-center gap-1">
          {index > 0 ? <span aria-hidden="true">›</span> : null}
          <span className={index === parts.length - 1 ? 'text-fg' : undefined}>{part}</span>
        </span>
      ))}
    </nav>
  );
}

function EditorMessage({ children }: { children: React.ReactNode }) {
  return <div className="absolute inset-0 z-10 flex items-center justify-center bg-surface-raised p-6 text-center text-sm text-muted">{children}</div>;
}

function Welcome() {
  const rows: [string, string][] = [
    ['Open a file by name', 'Ctrl P'],
    ['Save', 'Ctrl S'],
    ['Show or hide the terminal', 'Ctrl `'],
  ];
  return (
    <div className="absolute inset-0 z-10 flex flex-col items-center justify-center gap-5 bg-surface-raised p-6 text-sm text-muted">
      <p>Open a file from the tree to start editing.</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-6 gap-y-2">
        {rows.map(([label, keys]) => (
          <div key={label} className="contents">
            <dt>{label}</dt>
            <dd>
              <Kbd keys={keys} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function StaleBanner({ documents, path, kind }: { documents: Documents; path: string; kind: 'changed' | 'deleted' }) {
  return (
    <div role="status" className="flex shrink-0 items-center gap-3 border-b border-amber-500/30 bg-amber-500/10 px-3 py-1.5 text-xs text-amber-800 dark:text-amber-200">
      <span className="flex-1">{kind === 'changed' ? 'This file was changed elsewhere while you were editing it.' : 'This file was deleted elsewhere. Saving will create it again.'}</span>
      {kind === 'changed' ? (
        <button type="button" className="font-medium underline" onClick={() => void documents.reload(path)}>
          Load their version
        </button>
      ) : null}
    </div>
  );
}

function ConflictDialog({ documents }: { documents: Documents }) {
  const conflict = useStore(documents.state, (s) => s.conflict);
  return (
    <Dialog
      open={conflict !== null}
      onClose={() => void documents.resolveConflict('cancel')}
      title="This file changed since you opened it"
      description={
        <>
          <p>{conflict?.message}</p>
          <p className="mt-2">Reload to take the stored version (your edits are discarded), or overwrite it with yours.</p>
        </>
      }
    >
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => void documents.resolveConflict('cancel')}>
          Cancel
        </Button>
        <Button variant="secondary" onClick={() => void documents.resolveConflict('reload')}>
          Reload
        </Button>
        <Button variant="danger" onClick={() => void documents.resolveConflict('overwrite')}>
          Overwrite
        </Button>
      </div>
    </Dialog>
  );
}

function SaveNotice({ documents }: { documents: Documents }) {
  const notice = useStore(documents.state, (s) => s.notice);
  if (!notice) return null;
  return (
    <div role="alert" className="absolute bottom-3 right-3 z-20 flex max-w-md items-start gap-3 rounded-lg border border-red-500/40 bg-surface-raised px-3 py-2 text-sm shadow-lg">
      <span className="flex-1">{notice}</span>
      <button type="button" aria-label="Dismiss" className="text-muted hover:text-fg" onClick={() => documents.dismissNotice()}>
        ×
      </button>
    </div>
  );
}
