import type { TRPCError } from '@trpc/server';
import { getLogger } from '@/server/logger';
import { getMetrics } from './metrics';
import { reportServerError } from './report-error';

/** Procedures slower than this are logged as `slow_procedure` (subscriptions are long by design). */
export const SLOW_PROCEDURE_MS = 1_000;

/**
 * What the tRPC middleware records for every call: its time, its error code if any, a warning
 * when it was slow, and unexpected errors through `reportServerError`.
 */
export function observeProcedure(call: { path: string; type: string; durationMs: number; error?: TRPCError }): void {
  const metrics = getMetrics();
  metrics.procedureDuration.observe({ procedure: call.path, type: call.type }, call.durationMs / 1000);
  if (call.error) {
    metrics.procedureErrors.inc({ procedure: call.path, code: call.error.code });
    if (call.error.code === 'INTERNAL_SERVER_ERROR') reportServerError(call.error.cause ?? call.error, { surface: 'trpc', path: call.path, message: 'procedure failed' });
  }
  if (call.type !== 'subscription' && call.durationMs > SLOW_PROCEDURE_MS) {
    getLogger().warn({ event: 'slow_procedure', path: call.path, type: call.type, durationMs: Math.round(call.durationMs) }, 'slow procedure');
  }
}
