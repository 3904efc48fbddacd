import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { auditEvents, type AuditEventType } from '@/server/db/schema';
import { domainLogger } from '@/server/logger';
import { countAuditEvent } from '@/server/observability/auth-metrics';

/** Stores a security event, logs it (domain `auth`) and counts it (metrics). Never throws: an audit failure must not fail a login. */
export async function recordAudit(options: {
  db: Database;
  type: AuditEventType;
  userId?: string | null;
  client?: ClientInfo;
  data?: Record<string, unknown>;
}): Promise<void> {
  const { db, type, userId = null, client, data = {} } = options;
  const entry = { userId, type, ip: client?.ip ?? null, userAgent: client?.userAgent?.slice(0, 512) ?? null, data };
  domainLogger('auth').info({ event: 'audit', audit: type, userId, ip: entry.ip, ...data }, `audit: ${type}`);
  countAuditEvent(type);
  try {
    await db.insert(auditEvents).values(entry);
  } catch (error) {
    domainLogger('auth').error({ err: error, audit: type }, 'could not store an audit event');
  }
}
