import { randomUUID } from 'node:crypto';
import { EventEmitter, on } from 'node:events';
import { env } from '@/env';
import { AppError, notFound } from '@/server/errors';
import { getLogger } from '@/server/logger';
import { getDb } from '@/server/db';
import { getBusSigner, getEventBus } from '@/server/events';
import { getOwnedProject } from '@/server/projects/owned-project';
import { processSingleton } from '@/server/registry';
import type { Sandbox } from '@/server/sandbox/types';
import { createTerminalCluster, type Replay, type TerminalCluster, type TerminalRequest, type TerminalScope } from './cluster';
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
  /** The user who opened it (the project's owner); requests from other instances must name them. */
  userId: string;
  sandbox: Sandbox;
  pid: number;
  scrollback: Scrollback;
  events: EventEmitter;
}

const MAX_TERMINALS_PER_PROJECT = 10;

/**
 * Terminals live on the instance that opened them (a PTY is a local process, or a stream held by
 * this process for e2b). Each keeps a scrollback, so output survives a dropped connection. With a
 * cluster (several instances sharing Redis), every method works from any instance: calls about a
 * terminal another instance owns are forwarded to it (see ./cluster.ts).
 */
export class TerminalManager {
  private readonly terminals = new Map<string, Terminal>();
  private readonly authorize: (scope: TerminalScope) => Promise<boolean>;

  /**
   * `authorize` says whether a user owns a project; a request from another instance is refused
   * (NOT_FOUND) unless it holds, whatever that instance checked.
   */
  constructor(
    private readonly cluster?: TerminalCluster,
    options: { authorize?: (scope: TerminalScope) => Promise<boolean> } = {},
  ) {
    this.authorize = options.authorize ?? (async () => false);
    cluster?.serve((request) => this.serve(request));
  }

  async create(options: TerminalScope & { sandbox: Sandbox; cols: number; rows: number; cwd?: string; title?: string }): Promise<TerminalInfo> {
    const existing = await this.list(options);
    if (existing.filter((terminal) => terminal.exitCode === null).length >= MAX_TERMINALS_PER_PROJECT) {
      throw new AppError('PRECONDITION_FAILED', `A project can have at most ${MAX_TERMINALS_PER_PROJECT} terminals open. Close one first.`);
    }
    const id = randomUUID();
    const scrollback = new Scrollback();
    const events = new EventEmitter();
    events.setMaxListeners(0);
    const info: TerminalInfo = {
      id,
      projectId: options.projectId,
      title: options.title ?? `Terminal ${existing.length + 1}`,
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
      onData: (data) => {
        const chunk: OutputChunk = { offset: scrollback.append(data).start + data.byteLength, data };
        events.emit('chunk', chunk);
        this.cluster?.publishChunk(id, chunk);
      },
      onExit: (exitCode) => {
        info.exitCode = exitCode;
        events.emit('exit', exitCode);
        this.cluster?.publishExit(id, exitCode);
        if (this.terminals.has(id)) void this.cluster?.announce(info).catch(() => {});
      },
    });
    this.terminals.set(id, { info, userId: options.userId, sandbox: options.sandbox, pid, scrollback, events });
    await this.cluster?.announce(info);
    return info;
  }

  async list({ projectId }: TerminalScope): Promise<TerminalInfo[]> {
    if (this.cluster) return (await this.cluster.entries(projectId)).map((entry) => this.terminals.get(entry.info.id)?.info ?? entry.info);
    return this.localTerminals(projectId).map((terminal) => terminal.info);
  }

  private localTerminals(projectId: string): Terminal[] {
    return [...this.terminals.values()].filter((terminal) => terminal.info.projectId === projectId);
  }

  private local({ projectId, userId }: TerminalScope, id: string): Terminal {
    const terminal = this.terminals.get(id);
    if (!terminal || terminal.info.projectId !== projectId || terminal.userId !== userId) throw notFound('Terminal');
    return terminal;
  }

  /** The terminal if this instance holds it, else the instance that does. */
  private async locate(scope: TerminalScope, id: string): Promise<{ terminal: Terminal } | { owner: string }> {
    const terminal = this.terminals.get(id);
    if (terminal?.info.projectId === scope.projectId) return { terminal: this.local(scope, id) };
    const entry = await this.cluster?.find(scope.projectId, id);
    if (!entry || entry.owner === this.cluster?.instanceId) throw notFound('Terminal');
    return { owner: entry.owner };
  }

  async input(scope: TerminalScope, id: string, data: string): Promise<void> {
    const found = await this.locate(scope, id);
    if ('owner' in found) return this.cluster!.call(found.owner, { op: 'input', ...scope, id, data });
    if (found.terminal.info.exitCode !== null) throw new AppError('PRECONDITION_FAILED', 'This terminal has exited.');
    await found.terminal.sandbox.pty.sendInput(found.terminal.pid, data);
  }

  async resize(scope: TerminalScope, id: string, size: { cols: number; rows: number }): Promise<void> {
    const found = await this.locate(scope, id);
    if ('owner' in found) return this.cluster!.call(found.owner, { op: 'resize', ...scope, id, ...size });
    const { terminal } = found;
    Object.assign(terminal.info, size);
    if (terminal.info.exitCode === null) await terminal.sandbox.pty.resize(terminal.pid, size);
    await this.cluster?.announce(terminal.info);
  }

  async kill(scope: TerminalScope, id: string): Promise<void> {
    const found = await this.locate(scope, id);
    if ('owner' in found) return this.cluster!.call(found.owner, { op: 'kill', ...scope, id });
    const { terminal } = found;
    if (terminal.info.exitCode === null) await terminal.sandbox.pty.kill(terminal.pid);
    this.terminals.delete(id);
    terminal.events.emit('exit', terminal.info.exitCode ?? -1);
    this.cluster?.publishExit(id, terminal.info.exitCode ?? -1);
    await this.cluster?.forget(scope.projectId, [id]);
  }

  /** The last `maxChars` of each of the project's terminals' output (as text), for the agent's context. */
  async recentOutput(scope: TerminalScope, maxChars: number): Promise<{ title: string; text: string }[]> {
    const cluster = this.cluster;
    if (!cluster) return this.localTerminals(scope.projectId).map((terminal) => tail(terminal, maxChars));
    const entries = await cluster.entries(scope.projectId);
    const tails = await Promise.all(
      entries.map(({ owner, info }) => {
        const terminal = this.terminals.get(info.id);
        if (terminal) return tail(terminal, maxChars);
        // A terminal whose instance does not answer is left out of the context, not an error.
        return cluster.call<{ title: string; text: string }>(owner, { op: 'tail', ...scope, id: info.id, maxChars }).catch(() => null);
      }),
    );
    return tails.filter((entry) => entry !== null);
  }

  /** Forgets every terminal of a project whose sandbox went away, on every instance. */
  async dropProject(scope: TerminalScope): Promise<void> {
    this.dropLocal(scope.projectId);
    const cluster = this.cluster;
    if (!cluster) return;
    const owners = new Set((await cluster.entries(scope.projectId)).map((entry) => entry.owner));
    owners.delete(cluster.instanceId);
    await Promise.all([...owners].map((owner) => cluster.call(owner, { op: 'drop', ...scope }).catch(() => {})));
    await cluster.forget(scope.projectId);
  }

  private dropLocal(projectId: string): void {
    for (const terminal of this.localTerminals(projectId)) {
      this.terminals.delete(terminal.info.id);
      terminal.events.emit('exit', terminal.info.exitCode ?? -1);
      this.cluster?.publishExit(terminal.info.id, terminal.info.exitCode ?? -1);
    }
  }

  /**
   * Answers another instance about a terminal this one holds. The bus only delivers messages signed
   * by an instance; the user they name must still own the project and the terminal, so neither a
   * bug in the asking instance nor a replayed request reaches someone else's shell.
   */
  private async serve(request: TerminalRequest): Promise<unknown> {
    const scope = { projectId: request.projectId, userId: request.userId };
    if (typeof scope.userId !== 'string' || !(await this.authorize(scope))) {
      getLogger().warn({ op: request.op, projectId: scope.projectId }, 'terminals: refused a request for a project its user does not own');
      throw notFound(request.op === 'drop' ? 'Project' : 'Terminal');
    }
    if (request.op === 'drop') return this.dropLocal(request.projectId);
    const terminal = this.local(scope, request.id);
    switch (request.op) {
      case 'input':
        return this.input(scope, request.id, request.data);
      case 'resize':
        return this.resize(scope, request.id, { cols: request.cols, rows: request.rows });
      case 'kill':
        return this.kill(scope, request.id);
      case 'tail':
        return tail(terminal, request.maxChars);
      case 'replay': {
        const chunks = terminal.scrollback.since(request.since).chunks.map((chunk) => ({ start: chunk.start, data: Buffer.from(chunk.data).toString('base64') }));
        return { chunks, exitCode: terminal.info.exitCode } satisfies Replay;
      }
    }
  }

  /**
   * Output from `since` (a byte offset; 0 for everything kept) on: first what the scrollback holds,
   * then live chunks, each exactly once. Ends when the terminal exits or `signal` aborts.
   */
  async *output(scope: TerminalScope, id: string, since: number, signal?: AbortSignal): AsyncGenerator<OutputChunk> {
    const held = this.terminals.get(id);
    const found = held?.info.projectId === scope.projectId ? { terminal: this.local(scope, id) } : await this.locate(scope, id);
    if ('owner' in found) return yield* this.cluster!.follow(found.owner, scope, id, since, signal);
    const { terminal } = found;
    const exited = new AbortController();
    const stop = () => exited.abort();
    terminal.events.once('exit', stop);
    signal?.addEventListener('abort', stop, { once: true });
    if (signal?.aborted) stop();
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

/** The last `maxChars` of a terminal's output as text, without escape sequences (noise to a model). */
function tail(terminal: Terminal, maxChars: number): { title: string; text: string } {
  const decoder = new TextDecoder();
  const { chunks } = terminal.scrollback.since(Math.max(0, terminal.scrollback.end - maxChars * 4));
  const text = chunks.map((chunk) => decoder.decode(chunk.data, { stream: true })).join('');
  return { title: terminal.info.title, text: text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').slice(-maxChars) };
}

/** The app's terminals (one manager per process); spread over the instances when REDIS_URL is set. */
export function getTerminalManager(): TerminalManager {
  return processSingleton(
    'terminals.manager',
    () =>
      new TerminalManager(
        env.REDIS_URL ? createTerminalCluster({ bus: getEventBus(), redisUrl: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX, signer: getBusSigner() }) : undefined,
        { authorize: (scope) => getOwnedProject({ db: getDb(), ...scope }).then(() => true, () => false) },
      ),
  );
}
