import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { readProcessEnv } from '@/env';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/server/db/embedded';
import { runMigrations } from '@/server/db/migrate';
import { databaseUrl } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: { adminUrl: string; template: string };
  }
}

/**
 * Starts one PostgreSQL for the run (embedded, or the server in DATABASE_URL) and migrates a
 * template database once. Each test file then clones the template into its own database.
 */
export default async function setup(project: TestProject) {
  const configured = readProcessEnv().DATABASE_URL;
  let server: EmbeddedDatabase | undefined;
  let scratch: string | undefined;
  let adminUrl: string;
  if (configured) {
    adminUrl = configured;
  } else {
    scratch = await mkdtemp(path.join(tmpdir(), 'aura-test-'));
    await chmod(scratch, 0o755);
    server = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'pg'), persistent: false });
    adminUrl = server.adminUrl;
  }

  const template = `aura_template_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  await runMigrations(databaseUrl(adminUrl, template));
  project.provide('testDatabase', { adminUrl, template });

  return async () => {
    await admin.unsafe(`drop database if exists "${template}" with (force)`);
    await admin.end({ timeout: 5 });
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
}
