import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { processSingleton } from '@/server/registry';

interface RequestScope {
  requestId: string;
}

// One store per process: a route's chunk sets the scope, the logger (a process singleton, maybe
// built by another chunk) reads it.
const storage = processSingleton('observability.request-scope', () => new AsyncLocalStorage<RequestScope>());

/**
 * Runs `fn` with a request id that every log line written inside it carries (the logger's mixin
 * reads it), services and background callbacks started from it included.
 */
export function withRequestScope<T>(requestId: string, fn: () => T): T {
  return storage.getStore()?.requestId === requestId ? fn() : storage.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The caller's `x-request-id` when it is short and plain (it ends up in logs), or a new one. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get('x-request-id');
  return incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
}
