import { tracked } from '@trpc/server';
import { createTerminalInput, terminalInput, terminalOutputInput, terminalResizeInput, terminalWriteInput } from '@/lib/schemas/terminals';
import { resolveProjectPath } from '@/server/sandbox/paths';
import { getTerminalManager } from '@/server/terminals/manager';
import { ensureProjectSandbox } from '@/server/workspace/ensure-sandbox';
import { projectProcedure } from '../tiers';
import { createTRPCRouter } from '../trpc';

/** The project and the signed-in user: an instance that holds the terminal checks both again. */
const scope = (ctx: { project: { id: string }; user: { id: string } }) => ({ projectId: ctx.project.id, userId: ctx.user.id });

/** Terminals in the project's sandbox: input by mutation, output by a resumable subscription. */
export const terminalsRouter = createTRPCRouter({
  create: projectProcedure.input(createTerminalInput).mutation(async ({ ctx, input }) => {
    const { sandbox } = await ensureProjectSandbox({ db: ctx.db, provider: ctx.sandboxes, project: ctx.project });
    return getTerminalManager().create({ ...scope(ctx), sandbox, cols: input.cols, rows: input.rows, cwd: resolveProjectPath(input.cwd ?? ''), title: input.title });
  }),
  list: projectProcedure.query(({ ctx }) => getTerminalManager().list(scope(ctx))),
  write: projectProcedure.input(terminalWriteInput).mutation(async ({ ctx, input }) => {
    await getTerminalManager().input(scope(ctx), input.terminalId, input.data);
    return { success: true as const };
  }),
  resize: projectProcedure.input(terminalResizeInput).mutation(async ({ ctx, input }) => {
    await getTerminalManager().resize(scope(ctx), input.terminalId, { cols: input.cols, rows: input.rows });
    return { success: true as const };
  }),
  kill: projectProcedure.input(terminalInput).mutation(async ({ ctx, input }) => {
    await getTerminalManager().kill(scope(ctx), input.terminalId);
    return { success: true as const };
  }),
  /** Each event's id is the byte offset after it; data is base64 so no multi-byte character is split. */
  output: projectProcedure.input(terminalOutputInput).subscription(async function* ({ ctx, input, signal }) {
    const since = input.lastEventId ? Number(input.lastEventId) : 0;
    for await (const chunk of getTerminalManager().output(scope(ctx), input.terminalId, since, signal)) {
      yield tracked(String(chunk.offset), { data: Buffer.from(chunk.data).toString('base64') });
    }
  }),
});
