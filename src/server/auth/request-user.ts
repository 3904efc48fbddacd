import type { Database } from '@/server/db';
import type { AuthUser } from './types';

/**
 * Resolves the caller from a request's Auth.js cookie or `Authorization: Bearer` token.
 * Accounts are not built yet, so every caller is anonymous.
 */
export async function resolveRequestUser(_options: { db: Database; headers: Headers }): Promise<AuthUser | null> {
  return null;
}
