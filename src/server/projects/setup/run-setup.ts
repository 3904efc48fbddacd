import { eq } from 'drizzle-orm';
import { setupInstallCommand } from '@/lib/catalog';
import { SETUP_STEPS, type SetupStep } from '@/lib/schemas/setup';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { projectEvents } from '@/server/observability/events';
import type { Sandbox, SandboxProvider } from '@/server/sandbox/types';
import { devServerCommand, projectTemplate } from '@/server/workspace/dev-server';
import { ensureProjectSandbox, SANDBOX_IDLE_TIMEOUT_MS } from '@/server/workspace/ensure-sandbox';
import { saveProjectFile } from '@/server/workspace/project-files';
import { reconcileSandbox } from '@/server/workspace/sync-back';
import { appendLog, listSteps, updateStep } from './steps-store';

export const SETUP_QUEUE = 'project-setup';
const INSTALL_TIMEOUT_MS = 15 * 60_000;
/** Log output is batched: one row update and one event per flush, not per chunk of npm output. */
const LOG_FLUSH_MS = 250;
const DEV_SERVER_WAIT_MS = 3 * 60_000;

interface StepContext {
  db: Database;
  provider: SandboxProvider;
  project: ProjectRow;
  log: (text: string) => void;
  sandbox: () => Promise<Sandbox>;
}

const template = projectTemplate;

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
    const installCommand = setupInstallCommand(ctx.project.configuration.packageManager);
    ctx.log(`$ ${installCommand}\n`);
    const sandbox = await ctx.sandbox();
    // An install may outlast the idle timeout; the sandbox must not stop under it.
    await sandbox.setTimeout(INSTALL_TIMEOUT_MS + SANDBOX_IDLE_TIMEOUT_MS);
    const result = await sandbox.commands.run(installCommand, { timeoutMs: INSTALL_TIMEOUT_MS, onStdout: ctx.log, onStderr: ctx.log });
    if (result.exitCode !== 0) throw new Error(result.exitCode === 124 ? 'Installing dependencies timed out.' : `Installing dependencies failed (exit code ${result.exitCode}). See the log above.`);
    // The lock file (and anything else the install wrote outside node_modules) is source: nobody
    // watches the sandbox during setup, so it is stored now, or it would exist only in this sandbox.
    await reconcileSandbox({ db: ctx.db, sandbox, projectId: ctx.project.id, userId: ctx.project.ownerId });
  },
  async start_dev_server(ctx) {
    const sandbox = await ctx.sandbox();
    await sandbox.setTimeout(SANDBOX_IDLE_TIMEOUT_MS);
    const listening = async () => (await sandbox.listeningPorts())[0];
    const running = await listening();
    if (running) return ctx.log(`The dev server is already listening on port ${running}.\n`);
    const command = devServerCommand(ctx.project, ctx.provider.name);
    ctx.log(`$ ${command}\n`);
    const handle = await sandbox.commands.start(command, { onStdout: ctx.log, onStderr: ctx.log });
    // A dev server that exits (a syntax error, a missing binary) fails the step now, not in 3 minutes.
    let exited: number | undefined;
    void handle.wait().then((result) => (exited = result.exitCode), () => (exited = -1));
    for (const started = Date.now(); Date.now() - started < DEV_SERVER_WAIT_MS; ) {
      const port = await listening();
      if (port) return ctx.log(`Listening on port ${port}.\n`);
      if (exited !== undefined) throw new Error(`The dev server exited (code ${exited}) before it listened on a port. See the log above.`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error(`The dev server did not start listening within ${DEV_SERVER_WAIT_MS / 60_000} minutes.`);
  },
  async ready(ctx) {
    await ctx.db.update(projects).set({ status: 'ready' }).where(eq(projects.id, ctx.project.id));
  },
};

/** Collects log text and appends it at most every LOG_FLUSH_MS, in order; `flush` drains it. */
function batchedLog(append: (text: string) => Promise<void>) {
  let pending = '';
  let timer: NodeJS.Timeout | undefined;
  let written = Promise.resolve();
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const text = pending;
    pending = '';
    if (text) written = written.then(() => append(text)).catch(() => {});
    return written;
  };
  return {
    write(text: string) {
      pending += text;
      timer ??= setTimeout(flush, LOG_FLUSH_MS);
    },
    flush,
  };
}

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
    projectEvents.stepStarted(project.id, step);
    const logs = batchedLog((text) => appendLog(db, project.id, step, text));
    const ctx: StepContext = {
      db,
      provider,
      project,
      log: logs.write,
      sandbox: async () => (sandbox ??= (await ensureProjectSandbox({ db, provider, project })).sandbox),
    };
    try {
      await RUNNERS[step](ctx);
      await logs.flush();
      await updateStep(db, project.id, step, { status: 'completed', finishedAt: new Date() });
    } catch (error) {
      await logs.flush();
      const message = error instanceof Error ? error.message : String(error);
      projectEvents.setupFailed(project.id, step, error);
      await updateStep(db, project.id, step, { status: 'failed', finishedAt: new Date(), error: message });
      await db.update(projects).set({ status: 'error' }).where(eq(projects.id, project.id));
      return;
    }
  }
  projectEvents.ready(project.id);
}
