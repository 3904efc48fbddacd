import { getLogger } from '@/server/logger';
import { processSingleton } from '@/server/registry';
import { getMetrics } from './metrics';
import { currentRequestId } from './request-scope';
import { captureInSentry } from './sentry';

// Process-wide, so an error reported by one chunk's middleware is not reported again by another's handler.
const reportedErrors = () => processSingleton('observability.reported-errors', () => new WeakSet<object>());

/**
 * The one place an unexpected server error goes: the log (with its cause, which the client never
 * sees), the error counter and Sentry. The same error reaching a second layer (the procedure
 * middleware, then the HTTP handler) is reported once.
 */
export function reportServerError(error: unknown, context: { surface: 'trpc' | 'rest' | 'job' | 'background'; path?: string; message?: string }): void {
  if (typeof error === 'object' && error !== null) {
    const reported = reportedErrors();
    if (reported.has(error)) return;
    reported.add(error);
  }
  const requestId = currentRequestId();
  getLogger().error({ event: 'server_error', err: error, surface: context.surface, path: context.path }, context.message ?? 'unexpected server error');
  getMetrics().serverErrors.inc({ surface: context.surface });
  captureInSentry(error, { surface: context.surface, path: context.path, requestId });
}

/** True once `reportServerError` has seen this error. */
export function wasReported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && reportedErrors().has(error);
}
