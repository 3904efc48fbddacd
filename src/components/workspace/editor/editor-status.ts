import { createStore } from '../store';

/** What the status bar shows about the editor; Monaco updates it on every cursor move. */
export interface EditorStatus {
  ready: boolean;
  cursor: { line: number; column: number; selected: number } | null;
  problems: { errors: number; warnings: number } | null;
  /** The selected lines (1-based, inclusive) and text, for the agent's context; null when nothing is selected. */
  selection: { startLine: number; endLine: number; text: string } | null;
}

export const createEditorStatus = () => createStore<EditorStatus>({ ready: false, cursor: null, problems: null, selection: null });
