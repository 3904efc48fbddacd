import { backgroundView } from '@/server/background';
import { compareSingletons } from '@/server/diagnostics/singletons';
import { checkReadiness } from '@/server/system/readiness';
import { getLiveness } from '@/server/system/info';
import { createTRPCRouter, publicProcedure } from '../trpc';

export const systemRouter = createTRPCRouter({
  health: publicProcedure.query(() => getLiveness()),
  readiness: publicProcedure.query(({ ctx }) => checkReadiness({ db: ctx.db })),
  /** Tests of the production build only (AURA_TEST_INTROSPECTION); 404 otherwise. */
  singletons: publicProcedure.query(() => compareSingletons({ workerView: backgroundView() })),
});
