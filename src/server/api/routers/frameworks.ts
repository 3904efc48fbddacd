import { z } from 'zod';
import { frameworkCatalog, uiLibrariesFor } from '@/lib/catalog';
import { frameworkInfoSchema, uiLibrariesInput, uiLibraryInfoSchema } from '@/lib/schemas/frameworks';
import { createTRPCRouter, publicProcedure } from '../trpc';

/** The seed's framework and UI-library catalog: typed data shared with the wizard. */
export const frameworksRouter = createTRPCRouter({
  list: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/projects/frameworks', tags: ['frameworks'], protect: false, summary: 'The frameworks a project can use' } })
    .input(z.void())
    .output(z.object({ frameworks: z.array(frameworkInfoSchema) }))
    .query(() => ({ frameworks: [...frameworkCatalog] })),
  uiLibraries: publicProcedure
    .meta({ openapi: { method: 'GET', path: '/projects/ui-libraries', tags: ['frameworks'], protect: false, summary: 'UI libraries, for one framework or all' } })
    .input(uiLibrariesInput.default({}))
    .output(z.object({ uiLibraries: z.array(uiLibraryInfoSchema) }))
    .query(({ input }) => ({
      uiLibraries: (input.framework ? [input.framework] : frameworkCatalog.map((framework) => framework.id)).flatMap((framework) =>
        uiLibrariesFor(framework).map((library) => ({ framework, ...library })),
      ),
    })),
});
