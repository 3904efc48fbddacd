/**
 * The server side of bench/load, in a process of its own so that its memory is measured alone.
 *
 *   node --conditions=react-server --import tsx --expose-gc bench/load-server.ts aura <sandbox dir>
 *   node --conditions=react-server --import tsx bench/load-server.ts peer '<SQL as JSON>'
 *
 * `aura`: the real stack on one node:http server: tRPC through `handleTrpcRequest`, the REST login
 * through the seed's adapter, the app's throttle (REDIS_URL when set) and local sandboxes.
 * `peer`: a bare node:http server that runs `projects.list`'s SQL with the `postgres` driver and
 * nothing else (no auth, no validation, no tRPC), the floor the stack is compared with.
 * Both print `listening <port>` and answer `GET /__bench/memory` (`?gc=1` collects first).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import postgres from 'postgres';
import { env } from '@/env';

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

async function auraHandler(sandboxDir: string): Promise<{ handle: Handler; close: () => Promise<void> }> {
  const [{ handleTrpcRequest, TRPC_ENDPOINT }, { createDatabase }, { LocalSandboxProvider }, { createRestHandler }, { stopAllWatchers }, { getThrottle }] = await Promise.all([
    import('@/server/api/http'),
    import('@/server/db/client'),
    import('@/server/sandbox'),
    import('@/server/rest/handler'),
    import('@/server/workspace/watchers'),
    import('@/server/auth/throttle-instance'),
  ]);
  const { db, close } = createDatabase(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
  const sandboxes = new LocalSandboxProvider({ dataDir: sandboxDir });
  const rest = createRestHandler({ db: () => db, sandboxes: () => sandboxes });
  return {
    async handle(req, res) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      let response: Response;
      if (req.url?.startsWith(`${TRPC_ENDPOINT}/`)) response = await handleTrpcRequest(request, { db, sandboxes });
      else if (req.method === 'POST' && req.url === '/api/auth/login') response = await rest(request);
      else response = new Response('not found', { status: 404 });
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    },
    async close() {
      await stopAllWatchers();
      await sandboxes.shutdown();
      await getThrottle().close();
      await close();
    },
  };
}

function peerHandler(query: string): { handle: Handler; close: () => Promise<void> } {
  const sql = postgres(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX, onnotice: () => {} });
  return {
    async handle(req, res) {
      const owner = new URL(req.url ?? '/', 'http://peer').searchParams.get('owner');
      if (!owner) {
        res.writeHead(400).end();
        return;
      }
      const rows = await sql.unsafe(query, [owner, 21]);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: rows.slice(0, 20) }));
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

async function main() {
  const [mode, arg] = process.argv.slice(2);
  if ((mode !== 'aura' && mode !== 'peer') || !arg) throw new Error('usage: load-server.ts aura <sandbox dir> | peer <SQL as JSON>');
  const app = mode === 'aura' ? await auraHandler(arg) : peerHandler(JSON.parse(arg) as string);
  const gc = (globalThis as { gc?: () => void }).gc;

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/__bench/memory')) {
      if (req.url.includes('gc=1')) for (let i = 0; i < 3; i++) gc?.();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.memoryUsage()));
      return;
    }
    app.handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log(`listening ${(server.address() as { port: number }).port}`);

  const stop = async () => {
    server.closeAllConnections();
    server.close();
    await app.close().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
