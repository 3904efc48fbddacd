import { z } from 'zod';
import { ensureProjectSandbox } from '@/server/workspace/ensure-sandbox';
import { ensureWatching } from '@/server/workspace/watchers';
import { reconcileSandbox } from '@/server/workspace/sync-back';
import type { Sandbox } from '@/server/sandbox/types';
import { getLogger } from '@/server/logger';
import { changedPaths, storeVersions, versionText } from './store-changes';
import { defineTool, type ToolContext } from './types';

const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_TIMEOUT_MS = 5 * 60_000;
/** What the model sees of a command's output: its start and its end. */
const OUTPUT_CAP = 16_000;

export function capOutput(text: string, cap = OUTPUT_CAP): string {
  if (text.length <= cap) return text;
  const half = Math.floor(cap / 2);
  return `${text.slice(0, half)}\n… (${text.length - cap} characters omitted) …\n${text.slice(-half)}`;
}

/** Runs a shell command in the project's sandbox; files it changes sync back to the store. Cancel kills it. */
export const runCommandTool = defineTool({
  name: 'run_command',
  kind: 'run',
  description: 'Run a shell command in the project folder of the sandbox (e.g. `npm test`, `ls -la`). Long-running servers are not allowed; they are killed at the timeout.',
  schema: z.object({
    command: z.string().min(1).max(4000),
    timeoutSeconds: z.number().int().min(1).max(MAX_TIMEOUT_MS / 1000).optional(),
  }),
  async run({ command, timeoutSeconds }, context) {
    const { sandbox } = await ensureProjectSandbox({ db: context.db, provider: context.provider, project: context.project });
    await ensureWatching({ db: context.db, sandbox, projectId: context.project.id, userId: context.userId });
    const before = await storeVersions(context.db, context.project.id);
    const result = await sandbox.commands.run(command, { timeoutMs: timeoutSeconds ? timeoutSeconds * 1000 : DEFAULT_TIMEOUT_MS, signal: context.signal });
    context.signal.throwIfAborted();
    await recordCommandChanges(context, sandbox, before);
    const output = [result.stdout, result.stderr && `[stderr]\n${result.stderr}`].filter(Boolean).join('\n');
    const status = result.exitCode === 124 ? 'timed out (killed)' : `exit code ${result.exitCode}`;
    return `${status}${result.truncated ? ' (output truncated)' : ''}\n${capOutput(output)}`;
  },
});

/**
 * Syncs what the command changed in the sandbox back to the store now (not whenever the watcher
 * gets to it), and reports each change, so the turn can be reverted and the panel shows diffs.
 */
async function recordCommandChanges(context: ToolContext, sandbox: Sandbox, before: Map<string, number>): Promise<void> {
  const { db, project } = context;
  try {
    await reconcileSandbox({ db, sandbox, projectId: project.id, userId: context.userId });
  } catch (error) {
    getLogger().warn({ err: error, projectId: project.id }, 'agent: syncing a command\'s changes failed; the watcher will catch up');
    return;
  }
  for (const change of changedPaths(before, await storeVersions(db, project.id))) {
    await context.onFileChanged({
      path: change.path,
      before: change.before === null ? null : { version: change.before, content: await versionText(db, project.id, change.path, change.before) },
      after: change.after === null ? null : { version: change.after, content: await versionText(db, project.id, change.path, change.after) },
    });
  }
}
