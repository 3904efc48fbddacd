'use client';

import '@xterm/xterm/css/xterm.css';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { Terminal } from '@xterm/xterm';
import { GeistMono } from 'geist/font/mono';
import { useEffect, useRef } from 'react';
import { useTRPCClient } from '@/trpc/react';
import { XTERM_DARK, XTERM_LIGHT } from './xterm-theme';

export type TerminalConnection = 'connecting' | 'connected' | 'reconnecting' | 'exited';

const INPUT_FLUSH_MS = 5;
const MAX_WRITE = 65_536;
const decode = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/**
 * One xterm attached to a server-side terminal. Output streams only while the terminal is visible;
 * hidden, it unsubscribes and later resumes from the byte offset it has (the server keeps the
 * scrollback), so any number of terminals costs at most one open stream.
 */
export default function XtermView({
  projectId,
  terminalId,
  visible,
  dark,
  fontSize,
  focus,
  onConnection,
  onSize,
}: {
  projectId: string;
  terminalId: string;
  visible: boolean;
  dark: boolean;
  fontSize: number;
  /** Take the keyboard once visible (a terminal the user just opened). */
  focus: boolean;
  onConnection: (state: TerminalConnection) => void;
  onSize: (size: { cols: number; rows: number }) => void;
}) {
  const client = useTRPCClient();
  const container = useRef<HTMLDivElement>(null);
  const xterm = useRef<{ term: Terminal; fit: FitAddon } | null>(null);
  const offset = useRef<string | null>(null);
  const exited = useRef(false);
  const callbacks = useRef({ onConnection, onSize });
  const initial = useRef({ dark, fontSize });
  useEffect(() => {
    callbacks.current = { onConnection, onSize };
  });

  useEffect(() => {
    const term = new Terminal({ fontFamily: GeistMono.style.fontFamily, fontSize: Math.max(10, initial.current.fontSize - 1), lineHeight: 1.2, cursorBlink: true, scrollback: 10_000, theme: initial.current.dark ? XTERM_DARK : XTERM_LIGHT, allowProposedApi: false });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.loadAddon(new WebLinksAddon((_event, uri) => window.open(uri, '_blank', 'noopener,noreferrer')));
    term.open(container.current!);
    term.textarea?.setAttribute('aria-label', 'Terminal input');
    xterm.current = { term, fit };

    // Keystrokes are batched for a few milliseconds and sent in order, one request at a time.
    let pending = '';
    let timer: ReturnType<typeof setTimeout> | undefined;
    let sending = Promise.resolve();
    const flush = () => {
      timer = undefined;
      const data = pending;
      pending = '';
      for (let start = 0; start < data.length; start += MAX_WRITE) {
        const chunk = data.slice(start, start + MAX_WRITE);
        sending = sending.then(() => client.terminals.write.mutate({ projectId, terminalId, data: chunk })).then(
          () => undefined,
          () => undefined,
        );
      }
    };
    const input = term.onData((data) => {
      if (exited.current) return;
      pending += data;
      timer ??= setTimeout(flush, INPUT_FLUSH_MS);
    });

    // Ctrl+C copies when text is selected (else it interrupts); Ctrl+Shift+C/V copy and paste; ⌘C/⌘V on a Mac.
    term.attachCustomKeyEventHandler((event) => {
      if (event.type !== 'keydown') return true;
      const copy = (event.code === 'KeyC' && (event.metaKey || (event.ctrlKey && (event.shiftKey || term.hasSelection())))) && term.hasSelection();
      if (copy) {
        void navigator.clipboard?.writeText(term.getSelection());
        term.clearSelection();
        event.preventDefault();
        return false;
      }
      // Let the browser paste into xterm's textarea (its paste handler sends the text).
      if (event.code === 'KeyV' && (event.metaKey || event.ctrlKey)) return false;
      return true;
    });

    return () => {
      input.dispose();
      if (timer) flush();
      term.dispose();
      xterm.current = null;
    };
  }, [client, projectId, terminalId]);

  useEffect(() => {
    const current = xterm.current;
    if (!current) return;
    current.term.options.theme = dark ? XTERM_DARK : XTERM_LIGHT;
    current.term.options.fontSize = Math.max(10, fontSize - 1);
  }, [dark, fontSize]);

  // Output, while visible. A reload starts at offset 0, so the scrollback is replayed.
  useEffect(() => {
    if (!visible || exited.current) return;
    callbacks.current.onConnection('connecting');
    let connected = false;
    const subscription = client.terminals.output.subscribe(
      { projectId, terminalId, lastEventId: offset.current },
      {
        onData: ({ id, data }) => {
          offset.current = id;
          xterm.current?.term.write(decode(data.data));
        },
        onConnectionStateChange: (state) => {
          if (exited.current || state.state === 'idle') return;
          if (state.state === 'pending') connected = true;
          callbacks.current.onConnection(state.state === 'pending' ? 'connected' : connected ? 'reconnecting' : 'connecting');
        },
        // The server ended the stream: the shell exited. (Unsubscribing completes it without this.)
        onStopped: () => {
          exited.current = true;
          if (xterm.current) xterm.current.term.options.disableStdin = true;
          xterm.current?.term.write('\r\n\x1b[2m[The process exited. Close this terminal or open a new one.]\x1b[0m\r\n');
          callbacks.current.onConnection('exited');
        },
        onError: () => !exited.current && callbacks.current.onConnection('reconnecting'),
      },
    );
    return () => subscription.unsubscribe();
  }, [client, projectId, terminalId, visible]);

  // Fit to the panel, and tell the server when the size in cells changes.
  useEffect(() => {
    const element = container.current;
    const current = xterm.current;
    if (!visible || !element || !current) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const refit = () => {
      if (element.clientWidth === 0 || element.clientHeight === 0) return;
      current.fit.fit();
      const { cols, rows } = current.term;
      const size = `${cols}x${rows}`;
      if (size === last) return;
      last = size;
      callbacks.current.onSize({ cols, rows });
      clearTimeout(timer);
      timer = setTimeout(() => void client.terminals.resize.mutate({ projectId, terminalId, cols, rows }).catch(() => undefined), 100);
    };
    const observer = new ResizeObserver(() => requestAnimationFrame(refit));
    observer.observe(element);
    refit();
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [client, projectId, terminalId, visible]);

  useEffect(() => {
    if (focus && visible) xterm.current?.term.focus();
  }, [focus, visible]);

  return <div ref={container} className="h-full w-full overflow-hidden pl-2 pt-1" />;
}
