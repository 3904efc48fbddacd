import type { AuditEventType } from '@/server/db/schema';
import { AppError, isAppError } from '@/server/errors';
import { getMetrics } from './metrics';

/** How an auth attempt that threw ended, as a metric label. */
export function authOutcomeOf(error: unknown): string {
  if (!isAppError(error)) return 'error';
  const outcomes: Partial<Record<AppError['code'], string>> = { UNAUTHORIZED: 'failure', TOO_MANY_REQUESTS: 'throttled', CONFLICT: 'conflict', BAD_REQUEST: 'invalid' };
  return outcomes[error.code] ?? 'error';
}

/** Audit events are the auth events: each one also moves its counter. */
export function countAuditEvent(type: AuditEventType): void {
  const metrics = getMetrics();
  if (type === 'signup') metrics.registrations.inc({ outcome: 'success' });
  else if (type === 'login_success') metrics.logins.inc({ outcome: 'success' });
  else if (type === 'login_failure') {
    metrics.logins.inc({ outcome: 'failure' });
    metrics.authFailures.inc({ reason: 'bad_credentials' });
  } else if (type === 'lockout') metrics.authFailures.inc({ reason: 'lockout' });
  else if (type === 'refresh_token_reuse') metrics.authFailures.inc({ reason: 'refresh_token_reuse' });
}
