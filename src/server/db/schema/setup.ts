import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SETUP_STEP_STATUSES, SETUP_STEPS } from '@/lib/schemas/setup';
import { projects } from './projects';

/** One row per step of a project's setup pipeline, with its status and logs. */
export const projectSetupSteps = pgTable(
  'project_setup_steps',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    step: text('step', { enum: SETUP_STEPS }).notNull(),
    status: text('status', { enum: SETUP_STEP_STATUSES }).notNull().default('pending'),
    logs: text('logs').notNull().default(''),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.step] })],
);

export type SetupStepRow = typeof projectSetupSteps.$inferSelect;
