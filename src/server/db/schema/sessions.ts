import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  EDITOR_SESSION_STATUSES,
  SESSION_STATUSES,
  SESSION_TYPES,
  type TerminalSession,
} from '@/lib/schemas/sessions';
import { createdAt, updatedAt } from './columns';
import { projects } from './projects';
import { users } from './users';

export const sessionTypeEnum = pgEnum('session_type', SESSION_TYPES);
export const sessionStatusEnum = pgEnum('session_status', SESSION_STATUSES);
export const editorSessionStatusEnum = pgEnum('editor_session_status', EDITOR_SESSION_STATUSES);

/** The seed's Session: sign-ins (`auth`), project workspaces, editor connections and agent threads. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    type: sessionTypeEnum('type').notNull(),
    status: sessionStatusEnum('status').notNull().default('active'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    lastAccessedAt: timestamp('last_accessed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('sessions_user_status_idx').on(table.userId, table.status),
    index('sessions_project_idx').on(table.projectId),
  ],
);

export const editorSessions = pgTable(
  'editor_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The seed's `e2bSessionId`. */
    sandboxId: text('sandbox_id'),
    activeFiles: jsonb('active_files').$type<string[]>().notNull().default([]),
    terminalSessions: jsonb('terminal_sessions').$type<TerminalSession[]>().notNull().default([]),
    aiConversationId: text('ai_conversation_id'),
    status: editorSessionStatusEnum('status').notNull().default('disconnected'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('editor_sessions_project_user_idx').on(table.projectId, table.userId)],
);

export type SessionRow = typeof sessions.$inferSelect;
export type EditorSessionRow = typeof editorSessions.$inferSelect;
