import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { env } from '@/env';
import { clientInfoFromHeaders, isSameOrigin, resolveRequestUser } from '@/server/auth/request-user';
import type { Throttle } from '@/server/auth/throttle';
import { getThrottle } from '@/server/auth/throttle-instance';
import { requestIdFrom } from '@/server/observability/request-scope';
import type { AuthUser, ClientInfo } from '@/server/auth/types';
import { getAgentRuntime, type AgentRuntime } from '@/server/agent/runtime';
import { getSandboxProvider } from '@/server/sandbox';
import type { SandboxProvider } from '@/server/sandbox/types';
import type { Database } from '@/server/db/client';
import { isDatabaseUnavailable } from '@/server/errors';

/** What every procedure can use. Tests build it directly with a real database and any user. */
export interface InnerContext {
  db: Database;
  user: AuthUser | null;
  requestId: string;
  client: ClientInfo;
  /** False for a cross-site browser request; cookie-authenticated mutations then fail. */
  sameOrigin: boolean;
  throttle: Throttle;
  /** The origin the caller reached Aura on (for links such as preview URLs). */
  origin: string;
  /** Where projects' sandboxes run: local or E2B, chosen from env; tests pass their own. */
  sandboxes: SandboxProvider;
  /** The agent's checkpointer, models and in-flight runs; tests pass one with a scripted model. */
  agent: AgentRuntime;
  /** Response headers of an HTTP request (absent for in-process callers). */
  resHeaders?: Headers;
}

export function createInnerContext(options: {
  db: Database;
  user?: AuthUser | null;
  requestId?: string;
  client?: ClientInfo;
  sameOrigin?: boolean;
  throttle?: Throttle;
  sandboxes?: SandboxProvider;
  origin?: string;
  agent?: AgentRuntime;
}): InnerContext {
  return {
    db: options.db,
    user: options.user ?? null,
    requestId: options.requestId ?? randomUUID(),
    client: options.client ?? { ip: null, userAgent: null },
    sameOrigin: options.sameOrigin ?? true,
    throttle: options.throttle ?? getThrottle(),
    sandboxes: options.sandboxes ?? getSandboxProvider(),
    origin: options.origin ?? `http://localhost:${env.PORT}`,
    agent: options.agent ?? getAgentRuntime(),
  };
}

/** The request part: who is calling and from where, from the request's headers. */
export async function createRequestContext(options: {
  db: Database;
  headers: Headers;
  resHeaders?: Headers;
  throttle?: Throttle;
  sandboxes?: SandboxProvider;
  agent?: AgentRuntime;
  /** A single-use ticket from a subscription's connection params (`auth.subscriptionTicket`); only subscriptions pass it. */
  subscriptionTicket?: string;
  /** Chosen by the HTTP handler (from `x-request-id` or new) when it already opened the request's scope. */
  requestId?: string;
}): Promise<InnerContext> {
  const { db, headers } = options;
  const user = await resolveRequestUser({ db, headers, subscriptionTicket: options.subscriptionTicket }).catch((error: unknown) => {
    // Thrown here, outside any procedure: the procedures' error mapping never sees it.
    if (isDatabaseUnavailable(error)) throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'The database is unavailable. Try again shortly.', cause: error });
    throw error;
  });
  const requestId = options.requestId ?? requestIdFrom(headers);
  options.resHeaders?.set('x-request-id', requestId);
  return {
    ...createInnerContext({
      db,
      user,
      requestId,
      client: clientInfoFromHeaders(headers),
      sameOrigin: isSameOrigin(headers),
      throttle: options.throttle,
      sandboxes: options.sandboxes,
      agent: options.agent,
      origin: `${headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http'}://${headers.get('x-forwarded-host') ?? headers.get('host') ?? 'localhost'}`,
    }),
    resHeaders: options.resHeaders,
  };
}
