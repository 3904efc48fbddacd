import { z } from 'zod';
import { agentThreadSchema, agentTypeSchema } from './agent';
import { authSessionSchema } from './auth';

export const SESSION_TYPES = ['auth', 'project', 'editor', 'ai-agent'] as const;
export const sessionTypeSchema = z.enum(SESSION_TYPES);
export type SessionType = z.infer<typeof sessionTypeSchema>;

export const SESSION_STATUSES = ['active', 'idle', 'terminated'] as const;
export const sessionStatusSchema = z.enum(SESSION_STATUSES);
export type SessionStatus = z.infer<typeof sessionStatusSchema>;

export const EDITOR_SESSION_STATUSES = ['connected', 'disconnected', 'error'] as const;
export const editorSessionStatusSchema = z.enum(EDITOR_SESSION_STATUSES);

export const terminalSessionSchema = z.object({
  id: z.string(),
  title: z.string().max(100),
  cwd: z.string(),
  cols: z.number().int().positive(),
  rows: z.number().int().positive(),
});
export type TerminalSession = z.infer<typeof terminalSessionSchema>;

export const WORKSPACE_SESSION_TYPES = ['editor', 'ai-agent'] as const;

export const createSessionInput = z.object({
  projectId: z.uuid('Not a project id.'),
  type: z.enum(WORKSPACE_SESSION_TYPES).default('editor'),
  /** For `ai-agent`: which agent the session's thread runs. */
  agentType: agentTypeSchema.default('general'),
}).meta({ examples: [{ projectId: '0b6f8a52-3c1e-4d5f-9a7b-2e4c6d8f0a1b', type: 'editor' }] });
export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const sessionIdInput = z.object({ sessionId: z.uuid('Not a session id.') }).meta({ examples: [{ sessionId: '5d2c9e1a-7b3f-4a6e-8c0d-1f2e3a4b5c6d' }] });

const projectPath = z.string().min(1).max(1024);

/** The seed's `PUT /api/sessions/{id}`: a keep-alive, plus the editor state to restore later. */
export const updateSessionInput = sessionIdInput.extend({
  status: z.enum(['active', 'idle']).optional(),
  activeFiles: z.array(projectPath).max(50, 'At most 50 open files.').optional(),
  terminalSessions: z.array(terminalSessionSchema).max(10).optional(),
}).meta({ examples: [{ sessionId: '5d2c9e1a-7b3f-4a6e-8c0d-1f2e3a4b5c6d', status: 'active', activeFiles: ['src/App.tsx'] }] });
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;

/** A session row as its owner sees it. */
export const sessionSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  projectId: z.uuid().nullable(),
  type: sessionTypeSchema,
  status: sessionStatusSchema,
  data: z.record(z.string(), z.unknown()),
  expiresAt: z.date(),
  createdAt: z.date(),
  lastAccessedAt: z.date(),
});

/** The seed's EditorSession: the open files and terminals restored when the user comes back. */
export const editorSessionSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  userId: z.uuid(),
  sandboxId: z.string().nullable(),
  activeFiles: z.array(z.string()),
  terminalSessions: z.array(terminalSessionSchema),
  aiConversationId: z.string().nullable(),
  status: editorSessionStatusSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** The seed's ConnectionInfo: where the project's sandbox runs. */
export const connectionDetailsSchema = z.object({ projectId: z.uuid(), sandboxId: z.string(), provider: z.string(), workdir: z.string(), rebuilt: z.boolean() });

/** A workspace session with its editor state (`GET/PUT /api/sessions/{id}`). */
export const workspaceSessionSchema = z.object({ success: z.literal(true), session: sessionSchema, editorSession: editorSessionSchema.nullable() });

/** A session just opened, with where to reach its sandbox (`POST /api/sessions/create`, `POST /api/projects/{id}/session`). */
export const openedSessionSchema = workspaceSessionSchema.extend({ connectionDetails: connectionDetailsSchema });

export const workspaceSummarySchema = sessionSchema.pick({ id: true, projectId: true, type: true, status: true, expiresAt: true, lastAccessedAt: true, createdAt: true });

/** `sessions.create`: an `ai-agent` session also carries its agent thread. */
export const createdSessionSchema = openedSessionSchema.extend({ agentSession: agentThreadSchema.nullable() });

/** The seed's `GET /api/sessions/active`: sign-ins (devices) and live workspace sessions. */
export const activeSessionsSchema = z.object({ success: z.literal(true), sessions: z.array(authSessionSchema), workspaces: z.array(workspaceSummarySchema) });
