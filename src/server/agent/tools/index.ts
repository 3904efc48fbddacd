import { tool as langchainTool, type StructuredToolInterface } from '@langchain/core/tools';
import type { AgentToolCall, AgentType } from '@/lib/schemas/agent';
import { isAppError } from '@/server/errors';
import { getLogger } from '@/server/logger';
import { mayUseTool, toolsFor } from '../agent-types';
import { runCommandTool } from './command-tool';
import { editFileTool, listFilesTool, readFileTool, writeFileTool } from './file-tools';
import { searchTool } from './search-tool';
import { isToolError, type AgentTool, type ToolContext } from './types';

export const AGENT_TOOLS: Record<string, AgentTool> = Object.fromEntries(
  [listFilesTool, readFileTool, searchTool, writeFileTool, editFileTool, runCommandTool].map((tool) => [tool.name, tool]),
);

/** The tool definitions bound to the model for an agent type: only those it may use. */
export function toolSpecsFor(type: AgentType): StructuredToolInterface[] {
  return toolsFor(type).map((name) => {
    const tool = AGENT_TOOLS[name]!;
    // Never called: the graph's tools node runs tools itself, through `executeToolCall`.
    return langchainTool(async () => '', { name: tool.name, description: tool.description, schema: tool.schema });
  });
}

/** True when this call pauses for approval in `ask` mode. */
export const needsApproval = (call: AgentToolCall) => (AGENT_TOOLS[call.name]?.kind ?? 'write') !== 'read';

export interface ToolOutcome {
  ok: boolean;
  output: string;
}

/**
 * Runs one tool call after checking, again, that this agent type may use the tool (the model may
 * emit calls to tools it was never given). Failures become a message for the model, not a crash.
 */
export async function executeToolCall(call: AgentToolCall, context: ToolContext): Promise<ToolOutcome> {
  const tool = AGENT_TOOLS[call.name];
  if (!tool) return { ok: false, output: `Error: there is no tool named "${call.name}".` };
  if (!mayUseTool(context.agentType, call.name)) return { ok: false, output: `Error: the ${context.agentType} agent is not permitted to use ${call.name}.` };
  const parsed = tool.schema.safeParse(call.args);
  if (!parsed.success) return { ok: false, output: `Error: invalid arguments for ${call.name}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; ')}` };
  try {
    return { ok: true, output: await tool.run(parsed.data, context) };
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (isToolError(error) || isAppError(error)) return { ok: false, output: `Error: ${error.message}` };
    getLogger().warn({ err: error, tool: call.name, projectId: context.project.id }, 'agent tool failed');
    return { ok: false, output: `Error: ${call.name} failed unexpectedly.` };
  }
}
