/**
 * A real Aura server in a child process, for the fault, multi-instance and client tests: tRPC and
 * the REST paths over node:http (as the Next.js routes serve them) plus the setup worker (as `startBackgroundWork`
 * runs it), against the database in its config. Started by `startServerProcess`
 * (./server-process.ts), which passes the config as JSON in argv[2]:
 *
 *   node --conditions=react-server --import tsx src/test/serve-app.ts '{"databaseUrl": ..., "dataDir": ...}'
 *
 * Tells its parent the port over IPC once it listens; stops cleanly on SIGTERM.
 */
import { createServer } from 'node:http';
import { createAgentRuntime } from '@/server/agent/runtime';
import { handleTrpcRequest, TRPC_ENDPOINT } from '@/server/api/http';
import { createDatabase } from '@/server/db/client';
import { startWorker } from '@/server/jobs/queue';
import { runProjectSetup, SETUP_QUEUE } from '@/server/projects/setup/run-setup';
import { createRestHandler } from '@/server/rest/handler';
import { LocalSandboxProvider } from '@/server/sandbox';
import type { SandboxProvider } from '@/server/sandbox/types';
import { stopAllWatchers } from '@/server/workspace/watchers';
import { withFakeInstall } from './fake-install';

export interface ServeAppConfig {
  databaseUrl: string;
  /** The local sandboxes' folder; give a restarted server the same one. */
  dataDir: string;
  /** Job lease of the setup worker (default 30 s): how soon another worker takes over a killed one's job. */
  leaseMs?: number;
  pollMs?: number;
  /** How long an agent run may go without a heartbeat before its thread counts as abandoned. */
  agentRunLeaseMs?: number;
  /** Replace the template's install with `sleep` of this long, and its dev server with a tiny one (fast, offline setups). */
  fakeInstallMs?: number;
  /** Run the setup worker (default true); off, setups only run on the other instances. */
  worker?: boolean;
}

const config = JSON.parse(process.argv[2] ?? '{}') as ServeAppConfig;
const { db, close } = createDatabase(config.databaseUrl, { max: 10 });
const local = new LocalSandboxProvider({ dataDir: config.dataDir });
const sandboxes: SandboxProvider = config.fakeInstallMs === undefined ? local : withFakeInstall(local, config.fakeInstallMs);
const agent = createAgentRuntime({ databaseUrl: config.databaseUrl, runLeaseMs: config.agentRunLeaseMs });
const worker =
  config.worker === false
    ? undefined
    : startWorker({
        db,
        queue: SETUP_QUEUE,
        pollMs: config.pollMs ?? 200,
        leaseMs: config.leaseMs,
        handler: (job) => runProjectSetup({ db, provider: sandboxes, projectId: String(job.payload.projectId) }),
      });

const rest = createRestHandler({ db: () => db, sandboxes: () => sandboxes, agent: () => agent });

const server = createServer(async (req, res) => {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // A client that goes away (an SSE stream closed) ends its subscription, as in Next.js.
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined, signal: gone.signal });
    const response = req.url?.startsWith(`${TRPC_ENDPOINT}/`) ? await handleTrpcRequest(request, { db, sandboxes, agent }) : await rest(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  } catch (error) {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
});

process.once('SIGTERM', () => {
  void (async () => {
    server.close();
    server.closeAllConnections();
    await worker?.stop();
    await agent.close();
    await stopAllWatchers();
    await sandboxes.shutdown();
    await close();
    process.exit(0);
  })();
});
