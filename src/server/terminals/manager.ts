import { randomUUID } from 'node:crypto';
import { EventEmitter, on } from 'node:events';
import type { Sandbox } from '@/server/sandbox/types';
import { AppError, notFound } from '@/server/errors';
import { Scrollback } from './scrollback';

export interface TerminalInfo {
  id: string;
  projectId: string;
  title: string;
  cols: number;
  rows: number;
  cwd: string;
  createdAt: Date;
  exitCode: number | null;
}

export interface OutputChunk {
  /** Byte offset just past this chunk: the id a reconnecting client resumes from. */
  offset: number;
  data: Uint8Array;
}

interface Terminal {
  info: TerminalInfo;
  sandbox: Sandbox;
  pid: number;
  scrollback: Scrollback;
  events: EventEmitter;
}

const MAX_TERMINALS_PER_PROJECT = 10;

/**
 * Terminals live on the instance that opened them (a PTY is a local process, or a stream held by
 * this process for e2b). Each keeps a scrollback, so output survives a dropped connection.
 */
export class TerminalManager {
  private readonly terminals = new Map<string, Terminal>();

  async create(options: { projectId: string; sandbox: Sandbox; cols: number; rows: number; cwd?: string; title?: string }): Promise<TerminalInfo> {
    const open = this.list(options.projectId).filter((terminal) => terminal.exitCode === null);
    if (open.length >= MAX_TERMINALS_PER_PROJECT) {
      throw new AppError('PRECONDITION_FAILED', `A project can have at most ${MAX_TERMINALS_PER_PROJECT} terminals open. Close one first.`);
    }
    const id = randomUUID();
    const scrollback = new Scrollback();
    const events = new EventEmitter();
    events.setMaxListeners(0);
    const info: TerminalInfo = {
      id,
      projectId: options.projectId,
      title: options.title ?? `Terminal ${this.list(options.projectId).length + 1}`,
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd ?? '',
      createdAt: new Date(),
      exitCode: null,
    };
    const { pid } = await options.sandbox.pty.create({
      cols: options.cols,
      rows: options.rows,
      cwd: options.cwd,
      onData: (data) => events.emit('chunk', { offset: scrollback.append(data).start + data.byteLength, data } satisfies OutputChunk),
      onExit: (exitCode) => {
        info.exitCode = exitCode;
        events.emit('exit', exitCode);
      },
    });
    this.terminals.set(id, { info, sandbox: options.sandbox, pid, scrollback, events });
    return info;
  }

  list(projectId: string): TerminalInfo[] {
    return [...this.terminals.values()].filter((terminal) => terminal.info.projectId === projectId).map((terminal) => terminal.info);
  }

  private get(projectId: string, id: string): Terminal {
    const terminal = this.terminals.get(id);
    if (!terminal || terminal.info.projectId !== projectId) throw notFound('Terminal');
    return terminal;
  }

  async input(projectId: string, id: string, data: string): Promise<void> {
    const terminal = this.get(projectId, id);
    if (terminal.info.exitCode !== null) throw new AppError('PRECONDITION_FAILED', 'This terminal has exited.');
    await terminal.sandbox.pty.sendInput(terminal.pid, data);
  }

  async resize(projectId: string, id: string, size: { cols: number; rows: number }): Promise<void> {
    const terminal = this.get(projectId, id);
    Object.assign(terminal.info, size);
    if (terminal.info.exitCode === null) await terminal.sandbox.pty.resize(terminal.pid, size);
  }

  async kill(projectId: string, id: string): Promise<void> {
    const terminal = this.get(projectId, id);
    if (terminal.info.exitCode === null) await terminal.sandbox.pty.kill(terminal.pid);
    this.terminals.delete(id);
    terminal.events.emit('exit', terminal.info.exitCode ?? -1);
  }

  /** The last `maxChars` of each of the project's terminals' output (as text), for the agent's context. */
  recentOutput(projectId: string, maxChars: number): { title: string; text: string }[] {
    const decoder = new TextDecoder();
    return [...this.terminals.values()]
      .filter((terminal) => terminal.info.projectId === projectId)
      .map((terminal) => {
        const { chunks } = terminal.scrollback.since(Math.max(0, terminal.scrollback.end - maxChars * 4));
        const text = chunks.map((chunk) => decoder.decode(chunk.data, { stream: true })).join('');
        // Escape sequences are noise to a model.
        return { title: terminal.info.title, text: text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').slice(-maxChars) };
      });
  }

  /** Forgets every terminal of a project whose sandbox went away. */
  dropProject(projectId: string): void {
    for (const [id, terminal] of this.terminals) {
      if (terminal.info.projectId !== projectId) continue;
      this.terminals.delete(id);
      terminal.events.emit('exit', terminal.info.exitCode ?? -1);
    }
  }

  /**
   * Output from `since` (a byte offset; 0 for everything kept) on: first what the scrollback holds,
   * then live chunks, each exactly once. Ends when the terminal exits or `signal` aborts.
   */
  async *output(projectId: string, id: string, since: number, signal?: AbortSignal): AsyncGenerator<OutputChunk> {
    const terminal = this.get(projectId, id);
    const exited = new AbortController();
    const stop = () => exited.abort();
    terminal.events.once('exit', stop);
    signal?.addEventListener('abort', stop, { once: true });
    // Listen before replaying, so nothing written in between is missed; offsets drop duplicates.
    const live = on(terminal.events, 'chunk', { signal: exited.signal });
    let sent = since;
    try {
      for (const chunk of terminal.scrollback.since(since).chunks) {
        sent = chunk.start + chunk.data.byteLength;
        yield { offset: sent, data: chunk.data };
      }
      if (terminal.info.exitCode !== null) return;
      for await (const [chunk] of live as AsyncIterable<[OutputChunk]>) {
        if (chunk.offset <= sent) continue;
        const skip = chunk.data.byteLength - (chunk.offset - sent);
        sent = chunk.offset;
        yield { offset: sent, data: skip > 0 ? chunk.data.subarray(skip) : chunk.data };
      }
    } catch (error) {
      if ((error as { name?: string }).name !== 'AbortError') throw error;
    } finally {
      terminal.events.off('exit', stop);
      signal?.removeEventListener('abort', stop);
    }
  }
}

const globalForTerminals = globalThis as unknown as { auraTerminals?: TerminalManager };

export function getTerminalManager(): TerminalManager {
  globalForTerminals.auraTerminals ??= new TerminalManager();
  return globalForTerminals.auraTerminals;
}
