import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nextEnv from '@next/env';
import { readProcessEnv, type RawEnv } from './index';

/**
 * Loads `.env*` files the way Next.js does, so the launcher sees the same variables as the app.
 */
export function loadLaunchEnv(options: { dev: boolean; cwd?: string }): RawEnv {
  nextEnv.loadEnvConfig(options.cwd ?? process.cwd(), options.dev, { info: () => {}, error: console.error });
  const raw = readProcessEnv();
  raw.NODE_ENV ??= options.dev ? 'development' : 'production';
  return raw;
}

/** Where Aura keeps local state (embedded database, dev secret, sandboxes). Gitignored. */
export function dataDirOf(raw: RawEnv, cwd = process.cwd()): string {
  return path.resolve(cwd, raw.AURA_DATA_DIR?.trim() || '.aura');
}

/**
 * The dev secret: generated on first run and kept in the data folder, so sessions survive
 * restarts without anyone having to create a `.env`.
 */
export async function loadOrCreateDevSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'auth-secret');
  try {
    const existing = (await readFile(file, 'utf8')).trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
