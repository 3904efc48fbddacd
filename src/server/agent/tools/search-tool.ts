import { z } from 'zod';
import { snapshot } from '@/server/files/sync';
import { resolveProjectPath } from '@/server/sandbox/paths';
import { defineTool, ToolError } from './types';

const MAX_MATCHES = 200;
const MAX_LINE = 300;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Grep over the durable file store (every stored text file), so it works without a sandbox. */
export const searchTool = defineTool({
  name: 'search',
  kind: 'read',
  description: 'Search the project\'s text files for a regular expression (JavaScript syntax). Returns "path:line: text" matches.',
  schema: z.object({
    pattern: z.string().min(1).max(500),
    path: z.string().default('').describe('Only search under this folder'),
    caseSensitive: z.boolean().default(false),
  }),
  async run({ pattern, path, caseSensitive }, context) {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, caseSensitive ? '' : 'i');
    } catch (error) {
      throw new ToolError(`Not a valid regular expression: ${(error as Error).message}`);
    }
    const folder = resolveProjectPath(path);
    const matches: string[] = [];
    for (const file of await snapshot({ db: context.db, projectId: context.project.id })) {
      if (folder && file.path !== folder && !file.path.startsWith(`${folder}/`)) continue;
      let text: string;
      try {
        text = decoder.decode(file.content);
      } catch {
        continue;
      }
      const lines = text.split('\n');
      for (let index = 0; index < lines.length && matches.length <= MAX_MATCHES; index++) {
        if (regex.test(lines[index]!)) matches.push(`${file.path}:${index + 1}: ${lines[index]!.slice(0, MAX_LINE)}`);
      }
      if (matches.length > MAX_MATCHES) break;
    }
    if (matches.length === 0) return 'No matches.';
    return matches.length > MAX_MATCHES ? `${matches.slice(0, MAX_MATCHES).join('\n')}\n… (more matches; narrow the search)` : matches.join('\n');
  },
});
