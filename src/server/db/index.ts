import 'server-only';
import { env } from '@/env';
import { processSingleton } from '@/server/registry';
import { createDatabase, type Database } from './client';

export type { Database } from './client';

/**
 * The app's database, opened on first use from DATABASE_URL. One pool per process, whichever chunk
 * asks, and not a new one on each dev hot reload.
 */
export function getDb(): Database {
  return processSingleton('db.pool', () => createDatabase(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX })).db;
}
