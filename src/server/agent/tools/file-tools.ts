import { z } from 'zod';
import { AGENT_POLICIES } from '../agent-types';
import { readFile, statFile } from '@/server/files/read-file';
import { listProjectFiles, saveProjectFile } from '@/server/workspace/project-files';
import { applyHunks, isHunkError } from './edit-hunks';
import { defineTool, isToolError, ToolError, type ToolContext } from './types';

const MAX_READ_CHARS = 100_000;
const MAX_LIST = 500;

const decoder = new TextDecoder('utf-8', { fatal: true });

async function currentText(context: ToolContext, path: string): Promise<{ version: number; content: string } | null> {
  const stat = await statFile({ db: context.db, projectId: context.project.id, path });
  if (!stat) return null;
  const file = await readFile({ db: context.db, projectId: context.project.id, path });
  try {
    return { version: file.version, content: decoder.decode(file.content) };
  } catch {
    throw new ToolError(`"${path}" is a binary file; it cannot be read or edited as text.`);
  }
}

function assertMayWrite(context: ToolContext, path: string) {
  const policy = AGENT_POLICIES[context.agentType];
  if (!policy.canWrite(path)) throw new ToolError(`The ${policy.label} agent is not allowed to write "${path}".`);
}

/** Saves through the file store (so the editor and tree update live) and reports the change. */
async function save(context: ToolContext, path: string, content: string, before: { version: number; content: string } | null) {
  const result = await saveProjectFile({ db: context.db, provider: context.provider, project: context.project, userId: context.userId, path, content: new TextEncoder().encode(content), source: 'agent' });
  if (result.changed) await context.onFileChanged({ path: result.path, before, after: { version: result.version, content } });
  return result;
}

export const listFilesTool = defineTool({
  name: 'list_files',
  kind: 'read',
  description: 'List the project\'s files (recursively) under a folder; "" for the whole project.',
  schema: z.object({ path: z.string().default('').describe('Folder relative to the project root') }),
  async run({ path }, context) {
    const files = await listProjectFiles({ db: context.db, provider: context.provider, project: context.project, path });
    if (files.length === 0) return 'No files.';
    const lines = files.slice(0, MAX_LIST).map((file) => `${file.path} (${file.size} bytes)`);
    if (files.length > MAX_LIST) lines.push(`… and ${files.length - MAX_LIST} more`);
    return lines.join('\n');
  },
});

export const readFileTool = defineTool({
  name: 'read_file',
  kind: 'read',
  description: 'Read a text file. Lines are numbered ("12| …") so you can cite them; the numbers are not part of the file.',
  schema: z.object({ path: z.string().describe('File path relative to the project root') }),
  async run({ path }, context) {
    const file = await currentText(context, path);
    if (!file) throw new ToolError(`"${path}" does not exist.`);
    const numbered = file.content.split('\n').map((line, index) => `${index + 1}| ${line}`).join('\n');
    return numbered.length > MAX_READ_CHARS ? `${numbered.slice(0, MAX_READ_CHARS)}\n… (truncated)` : numbered;
  },
});

export const writeFileTool = defineTool({
  name: 'write_file',
  kind: 'write',
  description: 'Create a file or replace its whole content. Prefer edit_file for changes to existing files.',
  schema: z.object({ path: z.string(), content: z.string() }),
  async run({ path, content }, context) {
    assertMayWrite(context, path);
    const before = await currentText(context, path).catch((error: unknown) => (isToolError(error) ? null : Promise.reject(error)));
    const result = await save(context, path, content, before);
    return `${before ? 'Wrote' : 'Created'} ${result.path} (version ${result.version}).`;
  },
});

export const editFileTool = defineTool({
  name: 'edit_file',
  kind: 'write',
  description: 'Edit a file with exact search/replace hunks, applied in order. Each search text must occur exactly once in the file.',
  schema: z.object({
    path: z.string(),
    edits: z.array(z.object({ search: z.string().describe('Exact existing text, including whitespace'), replace: z.string() })).min(1),
  }),
  async run({ path, edits }, context) {
    assertMayWrite(context, path);
    const before = await currentText(context, path);
    if (!before) throw new ToolError(`"${path}" does not exist; create it with write_file.`);
    let next: string;
    try {
      next = applyHunks(before.content, edits);
    } catch (error) {
      if (isHunkError(error)) throw new ToolError(`No change made to "${path}". ${error.message}`);
      throw error;
    }
    const result = await save(context, path, next, before);
    return result.changed ? `Edited ${result.path} (version ${result.version}).` : `No change: ${path} already had that content.`;
  },
});
