import 'server-only';
import { env } from '@/env';
import { createDatabase, type Database } from './client';

export type { Database } from './client';

// One pool per process; kept on globalThis so dev hot reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { auraDb?: ReturnType<typeof createDatabase> };

/** The app's database, opened on first use from DATABASE_URL. */
export function getDb(): Database {
  globalForDb.auraDb ??= createDatabase(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX });
  return globalForDb.auraDb.db;
}
