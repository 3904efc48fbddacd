import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';
import { createDriverSocket } from './socket';

export type Database = ReturnType<typeof createDatabase>['db'];

/**
 * Opens a pool on a PostgreSQL URL. The same code serves the embedded server, the CI server and
 * production; only the URL differs.
 */
export function createDatabase(url: string, options: { max?: number } = {}) {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'aura' },
    // The driver's default waits up to 20 s between reconnects once the database has been away a
    // while; capped at 2 s, the app serves again within seconds of the database coming back.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 2),
    // Not in the driver's typings, but a documented option of its connection code.
    ...({ socket: createDriverSocket } as object),
  });
  const db = drizzle(sql, { schema, casing: 'snake_case' });
  return { db, close: () => sql.end({ timeout: 5 }) };
}

/** A transaction handle; services that may run inside one take `Executor`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;
