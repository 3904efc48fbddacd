import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import journal from '../../../drizzle/meta/_journal.json';
import { createDatabase, type Database } from './client';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');

// Any constant works; it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK_ID = 7_214_031;

/**
 * Applies the committed migrations in `drizzle/`. Instances that start together take turns
 * through an advisory lock, so a scaled-out deploy migrates once.
 */
export async function runMigrations(url: string, folder = MIGRATIONS_FOLDER): Promise<void> {
  const { db, close } = createDatabase(url, { max: 1 });
  try {
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    try {
      await migrate(db, { migrationsFolder: folder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    }
  } finally {
    await close();
  }
}

export interface MigrationStatus {
  /** Migrations this build ships. */
  expected: number;
  /** Migrations recorded as applied in the database. */
  applied: number;
  /** The newest shipped migration has been applied. */
  current: boolean;
}

/** Compares the database's migration log with the migrations this build was shipped with. */
export async function getMigrationStatus(db: Database): Promise<MigrationStatus> {
  const expected = journal.entries.length;
  const newest = journal.entries.at(-1)?.when ?? 0;
  const rows = await db
    .execute<{ applied: number; latest: string | null }>(
      sql`select count(*)::int as applied, max(created_at)::text as latest from drizzle.__drizzle_migrations`,
    )
    .catch((error: unknown) => {
      // 42P01 / 3F000: the log table or schema does not exist yet, so nothing was applied.
      const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code === '42P01' || code === '3F000') return [{ applied: 0, latest: null }];
      throw error;
    });
  const { applied, latest } = rows[0] ?? { applied: 0, latest: null };
  return { expected, applied, current: Number(latest ?? 0) >= newest };
}
