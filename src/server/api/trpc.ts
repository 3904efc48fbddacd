import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { AppError, isDatabaseUnavailable } from '@/server/errors';
import type { InnerContext } from './context';

export interface InputIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

/** Bad input: the validator's issues, whatever validator produced them. */
function inputIssues(error: TRPCError): InputIssue[] | null {
  const cause = error.cause as { issues?: unknown } | undefined;
  if (error.code !== 'BAD_REQUEST' || !cause || !Array.isArray(cause.issues)) return null;
  return cause.issues.map((issue: { path?: PropertyKey[]; message?: string; code?: string }) => ({
    path: (issue.path ?? []).map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message ?? 'Invalid value',
    code: issue.code ?? 'invalid',
  }));
}

const t = initTRPC.context<InnerContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // No stack traces leave the server, in any environment.
    const { stack: _stack, ...data } = shape.data;
    const issues = inputIssues(error);
    return {
      ...shape,
      message: issues
        ? 'The input is not valid.'
        : error.code === 'INTERNAL_SERVER_ERROR'
          ? 'Something went wrong on our side. It has been logged.'
          : shape.message,
      data: { ...data, zodError: issues ? { issues } : null },
    };
  },
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 20_000 },
    // Vercel ends functions after their max duration; clients reconnect and resume from the last id.
    maxDurationMs: 5 * 60_000,
  },
});

/** Maps domain errors thrown by services to tRPC errors with the matching code. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (result.error.code === 'INTERNAL_SERVER_ERROR' && isDatabaseUnavailable(cause)) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable. Try again shortly.', cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Anyone may call it. */
export const publicProcedure = t.procedure.use(domainErrors);

/** Needs a signed-in user; `ctx.user` is narrowed to non-null. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
