import { createHash } from 'node:crypto';
import type { UiLibraryId } from '@/lib/catalog';
import type { ProjectRow } from '@/server/db/schema';
import { sandboxFailed } from '@/server/observability/events';
import type { Sandbox } from '@/server/sandbox/types';
import { renderTemplate } from '@/server/templates';

/** The project's template: files, install, build and dev commands (a pure function of the project). */
export function projectTemplate(project: ProjectRow) {
  return renderTemplate({ framework: project.framework, uiLibrary: (project.uiLibrary ?? 'none') as UiLibraryId, configuration: project.configuration, projectName: project.name });
}

/**
 * The command that starts the dev server. Local sandboxes share the host's network, so two
 * projects on the framework's default port would collide: there each project asks for a port of
 * its own (derived from its id; the dev server moves on if it is taken). E2B sandboxes each have
 * their own network and keep the default.
 */
export function devServerCommand(project: ProjectRow, provider: string): string {
  const { devCommand } = projectTemplate(project);
  if (provider !== 'local') return devCommand;
  const port = 4100 + (createHash('sha256').update(project.id).digest().readUInt16BE(0) % 800);
  // npm needs `--` to pass flags to the script; pnpm, yarn and bun pass them on as they are.
  return devCommand.startsWith('npm ') ? `${devCommand} -- --port ${port}` : `${devCommand} --port ${port}`;
}

/**
 * Starts the dev server of a ready project when nothing listens in its sandbox: a sandbox that
 * expired or was rebuilt has its files but no processes. Does not wait for it to listen.
 */
export async function ensureDevServer(options: { sandbox: Sandbox; project: ProjectRow }): Promise<void> {
  if (options.project.status !== 'ready') return;
  if ((await options.sandbox.listeningPorts()).length > 0) return;
  try {
    await options.sandbox.commands.start(devServerCommand(options.project, options.sandbox.provider), {});
  } catch (error) {
    sandboxFailed({ provider: options.sandbox.provider, operation: 'dev_server', projectId: options.project.id, error });
  }
}
