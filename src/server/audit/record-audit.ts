import type { ClientInfo } from '@/server/auth/types';
import type { Database } from '@/server/db/client';
import { auditEvents, type AuditEventType } from '@/server/db/schema';
import { getLogger } from '@/server/logger';

/** Stores a security event and logs it. Never throws: an audit failure must not fail a login. */
export async function recordAudit(options: {
  db: Database;
  type: AuditEventType;
  userId?: string | null;
  client?: ClientInfo;
  data?: Record<string, unknown>;
}): Promise<void> {
  const { db, type, userId = null, client, data = {} } = options;
  const entry = { userId, type, ip: client?.ip ?? null, userAgent: client?.userAgent?.slice(0, 512) ?? null, data };
  getLogger().info({ event: 'audit', audit: type, userId, ip: entry.ip, ...data }, `audit: ${type}`);
  try {
    await db.insert(auditEvents).values(entry);
  } catch (error) {
    getLogger().error({ err: error, audit: type }, 'could not store an audit event');
  }
}
