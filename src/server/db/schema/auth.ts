import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns';
import { sessions } from './sessions';
import { users } from './users';

export const OAUTH_PROVIDERS = ['github', 'discord'] as const;
export const oauthProviderEnum = pgEnum('oauth_provider', OAUTH_PROVIDERS);

/** OAuth identities linked to a user (the profile's githubId / discordId mirror them). */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provider: oauthProviderEnum('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('accounts_provider_account_key').on(table.provider, table.providerAccountId),
    uniqueIndex('accounts_user_provider_key').on(table.userId, table.provider),
  ],
);

/**
 * Opaque refresh tokens, stored as SHA-256 hashes. Each rotation marks the old row used and adds
 * one to the same family; presenting a used token revokes the family and ends its session.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Absolute: set when the family starts, copied on rotation. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('refresh_tokens_hash_key').on(table.tokenHash), index('refresh_tokens_family_idx').on(table.familyId)],
);

export const AUDIT_EVENT_TYPES = [
  'signup',
  'login_success',
  'login_failure',
  'logout',
  'refresh_token_reuse',
  'lockout',
  'password_change',
  'session_revoked',
  'account_linked',
] as const;
export const auditEventTypeEnum = pgEnum('audit_event_type', AUDIT_EVENT_TYPES);
export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    type: auditEventTypeEnum('type').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (table) => [index('audit_events_user_idx').on(table.userId, table.createdAt), index('audit_events_type_idx').on(table.type, table.createdAt)],
);
