import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import type { ListProjectsInput } from '@/lib/schemas/projects';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';

/** Newest activity first; the cursor is the last row's (updatedAt, id), so pages never skip or repeat. */
export async function listProjects(options: { db: Database; ownerId: string; input: ListProjectsInput }): Promise<{ items: ProjectRow[]; nextCursor: string | null }> {
  const { db, ownerId, input } = options;
  const conditions: (SQL | undefined)[] = [eq(projects.ownerId, ownerId)];
  if (input.search) {
    const pattern = `%${input.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(or(ilike(projects.name, pattern), ilike(projects.description, pattern)));
  }
  if (input.cursor) {
    const { updatedAt, id } = decodeCursor(input.cursor);
    conditions.push(or(lt(projects.updatedAt, updatedAt), and(eq(projects.updatedAt, updatedAt), lt(projects.id, id))));
  }
  const rows = await db
    .select()
    .from(projects)
    .where(and(...conditions))
    .orderBy(desc(projects.updatedAt), desc(projects.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(last) : null };
}

function encodeCursor(row: ProjectRow): string {
  return Buffer.from(JSON.stringify([row.updatedAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as [string, string];
    const date = new Date(updatedAt);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { updatedAt: date, id };
  } catch {
    throw new AppError('BAD_REQUEST', 'That page cursor is not valid.');
  }
}
