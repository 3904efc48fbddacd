import { randomUUID } from 'node:crypto';
import { resolveRequestUser } from '@/server/auth/request-user';
import type { AuthUser } from '@/server/auth/types';
import type { Database } from '@/server/db/client';

/** What every procedure can use. Tests build it directly with a real database and any user. */
export interface InnerContext {
  db: Database;
  user: AuthUser | null;
  requestId: string;
  /** Present for HTTP requests; absent for server-side callers and tests. */
  headers?: Headers;
  resHeaders?: Headers;
}

export function createInnerContext(options: { db: Database; user?: AuthUser | null; requestId?: string }): InnerContext {
  return { db: options.db, user: options.user ?? null, requestId: options.requestId ?? randomUUID() };
}

/** The request part: who is calling, from the request's headers. */
export async function createRequestContext(options: {
  db: Database;
  headers: Headers;
  resHeaders?: Headers;
}): Promise<InnerContext> {
  const user = await resolveRequestUser({ db: options.db, headers: options.headers });
  const incoming = options.headers.get('x-request-id');
  // A caller-supplied id is kept for tracing only when it is short and plain.
  const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  options.resHeaders?.set('x-request-id', requestId);
  return { ...createInnerContext({ db: options.db, user, requestId }), headers: options.headers, resHeaders: options.resHeaders };
}
