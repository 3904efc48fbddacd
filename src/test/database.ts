import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, expect, inject, onTestFinished } from 'vitest';
import { createDatabase, type Database } from '@/server/db/client';
import { databaseUrl } from './database-url';

export interface TestDatabase {
  db: Database;
  url: string;
}

/**
 * A migrated database of its own, cloned from the run's template and dropped after the test or
 * file that made it. Files run in parallel without sharing rows.
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template } = inject('testDatabase');
  const name = `aura_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(options.migrated === false ? `create database "${name}"` : `create database "${name}" template "${template}"`);
  const url = databaseUrl(adminUrl, name);
  const { db, close } = createDatabase(url, { max: 5 });
  const drop = async () => {
    await close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  };
  // Made inside a test: dropped after that test; at file level: after the file.
  if (expect.getState().currentTestName === undefined) afterAll(drop);
  else onTestFinished(drop);
  return { db, url };
}
