import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Database } from '@/server/db/client';
import { getLogger } from '@/server/logger';
import { createRequestContext } from './context';
import { appRouter } from './root';

export const TRPC_ENDPOINT = '/api/trpc';

/** Serves tRPC over fetch `Request`/`Response`: the Next.js route and the HTTP tests use it. */
export function handleTrpcRequest(req: Request, options: { db: Database }): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createRequestContext({ db: options.db, headers: req.headers, resHeaders }),
    onError({ error, path, ctx }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        getLogger().error({ err: error.cause ?? error, path, requestId: ctx?.requestId }, 'procedure failed');
      }
    },
  });
}
