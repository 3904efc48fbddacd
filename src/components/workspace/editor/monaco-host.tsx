'use client';

import { Editor, type OnMount } from '@monaco-editor/react';
import { GeistMono } from 'geist/font/mono';
import { useEffect, useMemo, useRef } from 'react';
import type { EditorSettings } from '@/lib/schemas/users';
import type { Store } from '../store';
import type { Documents, EditorBridge } from './documents';
import type { EditorStatus } from './editor-status';
import { monaco, pathOf, uriOf } from './monaco-setup';

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

// Shown under the overlays while no file is ready, so Monaco never makes an empty model for a real path.
const PLACEHOLDER = 'inmemory://aura/placeholder';

/** The Monaco editor: one model per open file, switched as tabs change. Loaded lazily, browser only. */
export default function MonacoHost({
  documents,
  attached,
  activePath,
  settings,
  dark,
  status,
}: {
  documents: Documents;
  /** Whether the buffers are models yet; until then the placeholder shows. */
  attached: boolean;
  activePath: string | null;
  settings: EditorSettings;
  dark: boolean;
  status: Store<EditorStatus>;
}) {
  const editorRef = useRef<CodeEditor | null>(null);

  useEffect(() => attachBridge(documents), [documents]);
  useEffect(() => () => status.set((s) => ({ ...s, ready: false, cursor: null, problems: null, selection: null })), [status]);

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      fontFamily: GeistMono.style.fontFamily,
      fontSize: settings.fontSize,
      tabSize: settings.tabSize,
      insertSpaces: true,
      detectIndentation: false,
      wordWrap: settings.wordWrap ? 'on' : 'off',
      minimap: { enabled: settings.minimap },
      automaticLayout: true,
      scrollBeyondLastLine: false,
      smoothScrolling: true,
      fixedOverflowWidgets: true,
      padding: { top: 8 },
      ariaLabel: activePath ? `Editor: ${activePath}` : 'Editor',
    }),
    [settings, activePath],
  );

  // Tab size is a model option: apply it to every buffer, including ones opened later.
  useEffect(() => {
    const apply = (model: monaco.editor.ITextModel) => model.updateOptions({ tabSize: settings.tabSize, insertSpaces: true });
    monaco.editor.getModels().forEach(apply);
    const created = monaco.editor.onDidCreateModel(apply);
    return () => created.dispose();
  }, [settings.tabSize]);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    const report = () => reportStatus(editor, status);
    editor.onDidChangeCursorSelection(report);
    editor.onDidChangeModel(report);
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      const current = editor.getModel()?.uri.toString();
      if (uris.some((uri) => uri.toString() === current)) report();
    });
    editor.onDidDispose(() => markers.dispose());
    status.set((s) => ({ ...s, ready: true }));
    report();
  };

  const active = activePath ? documents.get(activePath) : undefined;
  const path = attached && active?.status === 'ready' && monaco.editor.getModel(uriOf(active.path)) ? uriOf(active.path).toString() : PLACEHOLDER;

  return (
    <Editor
      path={path}
      theme={dark ? 'aura-dark' : 'aura-light'}
      options={options}
      keepCurrentModel
      onMount={onMount}
      loading={null}
      className="h-full"
    />
  );
}

function reportStatus(editor: CodeEditor, status: Store<EditorStatus>) {
  const model = editor.getModel();
  if (!model || model.uri.toString() === PLACEHOLDER) return status.set((s) => ({ ...s, cursor: null, problems: null, selection: null }));
  const position = editor.getPosition();
  const selection = editor.getSelection();
  const markers = monaco.editor.getModelMarkers({ resource: model.uri });
  const selected = selection && !selection.isEmpty() ? model.getValueInRange(selection) : '';
  status.set((s) => ({
    ...s,
    selection: selection && selected ? { startLine: selection.startLineNumber, endLine: selection.endLineNumber, text: selected.slice(0, 20_000) } : null,
    cursor: position ? { line: position.lineNumber, column: position.column, selected: selection ? model.getValueInRange(selection).length : 0 } : null,
    problems: {
      errors: markers.filter((marker) => marker.severity === monaco.MarkerSeverity.Error).length,
      warnings: markers.filter((marker) => marker.severity === monaco.MarkerSeverity.Warning).length,
    },
  }));
}

/** Gives the documents store its buffers: a Monaco model per path, with unsaved state tracked by version marks. */
function attachBridge(documents: Documents): () => void {
  const saved = new Map<string, number>();
  const listeners = new Map<string, monaco.IDisposable>();
  const model = (path: string) => monaco.editor.getModel(uriOf(path));
  const track = (m: monaco.editor.ITextModel) => {
    const path = pathOf(m.uri);
    listeners.get(path)?.dispose();
    listeners.set(path, m.onDidChangeContent(() => documents.setDirty(path, m.getAlternativeVersionId() !== saved.get(path))));
  };

  const bridge: EditorBridge = {
    load(path, text, language, { dirty = false } = {}) {
      let m = model(path);
      if (!m) {
        m = monaco.editor.createModel(text, language, uriOf(path));
        track(m);
      } else if (m.getValue() !== text) {
        // An undoable edit, so reloading a file never loses the way back.
        m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null);
      }
      saved.set(path, dirty ? -1 : m.getAlternativeVersionId());
      documents.setDirty(path, dirty);
    },
    read(path) {
      const m = model(path);
      return m ? { text: m.getValue(), mark: m.getAlternativeVersionId() } : null;
    },
    markSaved(path, mark) {
      saved.set(path, mark);
      const m = model(path);
      if (m) documents.setDirty(path, m.getAlternativeVersionId() !== mark);
    },
    dispose(path) {
      listeners.get(path)?.dispose();
      listeners.delete(path);
      saved.delete(path);
      model(path)?.dispose();
    },
  };
  const detach = documents.attach(bridge);
  if (!monaco.editor.getModel(monaco.Uri.parse(PLACEHOLDER))) monaco.editor.createModel('', 'plaintext', monaco.Uri.parse(PLACEHOLDER));
  return () => {
    detach();
    for (const path of [...listeners.keys()]) bridge.dispose(path);
  };
}
