import { and, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { CreateSessionInput, UpdateSessionInput } from '@/lib/schemas/sessions';
import type { Database } from '@/server/db/client';
import { editorSessions, sessions, type EditorSessionRow, type ProjectRow, type SessionRow } from '@/server/db/schema';
import { notFound } from '@/server/errors';
import { sessionEvents } from '@/server/observability/events';
import type { SandboxProvider } from '@/server/sandbox/types';
import { ensureDevServer } from '@/server/workspace/dev-server';
import { ensureProjectSandbox, SANDBOX_IDLE_TIMEOUT_MS } from '@/server/workspace/ensure-sandbox';
import { ensureWatching, stopWatching } from '@/server/workspace/watchers';

/** A workspace session lives this long past its last keep-alive. */
export const SESSION_TTL_MS = 30 * 60_000;
/** Without keep-alive for this long, a session is idle (its sandbox may pause). */
export const SESSION_IDLE_MS = 5 * 60_000;

export interface WorkspaceSession {
  session: SessionRow;
  editorSession: EditorSessionRow | null;
  connectionDetails: { projectId: string; sandboxId: string; provider: string; workdir: string; rebuilt: boolean };
}

/**
 * Opens (or reopens) a session on a project: the sandbox is reconnected or rebuilt from the store,
 * its changes sync back, and the user's editor state (open files, terminals) comes back with it.
 */
export async function openWorkspaceSession(options: {
  db: Database;
  provider: SandboxProvider;
  userId: string;
  project: ProjectRow;
  type: CreateSessionInput['type'];
}): Promise<WorkspaceSession> {
  const { db, provider, userId, project, type } = options;
  const { sandbox, rebuilt } = await ensureProjectSandbox({ db, provider, project });
  await ensureWatching({ db, sandbox, projectId: project.id, userId });
  await sandbox.setTimeout(SANDBOX_IDLE_TIMEOUT_MS);
  await ensureDevServer({ sandbox, project });

  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  const [existing] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.projectId, project.id), eq(sessions.type, type), ne(sessions.status, 'terminated'), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  const session = existing
    ? (await db.update(sessions).set({ status: 'active', lastAccessedAt: new Date(), expiresAt, data: { ...existing.data, sandboxId: sandbox.id } }).where(eq(sessions.id, existing.id)).returning())[0]!
    : (await db.insert(sessions).values({ userId, projectId: project.id, type, status: 'active', expiresAt, data: { sandboxId: sandbox.id } }).returning())[0]!;

  sessionEvents.opened(session, Boolean(existing));

  let editorSession: EditorSessionRow | null = null;
  if (type === 'editor') {
    // The editor session shares its id with the session row. A previous session's editor state
    // (the last one this user had on this project) is carried over.
    const [previous] = existing ? [] : await db.select().from(editorSessions).where(and(eq(editorSessions.projectId, project.id), eq(editorSessions.userId, userId))).orderBy(sql`${editorSessions.updatedAt} desc`).limit(1);
    const [row] = await db
      .insert(editorSessions)
      .values({ id: session.id, projectId: project.id, userId, sandboxId: sandbox.id, status: 'connected', activeFiles: previous?.activeFiles ?? [], terminalSessions: previous?.terminalSessions ?? [] })
      .onConflictDoUpdate({ target: editorSessions.id, set: { sandboxId: sandbox.id, status: 'connected' } })
      .returning();
    editorSession = row ?? null;
  }
  return { session, editorSession, connectionDetails: { projectId: project.id, sandboxId: sandbox.id, provider: provider.name, workdir: sandbox.workdir, rebuilt } };
}

async function ownSession(db: Database, userId: string, sessionId: string) {
  const [session] = await db.select().from(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), ne(sessions.type, 'auth')));
  if (!session) throw notFound('Session');
  const [editorSession] = await db.select().from(editorSessions).where(eq(editorSessions.id, sessionId));
  return { session, editorSession: editorSession ?? null };
}

export const getWorkspaceSession = (options: { db: Database; userId: string; sessionId: string }) => ownSession(options.db, options.userId, options.sessionId);

/** Keep-alive and editor state. A terminated session stays terminated. */
export async function updateWorkspaceSession(options: { db: Database; provider: SandboxProvider; userId: string; input: UpdateSessionInput }) {
  const { db, userId, input } = options;
  const { session } = await ownSession(db, userId, input.sessionId);
  if (session.status === 'terminated') throw notFound('Session');
  const status = input.status ?? 'active';
  const [updated] = await db
    .update(sessions)
    .set({ status, lastAccessedAt: new Date(), ...(status === 'active' ? { expiresAt: new Date(Date.now() + SESSION_TTL_MS) } : {}) })
    .where(eq(sessions.id, session.id))
    .returning();
  sessionEvents.keptAlive(session, session.status, status);
  if (input.activeFiles || input.terminalSessions) {
    await db
      .update(editorSessions)
      .set({ ...(input.activeFiles ? { activeFiles: input.activeFiles } : {}), ...(input.terminalSessions ? { terminalSessions: input.terminalSessions } : {}) })
      .where(eq(editorSessions.id, session.id));
  }
  const sandboxId = typeof session.data.sandboxId === 'string' ? session.data.sandboxId : null;
  if (status === 'active' && sandboxId) {
    const sandbox = await options.provider.connect(sandboxId);
    await sandbox?.setTimeout(SANDBOX_IDLE_TIMEOUT_MS);
  }
  return ownSession(db, userId, updated!.id);
}

/** Ends a session; when it was the project's last, the sandbox is synced one final time. */
export async function endWorkspaceSession(options: { db: Database; provider: SandboxProvider; userId: string; sessionId: string }): Promise<{ success: true }> {
  const { db, userId, sessionId } = options;
  const { session } = await ownSession(db, userId, sessionId);
  await db.update(sessions).set({ status: 'terminated' }).where(eq(sessions.id, session.id));
  await db.update(editorSessions).set({ status: 'disconnected' }).where(eq(editorSessions.id, session.id));
  if (session.status !== 'terminated') sessionEvents.ended(session, 'closed');
  if (session.projectId && !(await hasLiveSessions(db, session.projectId))) {
    const sandboxId = typeof session.data.sandboxId === 'string' ? session.data.sandboxId : null;
    const sandbox = sandboxId ? await options.provider.connect(sandboxId) : null;
    await stopWatching({ db, sandbox, projectId: session.projectId, userId });
  }
  return { success: true };
}

async function hasLiveSessions(db: Database, projectId: string): Promise<boolean> {
  const [live] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.projectId, projectId), inArray(sessions.type, ['editor', 'ai-agent']), ne(sessions.status, 'terminated'), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  return Boolean(live);
}

/** The sweeper: marks quiet sessions idle and ends expired ones. Returns the projects left with no live session. */
export async function sweepSessions(options: { db: Database; now?: Date }): Promise<{ idled: number; ended: string[] }> {
  const now = options.now ?? new Date();
  const idled = await options.db
    .update(sessions)
    .set({ status: 'idle' })
    .where(and(eq(sessions.status, 'active'), ne(sessions.type, 'auth'), lt(sessions.lastAccessedAt, new Date(now.getTime() - SESSION_IDLE_MS))))
    .returning({ id: sessions.id });
  const ended = await options.db
    .update(sessions)
    .set({ status: 'terminated' })
    .where(and(ne(sessions.status, 'terminated'), lt(sessions.expiresAt, now)))
    .returning({ id: sessions.id, projectId: sessions.projectId, type: sessions.type, createdAt: sessions.createdAt });
  sessionEvents.idled(idled.length);
  for (const session of ended) sessionEvents.ended(session, 'expired');
  if (ended.length > 0) {
    await options.db.update(editorSessions).set({ status: 'disconnected' }).where(inArray(editorSessions.id, ended.map((row) => row.id)));
  }
  return { idled: idled.length, ended: [...new Set(ended.map((row) => row.projectId).filter((id): id is string => id !== null))] };
}

/** The user's live workspace sessions, newest activity first. */
export async function listWorkspaceSessions(options: { db: Database; userId: string }) {
  return options.db
    .select({ id: sessions.id, projectId: sessions.projectId, type: sessions.type, status: sessions.status, expiresAt: sessions.expiresAt, lastAccessedAt: sessions.lastAccessedAt, createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.userId, options.userId), inArray(sessions.type, ['editor', 'ai-agent', 'project']), ne(sessions.status, 'terminated'), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(sql`${sessions.lastAccessedAt} desc`);
}
