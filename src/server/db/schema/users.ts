import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { UserPreferences, UserProfile } from '@/lib/schemas/users';
import { createdAt, updatedAt } from './columns';

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored normalised (trimmed, lower-case), so the unique index is case-insensitive. */
    email: text('email').notNull(),
    username: text('username').notNull(),
    /** Null for accounts that only sign in through OAuth. */
    passwordHash: text('password_hash'),
    profile: jsonb('profile').$type<UserProfile>().notNull().default({}),
    preferences: jsonb('preferences').$type<Partial<UserPreferences>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    uniqueIndex('users_username_key').on(sql`lower(${table.username})`),
  ],
);

export type UserRow = typeof users.$inferSelect;
