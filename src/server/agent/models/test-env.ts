import { parseEnv, type RawEnv } from '@/env';
import type { ModelEnv } from './config';

/** A validated environment with only the given variables set (plus the two the app requires). */
export function modelEnv(raw: RawEnv): ModelEnv {
  return parseEnv({ DATABASE_URL: 'postgres://aura@127.0.0.1:5432/aura', AUTH_SECRET: 'x'.repeat(32), ...raw });
}
