import type { z } from 'zod';
import type { AgentToolName, AgentType } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import type { ProjectRow } from '@/server/db/schema';
import { brandError } from '@/server/errors';
import type { SandboxProvider } from '@/server/sandbox/types';

export interface FileChangeRecord {
  path: string;
  before: { version: number; content: string } | null;
  after: { version: number; content: string } | null;
}

/** What a tool may touch during one run. */
export interface ToolContext {
  db: Database;
  provider: SandboxProvider;
  project: ProjectRow;
  userId: string;
  agentType: AgentType;
  /** Aborts with the run (cancel). */
  signal: AbortSignal;
  /** Every change a tool makes to the file store is reported here (turn checkpoint + `file_changed` event). */
  onFileChanged(change: FileChangeRecord): Promise<void>;
}

const toolErrorBrand = brandError<ToolError>('ToolError');

/** A failure the model should read and react to (bad path, hunk mismatch, not permitted…). */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    toolErrorBrand.mark(this);
  }
}

export const isToolError = toolErrorBrand.is;

export interface AgentTool<Schema extends z.ZodObject = z.ZodObject> {
  name: AgentToolName;
  description: string;
  schema: Schema;
  /** `read` tools never need approval; `write` and `run` do in approval mode. */
  kind: 'read' | 'write' | 'run';
  run(args: z.infer<Schema>, context: ToolContext): Promise<string>;
}

export const defineTool = <Schema extends z.ZodObject>(tool: AgentTool<Schema>): AgentTool => tool as unknown as AgentTool;
