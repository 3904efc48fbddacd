import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import type { OpenApiMeta } from 'trpc-to-openapi';
import { isAppError, isDatabaseUnavailable, isUnstorableValue, type FieldIssue } from '@/server/errors';
import { observeProcedure } from '@/server/observability/procedure-observer';
import { withRequestScope } from '@/server/observability/request-scope';
import type { InnerContext } from './context';

/** Field-level issues: the validator's for bad input, or a service's (email taken, say). */
function inputIssues(error: TRPCError): FieldIssue[] | null {
  const cause = error.cause as { issues?: unknown } | undefined;
  if (isAppError(cause)) return cause.issues ?? null;
  if (error.code !== 'BAD_REQUEST' || !cause || !Array.isArray(cause.issues)) return null;
  return cause.issues.map((issue: { path?: PropertyKey[]; message?: string; code?: string }) => ({
    path: (issue.path ?? []).map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message ?? 'Invalid value',
    code: issue.code ?? 'invalid',
  }));
}

/**
 * What a client is told about an error, over tRPC and REST alike: the message for bad input and
 * domain errors, nothing about unexpected ones.
 */
export function describeError(error: TRPCError): { code: TRPCError['code']; message: string; issues: FieldIssue[] | null } {
  const issues = inputIssues(error);
  const message =
    issues && !isAppError(error.cause)
      ? 'The input is not valid.'
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Something went wrong on our side. It has been logged.'
        : error.message;
  return { code: error.code, message, issues };
}

/**
 * A procedure's metadata: `openapi` publishes it as a REST path in /api/openapi.json (served by
 * src/server/rest); `status` is that path's success status when it is not 200 (201 for creations);
 * `errors` documents statuses beyond the usual 400/401/403/404/500 (409 taken, 429 throttled).
 */
export type ProcedureMeta = OpenApiMeta<{ status?: 201; errors?: (409 | 429)[] }>;

const t = initTRPC.context<InnerContext>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // No stack traces leave the server, in any environment.
    const { stack: _stack, ...data } = shape.data;
    const { message, issues } = describeError(error);
    return { ...shape, message, data: { ...data, zodError: issues ? { issues } : null } };
  },
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 20_000 },
    // Vercel ends functions after their max duration; clients reconnect and resume from the last id.
    maxDurationMs: 5 * 60_000,
  },
});

/**
 * Times every call and counts its errors (metrics at /api/metrics), and runs it in its request's
 * scope so that every log line it causes carries the request id. Outermost, so it sees the final code.
 */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await withRequestScope(ctx.requestId, () => next());
  observeProcedure({ path, type, durationMs: performance.now() - started, error: result.ok ? undefined : result.error });
  return result;
});

/** The tRPC error a service's error stands for, or null when it is unexpected (a 500). */
function domainError(error: TRPCError): TRPCError | null {
  const cause = error.cause;
  if (isAppError(cause)) return new TRPCError({ code: cause.code, message: cause.message, cause });
  if (error.code !== 'INTERNAL_SERVER_ERROR') return null;
  if (isDatabaseUnavailable(cause)) return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable. Try again shortly.', cause });
  if (isUnstorableValue(cause)) return new TRPCError({ code: 'BAD_REQUEST', message: 'The input has a value that cannot be stored (a NUL character, or a number or text too large).', cause });
  return null;
}

/**
 * Anything thrown, as the tRPC error a client gets: a domain error with its code, an unexpected one
 * as INTERNAL_SERVER_ERROR. For errors raised outside a procedure's middleware (REST adapters,
 * subscriptions being read).
 */
export function asTRPCError(thrown: unknown): TRPCError {
  const error = thrown instanceof TRPCError ? thrown : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: thrown });
  return domainError(error) ?? error;
}

/** A subscription's errors happen while it is read, after the middleware returned: map them there. */
async function* withDomainErrors<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (error) {
    const mapped = asTRPCError(error);
    throw mapped.code === 'INTERNAL_SERVER_ERROR' ? error : mapped;
  }
}

/** Maps domain errors thrown by services to tRPC errors with the matching code. */
const domainErrors = t.middleware(async ({ type, next }) => {
  const result = await next();
  if (result.ok) {
    const data: unknown = result.data;
    if (type === 'subscription' && data && typeof data === 'object' && Symbol.asyncIterator in data) {
      return { ...result, data: withDomainErrors(data as AsyncIterable<unknown>) };
    }
    return result;
  }
  const mapped = domainError(result.error);
  if (mapped) throw mapped;
  return result;
});

/** Cookies ride along on cross-site requests; a mutation made with one must come from our pages. */
const sameOriginForCookies = t.middleware(({ ctx, type, next }) => {
  if (type === 'mutation' && ctx.user?.via === 'cookie' && !ctx.sameOrigin) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Cross-site request refused.' });
  }
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Anyone may call it. */
export const publicProcedure = t.procedure.use(observed).use(domainErrors).use(sameOriginForCookies);

/** Needs a signed-in user; `ctx.user` is narrowed to non-null. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue.' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});
