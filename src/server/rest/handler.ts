import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { createOpenApiFetchHandler } from 'trpc-to-openapi';
import type { AgentRuntime } from '@/server/agent/runtime';
import { createRequestContext } from '@/server/api/context';
import { retryAfterSeconds } from '@/server/api/http';
import { appRouter } from '@/server/api/root';
import { asTRPCError, describeError } from '@/server/api/trpc';
import type { Throttle } from '@/server/auth/throttle';
import type { Database } from '@/server/db/client';
import { isAppError } from '@/server/errors';
import { DEFAULT_BODY_LIMIT, readLimitedBody } from '@/server/http/body-limit';
import { reportServerError } from '@/server/observability/report-error';
import { requestIdFrom, withRequestScope } from '@/server/observability/request-scope';
import type { SandboxProvider } from '@/server/sandbox/types';
import { procedureMeta, REST_BASE_PATH } from './document';

export interface RestDeps {
  db: () => Database;
  throttle?: () => Throttle;
  sandboxes?: () => SandboxProvider;
  agent?: () => AgentRuntime;
}

/**
 * The REST surface: every procedure with `openapi` metadata, at the path the metadata names
 * (trpc-to-openapi routes and validates; the procedures' tiers authorise, so Bearer, cookie and
 * same-origin rules are the tRPC endpoint's). Errors answer `{ success: false, error: { code,
 * message, issues } }` with the status the tRPC endpoint would use. Each `src/app/api/**\/route.ts`
 * of a documented path exports this handler for its methods.
 */
export function createRestHandler(deps: RestDeps): (req: Request) => Promise<Response> {
  return (req) => {
    const requestId = requestIdFrom(req.headers);
    return withRequestScope(requestId, () => handle(req, requestId));
  };

  async function handle(original: Request, requestId: string): Promise<Response> {
    const resHeaders = new Headers({ 'cache-control': 'no-store', 'x-request-id': requestId });
    let failure: TRPCError | undefined;
    let response: Response;
    try {
      const req = await withJsonBody(original);
      response = await createOpenApiFetchHandler({
        endpoint: REST_BASE_PATH,
        req,
        router: appRouter,
        createContext: () =>
          createRequestContext({ db: deps.db(), headers: req.headers, resHeaders, requestId, throttle: deps.throttle?.(), sandboxes: deps.sandboxes?.(), agent: deps.agent?.() }),
        responseMeta: ({ paths, errors }) => (errors.length === 0 ? { status: procedureMeta(paths?.[0])?.status ?? 200 } : {}),
        onError: ({ error }) => {
          failure = error;
        },
      });
    } catch (cause) {
      failure = cause instanceof TRPCError ? cause : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause });
      response = new Response(null, { status: 500 });
    }
    if (!failure) {
      for (const [key, value] of resHeaders) response.headers.set(key, value);
      return response;
    }
    const error = asTRPCError(failure);
    if (error.code === 'INTERNAL_SERVER_ERROR') reportServerError(error.cause ?? error, { surface: 'rest', path: new URL(original.url).pathname, message: 'request failed' });
    const wait = retryAfterSeconds(error);
    if (wait) resHeaders.set('retry-after', String(wait));
    return Response.json({ success: false, error: describeError(error) }, { status: getHTTPStatusCodeFromError(error), headers: resHeaders });
  }
}

/**
 * The body, capped, read as JSON unless another type is named: an empty body is `{}` (so `POST
 * /api/auth/logout` needs none), a malformed one a 400 rather than the library's PARSE_ERROR.
 */
async function withJsonBody(req: Request): Promise<Request> {
  if (req.method === 'GET' || req.method === 'HEAD') return req;
  const bytes = await readLimitedBody(req, DEFAULT_BODY_LIMIT).catch((error: unknown) => {
    if (isAppError(error)) throw asTRPCError(error);
    throw error;
  });
  const text = new TextDecoder().decode(bytes);
  const type = req.headers.get('content-type');
  // `fetch(url, { body: JSON.stringify(...) })` without a header sends text/plain: read it as JSON
  // too. Any other declared type is the library's to refuse (415).
  if (type && !/^(application\/json|text\/plain)\b/.test(type)) return new Request(req.url, { method: req.method, headers: req.headers, body: text });
  if (text.trim() !== '') {
    try {
      JSON.parse(text);
    } catch {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
    }
  }
  const headers = new Headers(req.headers);
  headers.set('content-type', 'application/json');
  return new Request(req.url, { method: req.method, headers, body: text.trim() === '' ? '{}' : text });
}
