/**
 * bench/sandbox: the local sandbox and the workspace APIs on this machine.
 *
 *   npm run bench:sandbox
 *
 * 1. create → first command output, 20 sandboxes (p50, p99);
 * 2. terminal keystroke → echo through the full HTTP stack (tRPC mutation in, SSE out, over
 *    loopback), next to raw node-pty echo in the same run;
 * 3. file write and read through the API, next to direct fs;
 * 4. 50 terminals streaming at once, counting every byte.
 * Prints figures; asserts nothing but the byte count.
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as pty from 'node-pty';
import superjson from 'superjson';
import { env } from '@/env';
import { createInnerContext } from '@/server/api/context';
import { handleTrpcRequest } from '@/server/api/http';
import { createCaller } from '@/server/api/root';
import { issueAccessToken } from '@/server/auth/access-tokens';
import { createDatabase } from '@/server/db/client';
import { users } from '@/server/db/schema';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createAuthSession } from '@/server/sessions/auth-sessions';
import { stopAllWatchers } from '@/server/workspace/watchers';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const summary = (values: number[]) => `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))} (n=${values.length})`;

async function main() {
  const scratch = await mkdtemp(path.join(tmpdir(), 'aura-bench-'));
  const { db, close } = createDatabase(env.DATABASE_URL, { max: 10 });
  const sandboxes = new LocalSandboxProvider({ dataDir: scratch });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await handleTrpcRequest(request, { db, sandboxes });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/trpc`;

  try {
    const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@example.com`, username: `bench_${Date.now().toString(36)}` }).returning();
    const session = await createAuthSession({ db, userId: user!.id, method: 'password', client: { ip: null, userAgent: null }, kind: 'api', lifetimeMs: 3_600_000 });
    const token = await issueAccessToken({ userId: user!.id, sessionId: session.id });
    const authUser = { id: user!.id, email: user!.email, username: user!.username, sessionId: session.id, via: 'bearer' as const };
    const api = createCaller(createInnerContext({ db, user: authUser, sandboxes }));
    const { project } = await api.projects.create({ name: `Bench ${Date.now().toString(36)}`, framework: 'react' });
    await api.sessions.create({ projectId: project.id, type: 'editor' });

    // 1. Create → first output.
    const startup: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const sandbox = await sandboxes.create();
      await sandbox.commands.run('echo ready');
      startup.push(performance.now() - started);
      await sandbox.kill();
    }
    console.log(`local sandbox, create → first command output: ${summary(startup)}`);

    // 2. Keystroke → echo, raw node-pty and through HTTP (mutation in, SSE out).
    const raw: number[] = [];
    const shell = pty.spawn('/bin/cat', [], { name: 'xterm-256color', cols: 80, rows: 24 });
    for (let i = 0; i < 200; i++) {
      const key = String.fromCharCode(97 + (i % 26));
      const started = performance.now();
      await new Promise<void>((resolve) => {
        const listener = shell.onData((data) => {
          if (data.includes(key)) {
            listener.dispose();
            resolve();
          }
        });
        shell.write(key);
      });
      raw.push(performance.now() - started);
    }
    shell.kill();

    const terminal = await api.terminals.create({ projectId: project.id, cols: 80, rows: 24 });
    await api.terminals.write({ projectId: project.id, terminalId: terminal.id, data: 'stty -icanon; cat\r' });
    // The first terminal stays open; its project's other 9 slots are not used below.
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ projectId: project.id, terminalId: terminal.id })));
    const sse = await fetch(`${base}/terminals.output?input=${input}`, { headers });
    const reader = sse.body!.pipeThrough(new TextDecoderStream()).getReader();
    let pending: ((text: string) => void) | undefined;
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        for (const line of value.split('\n')) {
          if (!line.startsWith('data: ')) continue;
          const data = (JSON.parse(line.slice(6)) as { json?: { data?: string } }).json?.data;
          if (data) pending?.(Buffer.from(data, 'base64').toString());
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const http: number[] = [];
    for (let i = 0; i < 200; i++) {
      const key = String.fromCharCode(97 + (i % 26));
      const started = performance.now();
      const echoed = new Promise<void>((resolve) => (pending = (text) => text.includes(key) && resolve()));
      await fetch(`${base}/terminals.write`, { method: 'POST', headers, body: JSON.stringify(superjson.serialize({ projectId: project.id, terminalId: terminal.id, data: key })) });
      await echoed;
      http.push(performance.now() - started);
    }
    await reader.cancel();
    console.log(`keystroke → echo, raw node-pty:           ${summary(raw)}`);
    console.log(`keystroke → echo, HTTP mutation + SSE:    ${summary(http)} (goal p99 < 10 ms)`);

    // 3. Files through the API vs direct fs.
    const content = 'x'.repeat(16 * 1024);
    const apiWrite: number[] = [];
    const apiRead: number[] = [];
    const fsWrite: number[] = [];
    const fsRead: number[] = [];
    let version: number | null = null;
    for (let i = 0; i < 100; i++) {
      let started = performance.now();
      version = (await api.files.write({ projectId: project.id, path: 'bench.txt', content: content + i, expectedVersion: version })).version;
      apiWrite.push(performance.now() - started);
      started = performance.now();
      await api.files.read({ projectId: project.id, path: 'bench.txt' });
      apiRead.push(performance.now() - started);
      started = performance.now();
      await writeFile(path.join(scratch, 'bench.txt'), content + i);
      fsWrite.push(performance.now() - started);
      started = performance.now();
      await readFile(path.join(scratch, 'bench.txt'));
      fsRead.push(performance.now() - started);
    }
    console.log(`16 KiB file write, API (store + sandbox): ${summary(apiWrite)}; direct fs: ${summary(fsWrite)}`);
    console.log(`16 KiB file read,  API (store):           ${summary(apiRead)}; direct fs: ${summary(fsRead)}`);

    // 4. 50 terminals streaming at once: 10 in each of 5 projects (a project's limit is 10).
    const projects = await Promise.all(
      Array.from({ length: 5 }, async (_, i) => {
        const created = (await api.projects.create({ name: `Bench stream ${i} ${Date.now().toString(36)}`, framework: 'react' })).project;
        await api.sessions.create({ projectId: created.id, type: 'editor' });
        return created.id;
      }),
    );
    const LINES = 2_000;
    const expected = Array.from({ length: LINES }, (_, i) => `${i + 1}\n`).join('').length;
    const started = performance.now();
    const counts = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const projectId = projects[i % projects.length]!;
        const term = await api.terminals.create({ projectId, cols: 200, rows: 50 });
        const stream = await api.terminals.output({ projectId, terminalId: term.id });
        await api.terminals.write({ projectId, terminalId: term.id, data: `stty -echo; seq 1 ${LINES} | tr -d '\\r'; echo __DO""NE__\r` });
        let text = '';
        for await (const envelope of stream as AsyncIterable<[string, { data: string }]>) {
          text += Buffer.from(envelope[1].data, 'base64').toString();
          if (text.includes('__DONE__\r\n') || text.includes('__DONE__\n')) break;
        }
        await api.terminals.kill({ projectId, terminalId: term.id });
        const body = text.replaceAll('\r\n', '\n');
        const from = body.indexOf('1\n2\n3\n');
        return from < 0 ? 0 : body.slice(from, body.indexOf('__DONE__')).length;
      }),
    );
    const lost = counts.reduce((total, count) => total + (expected - count), 0);
    console.log(`50 terminals × ${LINES} lines: ${((performance.now() - started) / 1000).toFixed(2)} s, bytes lost: ${lost}`);
    if (lost !== 0) process.exitCode = 1;
  } finally {
    server.close();
    await stopAllWatchers();
    await sandboxes.shutdown();
    await close();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
