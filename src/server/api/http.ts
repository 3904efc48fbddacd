import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { AgentRuntime } from '@/server/agent/runtime';
import type { Throttle } from '@/server/auth/throttle';
import type { Database } from '@/server/db/client';
import type { SandboxProvider } from '@/server/sandbox/types';
import { AppError } from '@/server/errors';
import { getLogger } from '@/server/logger';
import { createRequestContext } from './context';
import { appRouter } from './root';

export const TRPC_ENDPOINT = '/api/trpc';

/** Seconds a client should wait before retrying, for 429 and 503 answers. */
export function retryAfterSeconds(error: { code: string; cause?: unknown }): number | undefined {
  if (error.cause instanceof AppError && error.cause.retryAfterMs) return Math.max(1, Math.ceil(error.cause.retryAfterMs / 1000));
  return error.code === 'SERVICE_UNAVAILABLE' ? 5 : undefined;
}

/** Serves tRPC over fetch `Request`/`Response`: the Next.js route and the HTTP tests use it. */
export function handleTrpcRequest(req: Request, options: { db: Database; throttle?: Throttle; sandboxes?: SandboxProvider; agent?: AgentRuntime }): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createRequestContext({ db: options.db, headers: req.headers, resHeaders, throttle: options.throttle, sandboxes: options.sandboxes, agent: options.agent }),
    responseMeta({ errors }) {
      const wait = errors.map(retryAfterSeconds).find((seconds) => seconds !== undefined);
      return wait ? { headers: { 'retry-after': String(wait) } } : {};
    },
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        getLogger().error({ err: error.cause ?? error, path, requestId: ctx?.requestId }, 'procedure failed');
      }
    },
  });
}
