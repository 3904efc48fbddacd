import { randomUUID, timingSafeEqual } from 'node:crypto';
import { Redis } from 'ioredis';
import { AppError, isAppError, type AppErrorCode } from '@/server/errors';
import type { EventBus } from '@/server/events';
import type { MessageSigner } from '@/server/events/signing';
import { eventStream } from '@/server/events/stream';
import { getLogger } from '@/server/logger';
import { getMetrics } from '@/server/observability/metrics';
import type { OutputChunk, TerminalInfo } from './manager';

/** Whose terminals a call is about: the project, and the signed-in user acting on it. */
export interface TerminalScope {
  projectId: string;
  userId: string;
}

/**
 * What one instance asks the instance that owns a terminal to do with it. It names the user the
 * asking instance authenticated, and the owner checks again that this user owns the project.
 */
export type TerminalRequest = TerminalScope &
  (
    | { op: 'input'; id: string; data: string }
    | { op: 'resize'; id: string; cols: number; rows: number }
    | { op: 'kill'; id: string }
    | { op: 'replay'; id: string; since: number }
    | { op: 'tail'; id: string; maxChars: number }
    | { op: 'drop' }
  );

/** The owner's answer to `replay`: the scrollback from an offset, and whether the shell has exited. */
export interface Replay {
  chunks: { start: number; data: string }[];
  exitCode: number | null;
}

/** A terminal and the instance whose process holds its PTY. */
export interface TerminalEntry {
  owner: string;
  info: TerminalInfo;
}

function parseEntry(json: string): TerminalEntry {
  const { owner, info } = JSON.parse(json) as { owner: string; info: TerminalInfo & { createdAt: string } };
  return { owner, info: { ...info, createdAt: new Date(info.createdAt) } };
}

type Reply = { ok: true; result: unknown } | { ok: false; code: AppErrorCode; message: string };
type OutputEvent = { type: 'chunk'; offset: number; data: string } | { type: 'exit'; exitCode: number };

const REQUEST_TIMEOUT_MS = 5_000;
// An owner refreshes its liveness key every HEARTBEAT_MS; terminals of an owner whose key expired
// (the instance died) are dropped from the directory.
const HEARTBEAT_MS = 5_000;
const ALIVE_TTL_S = 15;
const instanceTopic = (instanceId: string) => `terminals:instance:${instanceId}`;
const outputTopic = (id: string) => `terminal:${id}:output`;

/**
 * Terminals across instances. A PTY lives in the process that opened it (its owner); a Redis hash
 * per project says which instance owns which terminal, the owner publishes every output chunk with
 * its byte offset on the bus, and other instances forward input, resize, kill and scrollback reads
 * to the owner as bus requests. Only used when the bus reaches other instances (REDIS_URL).
 */
export class TerminalCluster {
  readonly instanceId = randomUUID();
  private heartbeat?: NodeJS.Timeout;

  constructor(
    private readonly bus: EventBus,
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly signer: MessageSigner,
  ) {}

  private key = (projectId: string) => `${this.keyPrefix}:terminals:${projectId}`;

  /** A directory row: its MAC, then its JSON; signed so that a row written straight into Redis is ignored. */
  private sealRow(projectId: string, id: string, json: string): string {
    return `${this.signer.mac(`${this.key(projectId)}\n${id}\n${json}`)}.${json}`;
  }

  private openRow(projectId: string, id: string, row: string): TerminalEntry | null {
    const dot = row.indexOf('.');
    const json = row.slice(dot + 1);
    const given = Buffer.from(row.slice(0, Math.max(dot, 0)));
    const expected = Buffer.from(this.signer.mac(`${this.key(projectId)}\n${id}\n${json}`));
    if (dot < 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      getMetrics().busRejected.inc({ reason: 'bad-mac' });
      getLogger().warn({ projectId, terminalId: id }, 'terminals: ignored a directory entry that is not from an Aura instance');
      return null;
    }
    const entry = parseEntry(json);
    return entry.info.id === id && entry.info.projectId === projectId ? entry : null;
  }
  private aliveKey = (instanceId: string) => `${this.keyPrefix}:terminals:alive:${instanceId}`;

  async announce(info: TerminalInfo): Promise<void> {
    if (!this.heartbeat) {
      const beat = () => this.redis.set(this.aliveKey(this.instanceId), '1', 'EX', ALIVE_TTL_S).catch(() => {});
      this.heartbeat = setInterval(beat, HEARTBEAT_MS).unref();
      await beat();
    }
    await this.redis.hset(this.key(info.projectId), info.id, this.sealRow(info.projectId, info.id, JSON.stringify({ owner: this.instanceId, info })));
  }

  /** Drops (and leaves out) the entries of owners that stopped their heartbeat. */
  private async living(projectId: string, entries: TerminalEntry[]): Promise<TerminalEntry[]> {
    const others = [...new Set(entries.map((entry) => entry.owner))].filter((owner) => owner !== this.instanceId);
    const dead = new Set<string>();
    for (const owner of others) if (!(await this.redis.exists(this.aliveKey(owner)))) dead.add(owner);
    const gone = entries.filter((entry) => dead.has(entry.owner)).map((entry) => entry.info.id);
    if (gone.length) await this.redis.hdel(this.key(projectId), ...gone);
    return entries.filter((entry) => !dead.has(entry.owner));
  }

  /** Stops this instance's heartbeat and closes its Redis connection (the bus is the caller's). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.redis.disconnect();
  }

  async forget(projectId: string, ids?: string[]): Promise<void> {
    if (ids) await this.redis.hdel(this.key(projectId), ...ids);
    else await this.redis.del(this.key(projectId));
  }

  async entries(projectId: string): Promise<TerminalEntry[]> {
    const rows = Object.entries(await this.redis.hgetall(this.key(projectId)));
    const signed = rows.map(([id, row]) => this.openRow(projectId, id, row)).filter((entry) => entry !== null);
    const entries = await this.living(projectId, signed);
    return entries.sort((a, b) => a.info.createdAt.getTime() - b.info.createdAt.getTime());
  }

  async find(projectId: string, id: string): Promise<TerminalEntry | null> {
    const row = await this.redis.hget(this.key(projectId), id);
    const entry = row ? this.openRow(projectId, id, row) : null;
    return entry ? ((await this.living(projectId, [entry]))[0] ?? null) : null;
  }

  publishChunk(id: string, chunk: OutputChunk): void {
    const event: OutputEvent = { type: 'chunk', offset: chunk.offset, data: Buffer.from(chunk.data).toString('base64') };
    this.bus.publish(outputTopic(id), event).catch((error) => getLogger().warn({ err: error }, 'terminals: could not publish output'));
  }

  publishExit(id: string, exitCode: number): void {
    this.bus.publish(outputTopic(id), { type: 'exit', exitCode } satisfies OutputEvent).catch(() => {});
  }

  /** Answers other instances' requests about the terminals this instance owns. */
  serve(handle: (request: TerminalRequest) => Promise<unknown>): () => void {
    return this.bus.subscribe(instanceTopic(this.instanceId), (message) => {
      const { reply, request } = message as { reply: string; request: TerminalRequest };
      void handle(request).then(
        (result): Reply => ({ ok: true, result: result ?? null }),
        (error: unknown): Reply =>
          isAppError(error) ? { ok: false, code: error.code, message: error.message } : { ok: false, code: 'SERVICE_UNAVAILABLE', message: 'The terminal could not be reached.' },
      )
        .then((answer) => this.bus.publish(reply, answer))
        .catch((error) => getLogger().warn({ err: error }, 'terminals: could not answer a request'));
    });
  }

  /** Sends a request to the owner and waits for its answer; its errors are rethrown here. */
  async call<T>(owner: string, request: TerminalRequest): Promise<T> {
    const reply = `terminals:reply:${randomUUID()}`;
    let unsubscribe = () => {};
    try {
      const answer = await new Promise<Reply>((resolve, reject) => {
        const timer = setTimeout(() => reject(new AppError('SERVICE_UNAVAILABLE', 'The server running this terminal is not answering. Try again, or open a new terminal.')), REQUEST_TIMEOUT_MS);
        unsubscribe = this.bus.subscribe(reply, (event) => {
          clearTimeout(timer);
          resolve(event as Reply);
        });
        // The bus finishes this instance's pending subscribes before publishing, so the reply is heard.
        this.bus.publish(instanceTopic(owner), { reply, request }).catch(reject);
      });
      if (!answer.ok) throw new AppError(answer.code, answer.message);
      return answer.result as T;
    } finally {
      unsubscribe();
    }
  }

  /**
   * Output of a terminal another instance owns, from `since` on: subscribe to its chunks first,
   * then replay the owner's scrollback, then follow live chunks; offsets drop duplicates and a gap
   * is filled from the owner's scrollback.
   */
  async *follow(owner: string, scope: TerminalScope, id: string, since: number, signal?: AbortSignal): AsyncGenerator<OutputChunk> {
    const live = eventStream<OutputEvent>((push) => this.bus.subscribe(outputTopic(id), (event) => push(event as OutputEvent)), signal);
    let sent = since;
    const replay = async function* (this: TerminalCluster) {
      const { chunks, exitCode } = await this.call<Replay>(owner, { op: 'replay', ...scope, id, since: sent });
      for (const chunk of chunks) {
        const data = Buffer.from(chunk.data, 'base64');
        if (chunk.start + data.byteLength <= sent) continue;
        sent = chunk.start + data.byteLength;
        yield { offset: sent, data: new Uint8Array(data) };
      }
      return exitCode !== null;
    }.bind(this);
    try {
      if (yield* replay()) return;
      for await (const event of live) {
        if (event.type === 'exit') return;
        const data = Buffer.from(event.data, 'base64');
        const start = event.offset - data.byteLength;
        if (start > sent) {
          if (yield* replay()) return;
          continue;
        }
        if (event.offset <= sent) continue;
        const skip = sent - start;
        sent = event.offset;
        yield { offset: sent, data: new Uint8Array(skip > 0 ? data.subarray(skip) : data) };
      }
    } finally {
      await live.return(undefined);
    }
  }
}

export function createTerminalCluster(options: { bus: EventBus; redisUrl: string; keyPrefix: string; signer: MessageSigner }): TerminalCluster {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  redis.on('error', (error) => getLogger().warn({ err: error }, 'terminals: redis error'));
  return new TerminalCluster(options.bus, redis, options.keyPrefix, options.signer);
}
