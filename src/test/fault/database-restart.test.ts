import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import superjson from 'superjson';
import { afterAll, describe, expect, it } from 'vitest';
import { handleTrpcRequest } from '@/server/api/http';
import { createDatabase } from '@/server/db/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/server/db/embedded';
import { runMigrations } from '@/server/db/migrate';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestOwner } from '@/test/users';

// A PostgreSQL of this file's own (the run's shared one must stay up), stopped and started again
// on the same port while the app keeps serving from one pool.
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-fault-db-'));
await chmod(scratch, 0o755);
const dataDir = path.join(scratch, 'pg');
let server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir });
const port = Number(new URL(server.url).port);
await runMigrations(server.url);
const { db, close } = createDatabase(server.url, { max: 5 });
const sandboxes = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await close();
  await server.stop();
  await rm(scratch, { recursive: true, force: true });
});

interface Outcome {
  status: number;
  retryAfter: string | null;
  code?: string;
}

/** One read and one write through the tRPC HTTP handler, as a browser's requests arrive. */
async function requestPair(token: string, projectId: string, n: number): Promise<Outcome[]> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const read = new Request(`http://aura.test/api/trpc/files.tree?input=${encodeURIComponent(JSON.stringify(superjson.serialize({ projectId })))}`, { headers });
  const write = new Request('http://aura.test/api/trpc/files.write', { method: 'POST', headers, body: JSON.stringify(superjson.serialize({ projectId, path: 'notes.md', content: `save ${n}` })) });
  return Promise.all(
    [read, write].map(async (request) => {
      const response = await handleTrpcRequest(request, { db, sandboxes });
      const body = (await response.json()) as { error?: { json: { data: { code: string } } } };
      return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.json.data.code };
    }),
  );
}

describe('the database restarting under load', () => {
  it('answers 503 with Retry-After while it is down, never 500, and serves again once it is back, with no app restart', { timeout: 60_000 }, async () => {
    const { token, projectId } = await createTestOwner(db);
    let n = 0;
    const loop = async (ms: number) => {
      const outcomes: Outcome[] = [];
      for (const started = Date.now(); Date.now() - started < ms; ) outcomes.push(...(await requestPair(token, projectId, n++)));
      return outcomes;
    };

    expect((await loop(500)).every((outcome) => outcome.status === 200)).toBe(true);

    // Stopped while requests are in flight: they, and every request while it is down, get 503.
    const during = loop(2_500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.stop();
    const down = await during;
    const failed = down.filter((outcome) => outcome.status !== 200);
    expect(failed.length).toBeGreaterThan(0);
    for (const outcome of failed) expect(outcome).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', retryAfter: expect.stringMatching(/^\d+$/) });

    server = await startEmbeddedPostgres({ dataDir, port });
    const restarted = Date.now();
    // The same pool reconnects: requests succeed again within a few attempts.
    let back: Outcome[] = [];
    for (const started = Date.now(); Date.now() - started < 15_000; ) {
      back = await requestPair(token, projectId, n++);
      if (back.every((outcome) => outcome.status === 200)) break;
      for (const outcome of back) expect([200, 503]).toContain(outcome.status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(back.map((outcome) => outcome.status)).toEqual([200, 200]);
    expect(Date.now() - restarted).toBeLessThan(5_000);
    expect((await loop(500)).every((outcome) => outcome.status === 200)).toBe(true);
  });
});
