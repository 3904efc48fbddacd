import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { startServerProcess, trpcHttpClient, type ServerProcess, type TrpcResult } from '@/test/server-process';
import { createTestOwner } from '@/test/users';

const { db, url } = await createTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'aura-fault-save-'));
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

const start = async () => {
  const server = await startServerProcess({ databaseUrl: url, dataDir });
  servers.push(server);
  return server;
};

const PATHS = ['src/a.ts', 'src/b.ts', 'assets/c.txt'];
const SAVES_PER_PATH = 40;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** About 1.5 MiB, different for every path and save, so each version is recognisable. */
const contentOf = (file: string, save: number) => `// ${file} save ${save}\n` + `${file}:${save}:`.padEnd(64, '.').repeat(24_000) + `\n// end of ${file} save ${save}\n`;

describe('a server killed (SIGKILL) during file saves', () => {
  it('keeps every acknowledged save byte for byte, and no file half-written', { timeout: 90_000 }, async () => {
    const { token, projectId } = await createTestOwner(db);
    const first = await start();
    const api = trpcHttpClient({ url: first.trpcUrl, token });
    // The project has a live sandbox, so saves also write through to it.
    expect((await api.mutation('sessions.create', { projectId, type: 'editor' })).status).toBe(200);

    // Per path: the saves sent, in order, and the versions acknowledged with a 2xx.
    const acked = new Map<string, number[]>(PATHS.map((file) => [file, []]));
    let ackCount = 0;
    const writers = PATHS.map(async (file) => {
      let version: number | null = null;
      for (let save = 0; save < SAVES_PER_PATH; save++) {
        const result: TrpcResult<{ version: number }> | null = await api.mutation<{ version: number }>('files.write', { projectId, path: file, content: contentOf(file, save), expectedVersion: version }).catch(() => null);
        if (!result) return; // the server died under this request
        expect(result.status, JSON.stringify(result.error)).toBe(200);
        const saved: number = result.data!.version;
        expect(saved).toBe(save + 1);
        acked.get(file)!.push(saved);
        version = saved;
        ackCount += 1;
      }
    });
    // Kill once a few saves went through on each path, with more in flight.
    for (const started = Date.now(); ackCount < 2 * PATHS.length && Date.now() - started < 60_000; ) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.kill();
    await Promise.all(writers);
    expect(ackCount).toBeLessThan(PATHS.length * SAVES_PER_PATH);

    const second = await start();
    const after = trpcHttpClient({ url: second.trpcUrl, token });
    for (const file of PATHS) {
      const lastAcked = acked.get(file)!.at(-1) ?? 0;
      const read = await after.query<{ content: string; version: number }>('files.read', { projectId, path: file });
      expect(read.status).toBe(200);
      const stored = read.data!;
      // The last acknowledged save, or the one in flight when the server died (committed, not yet answered).
      expect([lastAcked, lastAcked + 1]).toContain(stored.version);
      expect(stored.content.length).toBe(contentOf(file, stored.version - 1).length);
      expect(stored.content === contentOf(file, stored.version - 1)).toBe(true);
      // History: one version per committed save, each exactly the content sent.
      const versions = await after.query<{ version: number; hash: string }[]>('files.versions', { projectId, path: file });
      expect(versions.data!.map((entry) => entry.version)).toEqual(Array.from({ length: stored.version }, (_, i) => stored.version - i));
      for (const entry of versions.data!) expect(entry.hash).toBe(sha256(contentOf(file, entry.version - 1)));
    }
    // The sandbox, reopened after the restart, has the stored files (not a half-written one).
    expect((await after.mutation('sessions.create', { projectId, type: 'editor' })).status).toBe(200);
    const sums = await after.mutation<{ stdout: string }>('processes.run', { projectId, command: `sha256sum ${PATHS.join(' ')}` });
    for (const file of PATHS) {
      const stored = (await after.query<{ content: string }>('files.read', { projectId, path: file })).data!;
      expect(sums.data!.stdout).toContain(`${sha256(stored.content)}  ${file}`);
    }
  });
});
