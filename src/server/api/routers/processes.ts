import { TRPCError } from '@trpc/server';
import { processInput, runCommandInput } from '@/lib/schemas/terminals';
import { previewUrl } from '@/server/preview/token';
import { resolveProjectPath } from '@/server/sandbox/paths';
import { ensureProjectSandbox } from '@/server/workspace/ensure-sandbox';
import { liveSandbox } from '@/server/workspace/live-sandbox';
import { projectProcedure } from '../tiers';
import { createTRPCRouter } from '../trpc';

/** Commands and their ports in the project's sandbox. */
export const processesRouter = createTRPCRouter({
  run: projectProcedure.input(runCommandInput).mutation(async ({ ctx, input }) => {
    const { sandbox } = await ensureProjectSandbox({ db: ctx.db, provider: ctx.sandboxes, project: ctx.project });
    const options = { cwd: resolveProjectPath(input.cwd ?? ''), timeoutMs: input.timeoutMs };
    if (input.background) {
      const handle = await sandbox.commands.start(input.command, options);
      return { pid: handle.pid, background: true as const };
    }
    return { ...(await sandbox.commands.run(input.command, options)), background: false as const };
  }),
  list: projectProcedure.query(async ({ ctx }) => {
    const sandbox = await liveSandbox(ctx.sandboxes, ctx.project);
    return sandbox ? sandbox.commands.list() : [];
  }),
  kill: projectProcedure.input(processInput).mutation(async ({ ctx, input }) => {
    const sandbox = await liveSandbox(ctx.sandboxes, ctx.project);
    if (!sandbox || !(await sandbox.commands.kill(input.pid))) throw new TRPCError({ code: 'NOT_FOUND', message: 'Process was not found.' });
    return { success: true as const };
  }),
  /** Listening ports, each with the preview URL only this project's owner can open. */
  ports: projectProcedure.query(async ({ ctx }) => {
    const sandbox = await liveSandbox(ctx.sandboxes, ctx.project);
    if (!sandbox) return [];
    const ports = await sandbox.listeningPorts();
    return ports.map((port) => ({ port, previewUrl: previewUrl({ projectId: ctx.project.id, port, origin: ctx.origin }) }));
  }),
});
