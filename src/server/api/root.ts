import { authRouter } from './routers/auth';
import { sessionsRouter } from './routers/sessions';
import { systemRouter } from './routers/system';
import { createCallerFactory, createTRPCRouter } from './trpc';

/** Every router the app serves at /api/trpc. Add a domain router here (see README). */
export const appRouter = createTRPCRouter({
  auth: authRouter,
  sessions: sessionsRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: RSC prefetch, REST adapters and tests. */
export const createCaller = createCallerFactory(appRouter);
