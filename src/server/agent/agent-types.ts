import { isDocumentationPath, type AgentToolName, type AgentType } from '@/lib/schemas/agent';

interface AgentPolicy {
  label: string;
  tools: readonly AgentToolName[];
  /** May this agent write `path` with write_file/edit_file? Checked inside the tool, whatever the model asked. */
  canWrite: (path: string) => boolean;
  prompt: string;
}

const READ = ['list_files', 'read_file', 'search'] as const;

/**
 * What each agent type is for and what it may do. The server enforces it twice: only these tools
 * are bound to the model, and every tool call is checked again before it runs.
 */
export const AGENT_POLICIES: Record<AgentType, AgentPolicy> = {
  general: {
    label: 'General',
    tools: [...READ, 'write_file', 'edit_file', 'run_command'],
    canWrite: () => true,
    prompt: 'You are a senior software engineer working in the user\'s project. Read before you change things, make focused edits with edit_file, and verify with commands when useful.',
  },
  'code-reviewer': {
    label: 'Code reviewer',
    tools: READ,
    canWrite: () => false,
    prompt:
      'You are a code reviewer. You cannot change files or run commands. Read the relevant code and answer with review comments, one per finding, each formatted as `path:line — severity — comment` (severity: blocker, major, minor or nit).',
  },
  debugger: {
    label: 'Debugger',
    tools: [...READ, 'edit_file', 'run_command'],
    canWrite: () => true,
    prompt: 'You are a debugger. Reproduce the problem with commands, find the root cause by reading code, fix it with minimal edits, and confirm the fix.',
  },
  documentation: {
    label: 'Documentation',
    tools: [...READ, 'write_file', 'edit_file'],
    canWrite: isDocumentationPath,
    prompt: 'You write documentation. Read any file, but write only documentation: Markdown/MDX/text files, README*, CHANGELOG* and files under docs/.',
  },
};

export const toolsFor = (type: AgentType): AgentToolName[] => [...AGENT_POLICIES[type].tools];

export function mayUseTool(type: AgentType, tool: string): tool is AgentToolName {
  return (AGENT_POLICIES[type].tools as readonly string[]).includes(tool);
}
