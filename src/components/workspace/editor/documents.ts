import type { FileChange } from '@/lib/schemas/files';
import { errorCode, errorMessage, type WorkspaceClient } from '../client';
import { createStore } from '../store';
import { languageOf, type LanguageInfo } from './languages';

export interface OpenDoc {
  path: string;
  language: LanguageInfo;
  status: 'loading' | 'ready' | 'binary' | 'error';
  /** The stored version the buffer is based on; sent as `expectedVersion` on save. */
  version: number | null;
  dirty: boolean;
  saving: boolean;
  /** Someone else changed or deleted the file while this tab had unsaved edits. */
  stale: 'changed' | 'deleted' | null;
  error: string | null;
}

export interface DocsState {
  docs: OpenDoc[];
  active: string | null;
  /** A save refused because the file changed underneath; the conflict dialog resolves it. */
  conflict: { path: string; message: string } | null;
  notice: string | null;
  /** Whether the editor has loaded and holds the buffers (before that, text waits here). */
  attached: boolean;
}

/** What the lazily loaded editor provides: one buffer (Monaco model) per open file. */
export interface EditorBridge {
  /** Creates the buffer, or replaces its text as an undoable edit. `dirty` keeps it marked unsaved. */
  load(path: string, text: string, language: string, options?: { dirty?: boolean }): void;
  /** The buffer's text and a mark that changes with every edit. */
  read(path: string): { text: string; mark: number } | null;
  markSaved(path: string, mark: number): void;
  dispose(path: string): void;
}

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/**
 * The open files: tabs, versions, unsaved state, saving with optimistic concurrency, and reacting
 * to changes made elsewhere. Text lives in the editor's buffers; before the editor has loaded it
 * waits here.
 */
export class Documents {
  readonly state = createStore<DocsState>({ docs: [], active: null, conflict: null, notice: null, attached: false });
  private bridge: EditorBridge | null = null;
  private readonly waiting = new Map<string, { text: string; dirty: boolean }>();

  constructor(
    private readonly client: WorkspaceClient,
    private readonly projectId: string,
  ) {}

  attach(bridge: EditorBridge): () => void {
    this.bridge = bridge;
    for (const [path, { text, dirty }] of this.waiting) bridge.load(path, text, languageOf(path).id, { dirty });
    this.waiting.clear();
    this.state.set((s) => ({ ...s, attached: true }));
    return () => {
      if (this.bridge !== bridge) return;
      // Keep the text of open files, so an editor mounted again picks them up.
      for (const doc of this.state.get().docs) {
        const buffer = bridge.read(doc.path);
        if (buffer) this.waiting.set(doc.path, { text: buffer.text, dirty: doc.dirty });
      }
      this.bridge = null;
      this.state.set((s) => ({ ...s, attached: false }));
    };
  }

  get(path: string): OpenDoc | undefined {
    return this.state.get().docs.find((doc) => doc.path === path);
  }

  get active(): OpenDoc | undefined {
    const { active } = this.state.get();
    return active ? this.get(active) : undefined;
  }

  async open(path: string, { activate = true } = {}): Promise<void> {
    const existing = this.get(path);
    if (!existing) {
      const doc: OpenDoc = { path, language: languageOf(path), status: 'loading', version: null, dirty: false, saving: false, stale: null, error: null };
      this.state.set((s) => ({ ...s, docs: [...s.docs, doc], active: activate || !s.active ? path : s.active }));
    } else if (activate) {
      this.activate(path);
    }
    if (!existing || existing.status === 'error') await this.fetch(path);
  }

  /** Reopens tabs from the editor session, in their order, after any opened meanwhile. */
  async restore(paths: string[], active: string | null): Promise<void> {
    const untouched = this.state.get().active === null;
    const opening = paths.map((path) => this.open(path, { activate: false }));
    if (untouched && active && this.get(active)) this.activate(active);
    await Promise.all(opening);
  }

  activate(path: string): void {
    if (this.get(path)) this.state.set((s) => ({ ...s, active: path }));
  }

  close(path: string): void {
    const { docs, active } = this.state.get();
    const index = docs.findIndex((doc) => doc.path === path);
    if (index < 0) return;
    const rest = docs.filter((doc) => doc.path !== path);
    const next = active === path ? (rest[Math.min(index, rest.length - 1)]?.path ?? null) : active;
    this.bridge?.dispose(path);
    this.waiting.delete(path);
    this.state.set((s) => ({ ...s, docs: rest, active: next }));
  }

  /** Closes every tab at or under a deleted path. */
  closeUnder(path: string): void {
    for (const doc of this.state.get().docs) if (within(doc.path, path)) this.close(doc.path);
  }

  /** Follows a rename or move made from the tree; unsaved edits move with the tab. */
  moved(renamed: { from: string; to: string; version: number }[]): void {
    for (const { from, to, version } of renamed) {
      const doc = this.get(from);
      if (!doc) continue;
      const text = this.bridge?.read(from)?.text ?? this.waiting.get(from)?.text;
      this.bridge?.dispose(from);
      this.waiting.delete(from);
      if (text !== undefined) this.setText(to, text, doc.dirty);
      this.state.set((s) => ({
        ...s,
        docs: s.docs.map((d) => (d.path === from ? { ...d, path: to, language: languageOf(to), version } : d)),
        active: s.active === from ? to : s.active,
      }));
    }
  }

  setDirty(path: string, dirty: boolean): void {
    if (this.get(path)?.dirty !== dirty) this.update(path, { dirty });
  }

  dismissNotice(): void {
    this.state.set((s) => ({ ...s, notice: null }));
  }

  async save(path = this.state.get().active): Promise<void> {
    const doc = path ? this.get(path) : undefined;
    const buffer = path ? this.bridge?.read(path) : null;
    if (!path || !doc || doc.status !== 'ready' || doc.saving || !buffer) return;
    this.update(path, { saving: true });
    try {
      const result = await this.client.files.write.mutate({ projectId: this.projectId, path, content: buffer.text, expectedVersion: doc.version });
      this.bridge?.markSaved(path, buffer.mark);
      this.update(path, { saving: false, version: result.version, stale: null });
      if ('warning' in result && result.warning) this.state.set((s) => ({ ...s, notice: `Saved ${path}, but ${result.warning}` }));
    } catch (error) {
      this.update(path, { saving: false });
      if (errorCode(error) === 'CONFLICT') this.state.set((s) => ({ ...s, conflict: { path, message: errorMessage(error) } }));
      else this.state.set((s) => ({ ...s, notice: `Couldn't save ${path}: ${errorMessage(error)}` }));
    }
  }

  /** Answers the conflict dialog: take the stored file, or write this tab's text over it. */
  async resolveConflict(choice: 'reload' | 'overwrite' | 'cancel'): Promise<void> {
    const conflict = this.state.get().conflict;
    this.state.set((s) => ({ ...s, conflict: null }));
    if (!conflict || choice === 'cancel') return;
    if (choice === 'reload') return this.fetch(conflict.path);
    const buffer = this.bridge?.read(conflict.path);
    if (!buffer) return;
    try {
      // No expectedVersion: this write is meant to replace whatever is stored.
      const result = await this.client.files.write.mutate({ projectId: this.projectId, path: conflict.path, content: buffer.text });
      this.bridge?.markSaved(conflict.path, buffer.mark);
      this.update(conflict.path, { version: result.version, stale: null });
      if ('warning' in result && result.warning) this.state.set((s) => ({ ...s, notice: `Saved ${conflict.path}, but ${result.warning}` }));
    } catch (error) {
      this.state.set((s) => ({ ...s, notice: `Couldn't save ${conflict.path}: ${errorMessage(error)}` }));
    }
  }

  /** A change from files.watch: clean tabs follow it, tabs with unsaved edits are flagged. */
  onRemoteChange(change: FileChange): void {
    const doc = this.get(change.path);
    if (!doc || (doc.version !== null && change.version <= doc.version)) return;
    if (change.type === 'write' && !doc.dirty) void this.fetch(change.path);
    else this.update(change.path, { stale: change.type === 'write' ? 'changed' : 'deleted' });
  }

  /** Replaces the tab's text with the stored file, discarding unsaved edits. */
  reload(path: string): Promise<void> {
    return this.fetch(path);
  }

  /** After a reconnect: anything may have changed, so clean tabs are reloaded. */
  refreshAll(): void {
    for (const doc of this.state.get().docs) if (!doc.dirty) void this.fetch(doc.path, { refresh: true });
  }

  /** `refresh`: leaves a tab alone that is already at that version or was edited meanwhile. */
  private async fetch(path: string, { refresh = false } = {}): Promise<void> {
    try {
      const file = await this.client.files.read.query({ projectId: this.projectId, path });
      const doc = this.get(path);
      if (!doc || (refresh && (doc.dirty || (doc.status === 'ready' && doc.version === file.version)))) return;
      if (file.encoding === 'base64') return this.update(path, { status: 'binary', version: file.version, error: null });
      this.setText(path, file.content, false);
      this.update(path, { status: 'ready', version: file.version, dirty: false, stale: null, error: null });
    } catch (error) {
      const message = errorCode(error) === 'NOT_FOUND' ? 'This file does not exist (any more).' : errorMessage(error);
      if (this.get(path)) this.update(path, { status: 'error', error: message });
    }
  }

  private setText(path: string, text: string, dirty: boolean): void {
    if (this.bridge) this.bridge.load(path, text, languageOf(path).id, { dirty });
    else this.waiting.set(path, { text, dirty });
  }

  private update(path: string, patch: Partial<OpenDoc>): void {
    this.state.set((s) => ({ ...s, docs: s.docs.map((doc) => (doc.path === path ? { ...doc, ...patch } : doc)) }));
  }
}
