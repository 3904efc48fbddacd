import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '@/test/processes';
import { createDatabase } from './client';
import { startEmbeddedPostgres } from './embedded';
import { runMigrations } from './migrate';
import { users } from './schema';

const scratch = await mkdtemp(path.join(tmpdir(), 'aura-embedded-'));
// As root, postgres runs as the `postgres` user, which must be able to enter the folder.
await chmod(scratch, 0o755);
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('embedded PostgreSQL', () => {
  it('keeps a written row across a restart, and stops without leaving postgres running', async () => {
    const dataDir = path.join(scratch, 'pg');

    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.dataDir).toBe(dataDir);
    const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(isAlive(pid)).toBe(true);
    await runMigrations(first.url);
    const one = createDatabase(first.url, { max: 1 });
    await one.db.insert(users).values({ email: 'ada@example.com', username: 'ada' });
    await one.close();
    await first.stop();
    expect(isAlive(pid)).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    const two = createDatabase(second.url, { max: 1 });
    try {
      const rows = await two.db.select().from(users).where(eq(users.email, 'ada@example.com'));
      expect(rows).toHaveLength(1);
      expect(rows[0]?.username).toBe('ada');
    } finally {
      await two.close();
      await second.stop();
    }
  });

  it('moves to a reachable folder when the requested one is closed to the postgres user', async () => {
    const closed = path.join(scratch, 'closed');
    await mkdir(closed, { mode: 0o700 });
    const server = await startEmbeddedPostgres({ dataDir: path.join(closed, 'pg'), persistent: false });
    try {
      expect(server.dataDir.startsWith(closed)).toBe(false);
      const { db, close } = createDatabase(server.url, { max: 1 });
      await runMigrations(server.url);
      expect(await db.select().from(users)).toEqual([]);
      await close();
    } finally {
      await server.stop();
    }
  });

  it('can be stopped twice', async () => {
    const server = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'twice'), persistent: false });
    await server.stop();
    await expect(server.stop()).resolves.toBeUndefined();
  });
});
