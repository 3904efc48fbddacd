import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FRAMEWORKS } from '@/lib/schemas/frameworks';
import { PROJECT_STATUSES, type ProjectConfiguration } from '@/lib/schemas/projects';
import { createdAt, updatedAt } from './columns';
import { users } from './users';

export const frameworkEnum = pgEnum('framework', FRAMEWORKS);
export const projectStatusEnum = pgEnum('project_status', PROJECT_STATUSES);

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    framework: frameworkEnum('framework').notNull(),
    uiLibrary: text('ui_library'),
    configuration: jsonb('configuration').$type<ProjectConfiguration>().notNull(),
    status: projectStatusEnum('status').notNull().default('initializing'),
    /** The seed's `e2bSessionId`: the id of the sandbox, whichever provider runs it. */
    sandboxId: text('sandbox_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    uniqueIndex('projects_owner_name_key').on(table.ownerId, table.name),
    index('projects_owner_updated_idx').on(table.ownerId, table.updatedAt),
  ],
);

export type ProjectRow = typeof projects.$inferSelect;
