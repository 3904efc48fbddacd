import { z } from 'zod';

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
