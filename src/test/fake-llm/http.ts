import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeLlmServer, FakeRequest, FakeResponse, FakeScript, FakeServerOptions, RecordedRequest } from './script';

/** One provider's wire format. */
export interface WireFormat {
  /** Suffix of `url` that clients use as their base URL (`/v1` for OpenAI). */
  basePath: string;
  /** The chat endpoint, answered by the script on POST. */
  chatPath: string;
  /** Answers any other request (e.g. `GET /v1/models`, or a 404 in the provider's error format). */
  handleOther(req: IncomingMessage, res: ServerResponse, path: string): void;
  /** Normalises a chat request body's messages and tools for the script. */
  parse(body: Record<string, unknown>): Pick<FakeRequest, 'messages' | 'tools'>;
  /** Writes the script's answer (an error, a JSON body or an SSE stream). */
  respond(context: ResponseContext): Promise<void>;
}

export interface ResponseContext {
  request: RecordedRequest;
  response: FakeResponse;
  res: ServerResponse;
  /** Writes one SSE frame after the response's delay; false once the client has gone. */
  send(frame: string): Promise<boolean>;
}

/** Starts a fake provider on `host:port` (default 127.0.0.1, any free port). */
export async function startFakeServer(format: WireFormat, options: FakeServerOptions, fallback: FakeScript): Promise<FakeLlmServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: error instanceof Error ? error.message : String(error) } }));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://fake-llm').pathname;
    if (req.method !== 'POST' || path !== format.chatPath) {
      format.handleOther(req, res, path);
      return;
    }
    const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
    const request: RecordedRequest = {
      method: req.method,
      path,
      headers: req.headers,
      body,
      model: String(body.model ?? ''),
      stream: body.stream === true,
      ...format.parse(body),
      aborted: false,
    };
    requests.push(request);
    res.on('close', () => {
      if (!res.writableFinished) request.aborted = true;
    });
    const response = await fake.script(request);
    const delayMs = response.delayMs ?? 0;
    let framesLeft = response.disconnectAfterFrames ?? Infinity;
    const send = async (frame: string) => {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (res.destroyed || request.aborted) return false;
      if (framesLeft-- <= 0) {
        // After what was written reaches the client, without the stream's terminating chunk.
        res.socket?.destroySoon();
        return false;
      }
      res.write(frame);
      return true;
    };
    await format.respond({ request, response, res, send });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;

  const fake: FakeLlmServer = {
    url,
    baseUrl: url + format.basePath,
    requests,
    script: options.script ?? fallback,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return fake;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function startSse(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
}

/** Text of OpenAI-style content: a string or an array of `{ type: 'text', text }` parts. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: { type?: string; text?: unknown }) => (part?.type === 'text' && typeof part.text === 'string' ? part.text : ''))
    .join('');
}

export function parseArgs(json: unknown): Record<string, unknown> {
  if (typeof json !== 'string') return (json ?? {}) as Record<string, unknown>;
  try {
    return JSON.parse(json || '{}') as Record<string, unknown>;
  } catch {
    return { _raw: json };
  }
}
