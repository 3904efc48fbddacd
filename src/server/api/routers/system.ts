import { checkReadiness } from '@/server/system/readiness';
import { getLiveness } from '@/server/system/info';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const systemRouter = createTRPCRouter({
  health: publicProcedure.query(() => getLiveness()),
  readiness: publicProcedure.query(({ ctx }) => checkReadiness({ db: ctx.db })),
});
