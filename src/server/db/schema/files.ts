import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { FILE_SOURCES, type FileSource } from '@/lib/schemas/files';
import { createdAt } from './columns';
import { projects } from './projects';
import { users } from './users';

/** Who made a change; kept on the current row and in history. */
export { FILE_SOURCES, type FileSource };

/**
 * bytea as Uint8Array. The `postgres` driver sends any Uint8Array as bytea and parses bytea to a
 * Buffer; we hand back a plain Uint8Array view (no copy) so callers see one type both ways.
 */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : value),
});

// Text plus a check, not a pgEnum: adding a source is a constraint swap inside a transaction.
const sourceColumn = () => text('source', { enum: FILE_SOURCES }).notNull();
const sourceCheck = (name: string, column: unknown) =>
  check(name, sql`${column} in (${sql.join(FILE_SOURCES.map((source) => sql.raw(`'${source}'`)), sql`, `)})`);

/** File contents, addressed by SHA-256 (hex): identical content is stored once across projects. */
export const fileBlobs = pgTable('file_blobs', {
  hash: text('hash').primaryKey(),
  content: bytea('content').notNull(),
  size: integer('size').notNull(),
  createdAt: createdAt(),
});

/** A project's current tree: one row per live file. Deleting a file removes its row (history keeps it). */
export const projectFiles = pgTable(
  'project_files',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Relative POSIX path, e.g. `src/App.tsx`. */
    path: text('path').notNull(),
    blobHash: text('blob_hash')
      .notNull()
      .references(() => fileBlobs.hash),
    /** Equals the newest history version for this path; the optimistic-concurrency token. */
    version: integer('version').notNull(),
    size: integer('size').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    source: sourceColumn(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.path] }), sourceCheck('project_files_source_check', table.source)],
);

/** Every change to every path, append-only. A null blob marks a deletion. */
export const projectFileVersions = pgTable(
  'project_file_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    version: integer('version').notNull(),
    blobHash: text('blob_hash').references(() => fileBlobs.hash),
    source: sourceColumn(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  // Descending version: the unique index also serves "history newest first" and "latest version".
  (table) => [
    uniqueIndex('project_file_versions_path_version_key').on(table.projectId, table.path, table.version.desc()),
    sourceCheck('project_file_versions_source_check', table.source),
  ],
);

export type ProjectFileRow = typeof projectFiles.$inferSelect;
export type ProjectFileVersionRow = typeof projectFileVersions.$inferSelect;
