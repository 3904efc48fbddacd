import { z } from 'zod';
import { agentTypeSchema } from './agent';

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
});
export type CreateSessionInput = z.infer<typeof createSessionInput>;

export const sessionIdInput = z.object({ sessionId: z.uuid('Not a session id.') });

const projectPath = z.string().min(1).max(1024);

/** The seed's `PUT /api/sessions/{id}`: a keep-alive, plus the editor state to restore later. */
export const updateSessionInput = sessionIdInput.extend({
  status: z.enum(['active', 'idle']).optional(),
  activeFiles: z.array(projectPath).max(50, 'At most 50 open files.').optional(),
  terminalSessions: z.array(terminalSessionSchema).max(10).optional(),
});
export type UpdateSessionInput = z.infer<typeof updateSessionInput>;
