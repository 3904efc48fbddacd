import { z } from 'zod';
import { withoutNul } from './text';

const projectId = z.uuid('Not a project id.');
const terminalId = z.uuid('Not a terminal id.');
const cols = z.number().int().min(2).max(1000);
const rows = z.number().int().min(1).max(500);

export const createTerminalInput = z.object({ projectId, cols: cols.default(80), rows: rows.default(24), cwd: withoutNul(z.string().max(4096)).optional(), title: withoutNul(z.string().trim().min(1).max(100)).optional() });
export const terminalInput = z.object({ projectId, terminalId });
/** Keystrokes, possibly batched by the client; 64 KiB at most per call (a large paste is split). */
export const terminalWriteInput = terminalInput.extend({ data: z.string().min(1).max(65_536) });
export const terminalResizeInput = terminalInput.extend({ cols, rows });
/** `lastEventId` is the byte offset the client has; output resumes right after it. */
export const terminalOutputInput = terminalInput.extend({ lastEventId: z.string().regex(/^\d+$/).nullish() });

export const runCommandInput = z.object({
  projectId,
  command: withoutNul(z.string().trim().min(1).max(10_000)),
  cwd: withoutNul(z.string().max(4096)).optional(),
  background: z.boolean().default(false),
  timeoutMs: z.number().int().min(100).max(30 * 60_000).default(60_000),
});
export const processInput = z.object({ projectId, pid: z.number().int().positive() });
