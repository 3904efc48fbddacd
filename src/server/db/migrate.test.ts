import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { checkReadiness } from '@/server/system/readiness';
import { getMigrationStatus, runMigrations } from './migrate';
import { createDatabase } from './client';

describe('migrations', () => {
  it('create the schema on an empty database, and report it current', async () => {
    const { db, url } = await createTestDatabase({ migrated: false });
    expect(await getMigrationStatus(db)).toMatchObject({ applied: 0, current: false });
    expect((await checkReadiness({ db })).ready).toBe(false);

    await runMigrations(url);

    const tables = await db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((row) => row.table_name)).toEqual([
      'accounts',
      'agent_events',
      'agent_threads',
      'agent_turns',
      'agent_usage',
      'audit_events',
      'editor_sessions',
      'file_blobs',
      'jobs',
      'project_file_versions',
      'project_files',
      'project_setup_steps',
      'projects',
      'refresh_tokens',
      'sessions',
      'users',
    ]);
    const status = await getMigrationStatus(db);
    expect(status.current).toBe(true);
    expect(status.applied).toBe(status.expected);
    expect((await checkReadiness({ db })).ready).toBe(true);
  });

  it('are safe to run again, and from several instances at once', async () => {
    const { db, url } = await createTestDatabase({ migrated: false });
    await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    await runMigrations(url);
    const status = await getMigrationStatus(db);
    expect(status).toMatchObject({ current: true, applied: status.expected });
  });

  it('make readiness fail when the database cannot be reached', async () => {
    const { db, close } = createDatabase('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    try {
      const readiness = await checkReadiness({ db });
      expect(readiness.ready).toBe(false);
      expect(readiness.checks.database.up).toBe(false);
      expect(readiness.checks.database.error).toMatch(/ECONNREFUSED/);
    } finally {
      await close();
    }
  });
});
