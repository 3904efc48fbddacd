import { createStore } from '../store';

/** What the status bar shows about the editor; Monaco updates it on every cursor move. */
export interface EditorStatus {
  ready: boolean;
  cursor: { line: number; column: number; selected: number } | null;
  problems: { errors: number; warnings: number } | null;
}

export const createEditorStatus = () => createStore<EditorStatus>({ ready: false, cursor: null, problems: null });
