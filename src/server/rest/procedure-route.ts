import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createRequestContext } from '@/server/api/context';
import { retryAfterSeconds } from '@/server/api/http';
import { createCaller } from '@/server/api/root';
import { asTRPCError, describeError } from '@/server/api/trpc';
import type { Throttle } from '@/server/auth/throttle';
import type { Database } from '@/server/db/client';
import type { SandboxProvider } from '@/server/sandbox/types';
import { DEFAULT_BODY_LIMIT, readLimitedBody } from '@/server/http/body-limit';
import { reportServerError } from '@/server/observability/report-error';
import { requestIdFrom, withRequestScope } from '@/server/observability/request-scope';

type Caller = ReturnType<typeof createCaller>;

/**
 * A seed REST path as a thin adapter over a tRPC procedure: same schemas, same services, same
 * errors. Errors answer `{ success: false, error: { code, message, issues } }` with the status the
 * tRPC endpoint would use.
 */
export function procedureRoute<T>(
  call: (caller: Caller, body: unknown, params: Record<string, string>) => Promise<T>,
  options: { db: () => Database; throttle?: () => Throttle; sandboxes?: () => SandboxProvider; readBody?: boolean; status?: number },
) {
  return (req: Request, context?: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    return withRequestScope(requestId, () => handle(req, requestId, context));
  };

  async function handle(req: Request, requestId: string, context?: { params: Promise<Record<string, string | string[]>> }): Promise<Response> {
    const resHeaders = new Headers({ 'cache-control': 'no-store', 'x-request-id': requestId });
    try {
      const body = options.readBody ? await readJson(req) : undefined;
      const ctx = await createRequestContext({ db: options.db(), headers: req.headers, resHeaders, requestId, throttle: options.throttle?.(), sandboxes: options.sandboxes?.() });
      // Query parameters, then path parameters (which win).
      const params = {
        ...Object.fromEntries(new URL(req.url).searchParams),
        ...Object.fromEntries(Object.entries((await context?.params) ?? {}).map(([key, value]) => [key, String(value)])),
      };
      const result = await call(createCaller(ctx), body, params);
      return Response.json(result, { status: options.status ?? 200, headers: resHeaders });
    } catch (cause) {
      const error = asTRPCError(cause);
      if (error.code === 'INTERNAL_SERVER_ERROR') reportServerError(error.cause ?? error, { surface: 'rest', path: new URL(req.url).pathname, message: 'request failed' });
      const wait = retryAfterSeconds(error);
      if (wait) resHeaders.set('retry-after', String(wait));
      return Response.json({ success: false, error: describeError(error) }, { status: getHTTPStatusCodeFromError(error), headers: resHeaders });
    }
  }
}

async function readJson(req: Request): Promise<unknown> {
  const text = new TextDecoder().decode(await readLimitedBody(req, DEFAULT_BODY_LIMIT));
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
  }
}
