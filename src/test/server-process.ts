import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import superjson from 'superjson';
import { readProcessEnv } from '@/env';
import type { ServeAppConfig } from './serve-app';

const SCRIPT = path.join(import.meta.dirname, 'serve-app.ts');
// As under the launcher: the client address comes from the socket (or TRUSTED_PROXIES' headers).
const CLIENT_ADDRESS = path.join(import.meta.dirname, '../cli/client-address.mjs');

export interface ServerProcess {
  pid: number;
  /** `http://127.0.0.1:<port>`: the REST paths under /api, tRPC at /api/trpc. */
  url: string;
  /** `http://127.0.0.1:<port>/api/trpc`. */
  trpcUrl: string;
  /** Ends the process with SIGKILL: no cleanup, no graceful anything. Resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the clean shutdown. */
  stop(): Promise<void>;
  /** What it wrote to stderr (for failure messages). */
  stderr(): string;
}

/**
 * Starts Aura's API and setup worker in a child process (./serve-app.ts) and waits until it
 * listens. Pass `env` for what the app reads from the environment (model endpoints, REDIS_URL).
 */
export async function startServerProcess(config: ServeAppConfig & { env?: Record<string, string> }): Promise<ServerProcess> {
  const { env, ...serveConfig } = config;
  const child: ChildProcess = fork(SCRIPT, [JSON.stringify(serveConfig)], {
    execArgv: ['--conditions=react-server', '--import', 'tsx', '--import', CLIENT_ADDRESS],
    env: { ...(readProcessEnv() as NodeJS.ProcessEnv), LOG_LEVEL: 'error', DATABASE_URL: config.databaseUrl, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server process did not start in 30 s:\n${stderr}`)), 30_000);
    child.on('message', (message: { type?: string; port?: number }) => {
      if (message.type === 'listening' && message.port) {
        clearTimeout(timer);
        resolve(message.port);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server process exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    pid: child.pid!,
    url: `http://127.0.0.1:${port}`,
    trpcUrl: `http://127.0.0.1:${port}/api/trpc`,
    async kill() {
      if (!gone()) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (!gone()) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    stderr: () => stderr,
  };
}

export interface TrpcResult<T = unknown> {
  status: number;
  headers: Headers;
  /** The procedure's result when the call succeeded. */
  data?: T;
  /** tRPC's error shape when it failed (`code` is the tRPC code, e.g. SERVICE_UNAVAILABLE). */
  error?: { message: string; code: number; data: { code: string; httpStatus: number } };
}

/** A minimal tRPC-over-HTTP client (superjson, no batching), as an external caller uses the API. */
export function trpcHttpClient(options: { url: string; token?: string; signal?: AbortSignal }) {
  const headers = (): Record<string, string> => ({ 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) });
  const parse = async <T>(response: Response): Promise<TrpcResult<T>> => {
    const body = (await response.json()) as { result?: { data: unknown }; error?: { json: TrpcResult['error'] } };
    return {
      status: response.status,
      headers: response.headers,
      data: body.result ? (superjson.deserialize(body.result.data as never) as T) : undefined,
      error: body.error?.json,
    };
  };
  return {
    async query<T = unknown>(procedure: string, input: unknown): Promise<TrpcResult<T>> {
      const query = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
      return parse<T>(await fetch(`${options.url}/${procedure}?input=${query}`, { headers: headers(), signal: options.signal }));
    },
    async mutation<T = unknown>(procedure: string, input: unknown): Promise<TrpcResult<T>> {
      return parse<T>(await fetch(`${options.url}/${procedure}`, { method: 'POST', headers: headers(), body: JSON.stringify(superjson.serialize(input)), signal: options.signal }));
    },
  };
}

export interface SseMessage<T = unknown> {
  event: string;
  id: string;
  data: T;
}

/**
 * Opens a tRPC subscription over SSE as `httpSubscriptionLink` does (GET, superjson input) and
 * yields its data messages (with their tracked ids); a `serialized-error` message is thrown. Stop
 * by aborting `signal` or returning from the loop.
 */
export async function* trpcSubscription<T = unknown>(options: {
  url: string;
  token?: string;
  procedure: string;
  input: unknown;
  signal?: AbortSignal;
  /** Called with the response once the stream opens (its status and headers). */
  onResponse?: (response: Response) => void;
}): AsyncGenerator<SseMessage<T>> {
  const query = encodeURIComponent(JSON.stringify(superjson.serialize(options.input)));
  const controller = new AbortController();
  options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const response = await fetch(`${options.url}/${options.procedure}?input=${query}`, {
    headers: { accept: 'text/event-stream', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    signal: controller.signal,
  });
  options.onResponse?.(response);
  if (!response.ok || !response.body) throw new Error(`subscription ${options.procedure}: HTTP ${response.status} ${await response.text()}`);
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const message = { event: 'message', id: '', data: '' };
        for (const line of buffer.slice(0, end).split('\n')) {
          const colon = line.indexOf(':');
          if (colon <= 0) continue;
          const value = line.slice(colon + 1).replace(/^ /, '');
          const field = line.slice(0, colon) as keyof typeof message;
          if (field in message) message[field] = field === 'data' && message.data ? `${message.data}\n${value}` : value;
        }
        buffer = buffer.slice(end + 2);
        if (message.event === 'serialized-error') throw new Error(`subscription ${options.procedure} failed: ${message.data}`);
        if (message.event === 'return') return;
        if (message.event !== 'message') continue;
        yield { event: message.event, id: message.id, data: superjson.deserialize(JSON.parse(message.data)) as T };
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    controller.abort();
  }
}
