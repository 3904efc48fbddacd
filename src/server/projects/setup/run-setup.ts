import { eq } from 'drizzle-orm';
import type { UiLibraryId } from '@/lib/catalog';
import { SETUP_STEPS, type SetupStep } from '@/lib/schemas/setup';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { getLogger } from '@/server/logger';
import type { Sandbox, SandboxProvider } from '@/server/sandbox/types';
import { renderTemplate } from '@/server/templates';
import { ensureProjectSandbox } from '@/server/workspace/ensure-sandbox';
import { saveProjectFile } from '@/server/workspace/project-files';
import { appendLog, listSteps, updateStep } from './steps-store';

export const SETUP_QUEUE = 'project-setup';
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const DEV_SERVER_WAIT_MS = 3 * 60_000;

interface StepContext {
  db: Database;
  provider: SandboxProvider;
  project: ProjectRow;
  log: (text: string) => void;
  sandbox: () => Promise<Sandbox>;
}

const template = (project: ProjectRow) =>
  renderTemplate({ framework: project.framework, uiLibrary: (project.uiLibrary ?? 'none') as UiLibraryId, configuration: project.configuration, projectName: project.name });

const RUNNERS: Record<SetupStep, (ctx: StepContext) => Promise<void>> = {
  async provision(ctx) {
    const sandbox = await ctx.sandbox();
    ctx.log(`Sandbox ${sandbox.id} (${ctx.provider.name}) is running.\n`);
  },
  async write_files(ctx) {
    const files = template(ctx.project).files;
    for (const file of files) {
      await saveProjectFile({ db: ctx.db, provider: ctx.provider, project: ctx.project, path: file.path, content: new TextEncoder().encode(file.content), source: 'template', userId: ctx.project.ownerId });
    }
    ctx.log(`Wrote ${files.length} files.\n`);
  },
  async install(ctx) {
    const { installCommand } = template(ctx.project);
    ctx.log(`$ ${installCommand}\n`);
    const sandbox = await ctx.sandbox();
    const result = await sandbox.commands.run(installCommand, { timeoutMs: INSTALL_TIMEOUT_MS, onStdout: ctx.log, onStderr: ctx.log });
    if (result.exitCode !== 0) throw new Error(result.exitCode === 124 ? 'Installing dependencies timed out.' : `Installing dependencies failed (exit code ${result.exitCode}). See the log above.`);
  },
  async start_dev_server(ctx) {
    const { devCommand, devPort } = template(ctx.project);
    const sandbox = await ctx.sandbox();
    if ((await sandbox.listeningPorts()).includes(devPort)) return ctx.log(`The dev server is already listening on port ${devPort}.\n`);
    ctx.log(`$ ${devCommand}\n`);
    await sandbox.commands.start(devCommand, { onStdout: ctx.log, onStderr: ctx.log });
    for (const started = Date.now(); Date.now() - started < DEV_SERVER_WAIT_MS; ) {
      if ((await sandbox.listeningPorts()).includes(devPort)) return ctx.log(`Listening on port ${devPort}.\n`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`The dev server did not start listening on port ${devPort} within ${DEV_SERVER_WAIT_MS / 60_000} minutes.`);
  },
  async ready(ctx) {
    await ctx.db.update(projects).set({ status: 'ready' }).where(eq(projects.id, ctx.project.id));
  },
};

/**
 * Runs a project's setup from its first unfinished step. Safe to run again after a crash: a step
 * that was in progress starts over, and each step is idempotent. A failing step stops the run and
 * puts the project in `error`, with the message on the step; `retrySetup` starts it again.
 */
export async function runProjectSetup(options: { db: Database; provider: SandboxProvider; projectId: string }): Promise<void> {
  const { db, provider } = options;
  const [project] = await db.select().from(projects).where(eq(projects.id, options.projectId));
  if (!project) return; // deleted meanwhile
  let sandbox: Sandbox | undefined;
  const steps = await listSteps(db, project.id);
  for (const step of SETUP_STEPS) {
    if (steps.find((state) => state.step === step)?.status === 'completed') continue;
    await updateStep(db, project.id, step, { status: 'in_progress', startedAt: new Date(), finishedAt: null, error: null });
    let logs = Promise.resolve();
    const ctx: StepContext = {
      db,
      provider,
      project,
      log: (text) => (logs = logs.then(() => appendLog(db, project.id, step, text)).catch(() => {})),
      sandbox: async () => (sandbox ??= (await ensureProjectSandbox({ db, provider, project })).sandbox),
    };
    try {
      await RUNNERS[step](ctx);
      await logs;
      await updateStep(db, project.id, step, { status: 'completed', finishedAt: new Date() });
    } catch (error) {
      await logs;
      const message = error instanceof Error ? error.message : String(error);
      getLogger().warn({ event: 'project_setup_failed', projectId: project.id, step, err: error }, 'project setup failed');
      await updateStep(db, project.id, step, { status: 'failed', finishedAt: new Date(), error: message });
      await db.update(projects).set({ status: 'error' }).where(eq(projects.id, project.id));
      return;
    }
  }
  getLogger().info({ event: 'project_ready', projectId: project.id }, 'project is ready');
}
