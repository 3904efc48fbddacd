import { agentRouter } from './routers/agent';
import { authRouter } from './routers/auth';
import { filesRouter } from './routers/files';
import { frameworksRouter } from './routers/frameworks';
import { processesRouter } from './routers/processes';
import { projectsRouter } from './routers/projects';
import { sessionsRouter } from './routers/sessions';
import { systemRouter } from './routers/system';
import { terminalsRouter } from './routers/terminals';
import { createCallerFactory, createTRPCRouter } from './trpc';

/** Every router the app serves at /api/trpc. Add a domain router here (see README). */
export const appRouter = createTRPCRouter({
  agent: agentRouter,
  auth: authRouter,
  files: filesRouter,
  frameworks: frameworksRouter,
  processes: processesRouter,
  projects: projectsRouter,
  sessions: sessionsRouter,
  system: systemRouter,
  terminals: terminalsRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process: RSC prefetch, REST adapters and tests. */
export const createCaller = createCallerFactory(appRouter);
