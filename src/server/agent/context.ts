import type { z } from 'zod';
import type { AgentType, openFileContextSchema } from '@/lib/schemas/agent';
import type { Database } from '@/server/db/client';
import type { ProjectRow } from '@/server/db/schema';
import { listFiles } from '@/server/files/read-file';
import { getTerminalManager } from '@/server/terminals/manager';
import { AGENT_POLICIES } from './agent-types';

const MAX_TREE_FILES = 300;
const MAX_SELECTION_CHARS = 8_000;
const TERMINAL_TAIL_CHARS = 4_000;

export interface RunContextInput {
  openFile?: z.infer<typeof openFileContextSchema>;
  includeTerminalOutput?: boolean;
}

/**
 * The system prompt of one run: the agent type's instructions, then the project as it is now
 * (framework, configuration, file tree), what the user has open and, when asked, the terminals'
 * recent output. Built fresh for every run, never stored in the conversation.
 */
export async function buildSystemPrompt(options: { db: Database; project: ProjectRow; agentType: AgentType } & RunContextInput): Promise<string> {
  const { project } = options;
  const files = await listFiles({ db: options.db, projectId: project.id });
  const tree = files.slice(0, MAX_TREE_FILES).map((file) => file.path);
  if (files.length > MAX_TREE_FILES) tree.push(`… and ${files.length - MAX_TREE_FILES} more files`);
  const sections = [
    AGENT_POLICIES[options.agentType].prompt,
    'Use the tools to inspect the project; paths are relative to the project root. Never invent file contents.',
    `## Project\nName: ${project.name}\nFramework: ${project.framework}${project.uiLibrary ? `\nUI library: ${project.uiLibrary}` : ''}\nConfiguration: ${JSON.stringify(project.configuration)}`,
    `## Files (${files.length})\n${tree.join('\n') || '(empty)'}`,
  ];
  if (options.openFile) {
    const { path, selection } = options.openFile;
    let text = `## Open in the editor\n${path}`;
    if (selection) {
      text += `\nSelected lines ${selection.startLine}–${selection.endLine}`;
      if (selection.text) text += `:\n\`\`\`\n${selection.text.slice(0, MAX_SELECTION_CHARS)}\n\`\`\``;
    }
    sections.push(text);
  }
  if (options.includeTerminalOutput) {
    const output = await getTerminalManager().recentOutput({ projectId: project.id, userId: project.ownerId }, TERMINAL_TAIL_CHARS);
    sections.push(`## Recent terminal output\n${output.map((terminal) => `### ${terminal.title}\n${terminal.text}`).join('\n') || '(no terminal output)'}`);
  }
  return sections.join('\n\n');
}
