import { sql } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { getMigrationStatus, type MigrationStatus } from '@/server/db/migrate';

export interface Readiness {
  ready: boolean;
  checks: {
    database: { up: boolean; latencyMs?: number; error?: string };
    migrations: (MigrationStatus & { error?: undefined }) | { current: false; error: string };
  };
}

const TIMEOUT_MS = 3_000;

/** Whether this instance can serve traffic: the database answers and its schema is current. */
export async function checkReadiness(options: { db: Database }): Promise<Readiness> {
  const started = performance.now();
  try {
    await withTimeout(options.db.execute(sql`select 1`), TIMEOUT_MS);
  } catch (error) {
    return {
      ready: false,
      checks: {
        database: { up: false, error: describe(error) },
        migrations: { current: false, error: 'the database is unreachable' },
      },
    };
  }
  const database = { up: true, latencyMs: Math.round(performance.now() - started) };
  try {
    const migrations = await withTimeout(getMigrationStatus(options.db), TIMEOUT_MS);
    return { ready: migrations.current, checks: { database, migrations } };
  } catch (error) {
    return { ready: false, checks: { database, migrations: { current: false, error: describe(error) } } };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Enough to act on, without connection strings or stack traces.
function describe(error: unknown): string {
  // Drizzle wraps driver errors ("Failed query: ..."); the driver's error says what happened.
  while (error instanceof Error && error.cause instanceof Error) error = error.cause;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message.replace(/postgres(ql)?:\/\/\S+/g, '<database url>') : 'unknown error';
  return code ? `${code}: ${message}` : message;
}
