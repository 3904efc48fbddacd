import { TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { AgentRuntime } from '@/server/agent/runtime';
import type { Throttle } from '@/server/auth/throttle';
import type { Database } from '@/server/db/client';
import type { SandboxProvider } from '@/server/sandbox/types';
import { AppError, isAppError } from '@/server/errors';
import { readLimitedBody, trpcBodyLimit } from '@/server/http/body-limit';
import { reportServerError } from '@/server/observability/report-error';
import { requestIdFrom, withRequestScope } from '@/server/observability/request-scope';
import { createRequestContext } from './context';
import { appRouter } from './root';

export const TRPC_ENDPOINT = '/api/trpc';

/** Seconds a client should wait before retrying, for 429 and 503 answers. */
export function retryAfterSeconds(error: { code: string; cause?: unknown }): number | undefined {
  if (isAppError(error.cause) && error.cause.retryAfterMs) return Math.max(1, Math.ceil(error.cause.retryAfterMs / 1000));
  return error.code === 'SERVICE_UNAVAILABLE' ? 5 : undefined;
}

/**
 * Serves tRPC over fetch `Request`/`Response`: the Next.js route and the HTTP tests use it. Bodies
 * are capped (see body-limit.ts); a larger one is a typed 413 PAYLOAD_TOO_LARGE.
 */
export async function handleTrpcRequest(req: Request, options: { db: Database; throttle?: Throttle; sandboxes?: SandboxProvider; agent?: AgentRuntime }): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  return withRequestScope(requestId, async () => {
    let refusal: AppError | undefined;
    if (req.method === 'POST') {
      // Buffered here so the limit holds whatever Content-Length says; tRPC then reads the copy.
      const body = await readLimitedBody(req, trpcBodyLimit(new URL(req.url).pathname, TRPC_ENDPOINT)).catch((error: unknown) => {
        if (!isAppError(error)) throw error;
        refusal = error;
        return new Uint8Array(new ArrayBuffer(0));
      });
      req = new Request(req, { body: refusal ? '{}' : body });
    }
    const response = await fetchRequestHandler({
      endpoint: TRPC_ENDPOINT,
      req,
      router: appRouter,
      createContext: ({ resHeaders, info }) => {
        // Thrown from here, the refusal gets tRPC's error shape and status like any other error.
        if (refusal) throw new TRPCError({ code: refusal.code, message: refusal.message, cause: refusal });
        // A ticket opens a subscription (a read), never a query or mutation.
        const ticket = info.type === 'subscription' ? info.connectionParams?.ticket : undefined;
        return createRequestContext({ db: options.db, headers: req.headers, resHeaders, requestId, throttle: options.throttle, sandboxes: options.sandboxes, agent: options.agent, subscriptionTicket: ticket });
      },
      responseMeta({ errors }) {
        const wait = errors.map(retryAfterSeconds).find((seconds) => seconds !== undefined);
        return wait ? { headers: { 'retry-after': String(wait) } } : {};
      },
      onError({ error, path }) {
        // Errors inside a procedure were reported by its middleware; this catches the rest (context, parsing).
        if (error.code === 'INTERNAL_SERVER_ERROR') reportServerError(error.cause ?? error, { surface: 'trpc', path, message: 'tRPC request failed' });
      },
    });
    if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', requestId);
    return response;
  });
}
