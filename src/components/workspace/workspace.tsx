'use client';

import dynamic from 'next/dynamic';
import { useTheme } from 'next-themes';
import { useEffect, useState } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { getFramework, installCommand, runScriptCommand } from '@/lib/catalog';
import type { SetupStepState } from '@/lib/schemas/setup';
import type { EditorSettings } from '@/lib/schemas/users';
import { useTRPCClient } from '@/trpc/react';
import type { RouterOutputs } from './client';
import { Documents } from './editor/documents';
import { EditorPane } from './editor/editor-pane';
import { createEditorStatus } from './editor/editor-status';
import type { SavedLayouts } from './layout-state';
import { PreviewIdle } from './preview/preview-idle';
import { PreviewPanel } from './preview/preview-panel';
import { QuickOpen } from './quick-open';
import { SetupProgress } from './setup/setup-progress';
import { useSetup } from './setup/use-setup';
import { StatusBar } from './status-bar';
import { TerminalPanel } from './terminal/terminal-panel';
import { useTerminals } from './terminal/use-terminals';
import { FileTree } from './tree/file-tree';
import { usePersistedTabs } from './use-persisted-tabs';
import { useFileWatch } from './use-file-watch';
import { usePanels } from './use-panels';
import { useShortcuts } from './use-shortcuts';
import { useWorkspaceSession } from './use-workspace-session';
import { WorkspaceBar } from './workspace-bar';

type Project = Pick<RouterOutputs['projects']['byId'], 'id' | 'name' | 'framework' | 'configuration'>;

const SEPARATOR = 'relative bg-border outline-none transition-colors data-[separator=active]:bg-accent data-[separator=focus]:bg-accent data-[separator=hover]:bg-accent/70';

// The agent panel (markdown rendering and all) loads when it is first opened, so the workspace's
// first-load JavaScript stays small; it is closed by default.
const AgentPanel = dynamic(() => import('./agent/agent-panel').then((module) => module.AgentPanel), {
  ssr: false,
  loading: () => <p className="p-4 text-xs text-muted">Loading the agent…</p>,
});

/** The IDE: file tree | editor over terminals | preview | agent, with the setup shown until the project is ready. */
export function Workspace({ project, initialSteps, user, editorSettings, savedLayouts }: { project: Project; initialSteps: SetupStepState[]; user: { id: string; username: string }; editorSettings: EditorSettings; savedLayouts: SavedLayouts }) {
  const client = useTRPCClient();
  const [documents] = useState(() => new Documents(client, project.id));
  const [editorStatus] = useState(createEditorStatus);
  const { resolvedTheme } = useTheme();
  const dark = resolvedTheme === 'dark';
  const storageKey = `aura:${user.id}:${project.id}`;

  const setup = useSetup(project.id, initialSteps);
  const ready = setup.phase === 'ready';

  const session = useWorkspaceSession(project.id, ready);
  const sessionOpen = session.state.phase === 'open';
  const connection = useFileWatch(project.id, documents);
  const terminals = useTerminals(project.id, ready, sessionOpen);
  const panels = usePanels(user.id, savedLayouts);
  const [quickOpen, setQuickOpen] = useState(false);
  usePersistedTabs({ documents, session, storageKey, terminals: terminals.terminals });

  useShortcuts({
    save: () => void documents.save(),
    quickOpen: () => setQuickOpen(true),
    toggleTerminal: () => {
      if (!ready) return;
      const show = !panels.open.terminal;
      panels.toggle('terminal', show);
      if (show && terminals.active) requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>(`#terminal-${terminals.active!.id} textarea`)?.focus());
    },
  });

  // Leaving with unsaved edits asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (documents.state.get().docs.some((doc) => doc.dirty)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [documents]);

  const framework = getFramework(project.framework);
  const rebuilt = session.state.phase === 'open' && session.state.sandbox.rebuilt;
  const devCommand = runScriptCommand(project.configuration.packageManager, framework.devScript);
  const startDevServer = () => {
    panels.toggle('terminal', true);
    void terminals.create({ title: 'Dev server', command: rebuilt ? `${installCommand(project.configuration.packageManager)} && ${devCommand}` : devCommand });
  };

  return (
    <div className="flex h-[calc(100dvh-3.5rem)] flex-col">
      <WorkspaceBar
        name={project.name}
        framework={framework.label}
        open={panels.open}
        onToggle={(panel) => panels.toggle(panel)}
        onQuickOpen={() => setQuickOpen(true)}
      />
      <Group id="workspace-main" orientation="horizontal" defaultLayout={savedLayouts.main} onLayoutChanged={panels.persist('main')} className="min-h-0 flex-1">
        <Panel id="files" panelRef={panels.refs.files} defaultSize="18%" minSize="170px" collapsible onResize={panels.onResize('files')}>
          <FileTree projectId={project.id} storageKey={storageKey} documents={documents} />
        </Panel>
        <Separator aria-label="Resize the file tree" className={`w-px ${SEPARATOR}`} />
        <Panel id="center" defaultSize="52%" minSize="280px">
          {ready ? (
            <Group id="workspace-center" orientation="vertical" defaultLayout={savedLayouts.center} onLayoutChanged={panels.persist('center')}>
              <Panel id="editor" defaultSize="68%" minSize="120px">
                <EditorPane documents={documents} settings={editorSettings} dark={dark} status={editorStatus} />
              </Panel>
              <Separator aria-label="Resize the terminal" className={`h-px ${SEPARATOR}`} />
              <Panel id="terminal" panelRef={panels.refs.terminal} defaultSize="32%" minSize="90px" collapsible onResize={panels.onResize('terminal')}>
                <TerminalPanel
                  terminals={terminals}
                  visible={panels.open.terminal}
                  dark={dark}
                  fontSize={editorSettings.fontSize}
                  waiting={session.state.phase === 'error' ? `The sandbox couldn't start: ${session.state.message}` : sessionOpen || terminals.terminals.length > 0 ? null : 'Starting the sandbox…'}
                  onHide={() => panels.toggle('terminal', false)}
                />
              </Panel>
            </Group>
          ) : (
            <SetupProgress setup={setup} projectName={project.name} />
          )}
        </Panel>
        <Separator aria-label="Resize the preview" className={`w-px ${SEPARATOR}`} />
        <Panel id="preview" panelRef={panels.refs.preview} defaultSize="30%" minSize="240px" collapsible onResize={panels.onResize('preview')}>
          <PreviewPanel
            projectId={project.id}
            active={sessionOpen}
            devPort={framework.defaultDevPort}
            onStartDevServer={sessionOpen ? startDevServer : null}
            idle={<PreviewIdle setupStep={setup.steps.find((step) => step.status === 'in_progress' || step.status === 'failed')} phase={setup.phase} session={session.state.phase} rebuilt={rebuilt} devCommand={devCommand} />}
          />
        </Panel>
        <Separator aria-label="Resize the agent panel" className={`w-px ${SEPARATOR}`} />
        <Panel id="agent" panelRef={panels.refs.agent} defaultSize="0%" minSize="260px" collapsible onResize={panels.onResize('agent')}>
          {panels.open.agent ? <AgentPanel projectId={project.id} storageKey={storageKey} documents={documents} editorStatus={editorStatus} /> : null}
        </Panel>
      </Group>
      <StatusBar connection={connection} session={session.state} setupRunning={!ready} documents={documents} status={editorStatus} tabSize={editorSettings.tabSize} onRetry={session.retry} />
      <QuickOpen projectId={project.id} open={quickOpen} onClose={() => setQuickOpen(false)} onPick={(path) => void documents.open(path)} />
    </div>
  );
}
