import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '@/server/files/read-file';
import { LocalSandboxProvider } from '@/server/sandbox';
import type { Sandbox } from '@/server/sandbox/types';
import { createTestDatabase } from '@/test/database';
import { createTestOwner } from '@/test/users';
import { reconcileSandbox, watchSandboxChanges } from './sync-back';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-sync-back-'));
const provider = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await provider.shutdown();
  await rm(scratch, { recursive: true, force: true });
});

/** A sandbox whose file reads are counted per path. */
async function countedSandbox(): Promise<{ sandbox: Sandbox; reads: Map<string, number> }> {
  const sandbox = await provider.create();
  const reads = new Map<string, number>();
  const read = sandbox.files.read.bind(sandbox.files);
  sandbox.files.read = async (file: string) => {
    reads.set(file, (reads.get(file) ?? 0) + 1);
    return read(file);
  };
  return { sandbox, reads };
}

async function storedPaths(projectId: string): Promise<Map<string, string>> {
  return new Map((await listFiles({ db, projectId })).map((file) => [file.path, file.hash]));
}

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('sync-back from a sandbox', () => {
  it('skips a 200 MB file without reading it (the server’s memory stays flat), and still stores the rest', async () => {
    const { projectId } = await createTestOwner(db);
    const { sandbox, reads } = await countedSandbox();
    const watcher = await watchSandboxChanges({ db, sandbox, projectId });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      // What a tenant's `dd` does; then a normal file, whose arrival says the batch was handled.
      await sandbox.commands.run('head -c 200M /dev/zero > big.bin && ln -s /etc/passwd link && echo ok > small.txt', { timeoutMs: 60_000 });
      await until(async () => (await storedPaths(projectId)).has('small.txt'));
      await watcher.stop();
      // The end-of-session reconcile skips it too.
      await reconcileSandbox({ db, sandbox, projectId });
    } finally {
      clearInterval(sampler);
    }
    expect(reads.get('big.bin') ?? 0).toBe(0);
    expect(reads.get('link') ?? 0).toBe(0);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
    expect([...(await storedPaths(projectId)).keys()]).toEqual(['small.txt']);
  }, 120_000);

  it('reads a file written 100 times in quick succession a bounded number of times, and stores its last state', async () => {
    const { projectId } = await createTestOwner(db);
    const { sandbox, reads } = await countedSandbox();
    const watcher = await watchSandboxChanges({ db, sandbox, projectId });
    try {
      // About 3 s of writes: a flush every 250 ms would read it a dozen times.
      await sandbox.commands.run('for i in $(seq 1 100); do echo $i > counter.txt; sleep 0.03; done', { timeoutMs: 60_000 });
      await until(async () => (await listFiles({ db, projectId })).some((file) => file.path === 'counter.txt' && file.size === 4));
    } finally {
      await watcher.stop();
    }
    const content = Buffer.from(await sandbox.files.read('counter.txt')).toString();
    expect(content).toBe('100\n');
    expect(reads.get('counter.txt')! - 1).toBeLessThanOrEqual(3);
  }, 120_000);
});
