'use client';

import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import type { Documents } from '../editor/documents';
import type { EditorStatus } from '../editor/editor-status';
import { useStore, type Store } from '../store';

export interface ComposedMessage {
  message: string;
  openFile?: { path: string; selection?: { startLine: number; endLine: number; text: string } };
  includeTerminalOutput: boolean;
}

/** The message box: Enter sends, Shift+Enter starts a new line; the open file and selection go along. */
export function Composer({
  documents,
  editorStatus,
  running,
  disabled,
  busy,
  onSend,
  onStop,
}: {
  documents: Documents;
  editorStatus: Store<EditorStatus>;
  running: boolean;
  disabled: boolean;
  busy: boolean;
  /** Resolves to true when the message was accepted (the box is then cleared). */
  onSend: (message: ComposedMessage) => Promise<boolean>;
  onStop: () => void;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [attachFile, setAttachFile] = useState(true);
  const [includeTerminal, setIncludeTerminal] = useState(false);
  const activePath = useStore(documents.state, (state) => state.active);
  const selection = useStore(editorStatus, (status) => status.selection);
  const openFile = activePath ? { path: activePath, ...(selection ? { selection } : {}) } : undefined;

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (!text.trim() || running || busy || disabled) return;
    const accepted = await onSend({ message: text.trim(), openFile: attachFile ? openFile : undefined, includeTerminalOutput: includeTerminal });
    if (accepted) setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <form onSubmit={send} className="space-y-2 border-t border-border bg-surface p-2.5">
      <label htmlFor={`${id}-message`} className="sr-only">
        Message the agent
      </label>
      <textarea
        id={`${id}-message`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        rows={3}
        disabled={disabled}
        placeholder="Ask the agent… (Enter sends, Shift+Enter for a new line)"
        aria-describedby={`${id}-context`}
        className="block w-full resize-y rounded-md border border-border bg-surface-raised px-2.5 py-2 text-sm placeholder:text-muted disabled:opacity-60"
      />
      <div id={`${id}-context`} className="space-y-1 text-xs text-muted">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={attachFile && !!openFile} onChange={(event) => setAttachFile(event.target.checked)} disabled={!openFile} />
          <span className="min-w-0 truncate">
            {openFile ? (
              <>
                Attach <span className="font-mono">{openFile.path}</span>
                {openFile.selection ? ` (lines ${openFile.selection.startLine}–${openFile.selection.endLine} selected)` : ''}
              </>
            ) : (
              'No file open to attach'
            )}
          </span>
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={includeTerminal} onChange={(event) => setIncludeTerminal(event.target.checked)} />
          Include terminal output
        </label>
      </div>
      <div className="flex justify-end gap-2">
        {running ? (
          <Button variant="danger" className="px-3 py-1.5 text-xs" onClick={onStop} disabled={busy}>
            Stop
          </Button>
        ) : null}
        <Button type="submit" className="px-3 py-1.5 text-xs" disabled={disabled || running || busy || !text.trim()}>
          Send
        </Button>
      </div>
    </form>
  );
}
