import { parseEnv, type Env, type RawEnv } from './schema';

export { EnvError, parseDuration, parseEnv, type Env, type RawEnv } from './schema';

/**
 * The only place that reads `process.env` (lint enforces it). Everything else imports `env`.
 */
export function readProcessEnv(): RawEnv {
  return { ...process.env };
}

let cached: Env | undefined;

/** Validates the process environment on first use and caches it; `instrumentation.ts` calls it at boot. */
export function loadEnv(): Env {
  cached ??= parseEnv(readProcessEnv());
  return cached;
}

/**
 * The validated environment. Reading it validates once; `next build` never reads it, so a build
 * needs no secrets.
 */
export const env: Env = new Proxy({} as Env, {
  get: (_target, key) => loadEnv()[key as keyof Env],
});
