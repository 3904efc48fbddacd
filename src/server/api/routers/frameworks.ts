import { z } from 'zod';
import { frameworkCatalog, uiLibrariesFor } from '@/lib/catalog';
import { frameworkSchema } from '@/lib/schemas/frameworks';
import { createTRPCRouter, publicProcedure } from '../trpc';

/** The seed's framework and UI-library catalog: typed data shared with the wizard. */
export const frameworksRouter = createTRPCRouter({
  list: publicProcedure.query(() => ({ frameworks: frameworkCatalog })),
  uiLibraries: publicProcedure
    .input(z.object({ framework: frameworkSchema.optional() }).default({}))
    .query(({ input }) => ({
      uiLibraries: (input.framework ? [input.framework] : frameworkCatalog.map((framework) => framework.id)).flatMap((framework) =>
        uiLibrariesFor(framework).map((library) => ({ framework, ...library })),
      ),
    })),
});
