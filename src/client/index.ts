/**
 * Aura's typed client, published as `aura-ide/client` (built by `npm run build:client` into
 * dist/client, without Aura's `@/*` path alias). See the README's "Call Aura from a typed client".
 */
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, retryLink, splitLink, type TRPCClient, type TRPCLink } from '@trpc/client';
import { EventSource as EventSourcePonyfill } from 'eventsource';
import superjson from 'superjson';
import type { TokenResponse } from '@/lib/schemas/auth';
import type { AppRouter } from '@/server/api/root';
import { createTokenSession, type AuraCredentials } from './token-session';

export type { AppRouter };
export type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
export { AuraAuthError, type AuraCredentials } from './token-session';
export { TRPCClientError } from '@trpc/client';
export * from '@/lib/schemas/agent';
export * from '@/lib/schemas/auth';
export * from '@/lib/schemas/files';
export * from '@/lib/schemas/frameworks';
export * from '@/lib/schemas/projects';
export * from '@/lib/schemas/sessions';
export * from '@/lib/schemas/setup';
export * from '@/lib/schemas/terminals';
export * from '@/lib/schemas/users';

export interface AuraClientOptions {
  /** Aura's origin, e.g. `http://localhost:3000`. */
  url: string;
  /** Sign in with a password, or resume with a kept refresh token. Without: the browser's own cookie session (same origin only). */
  credentials?: AuraCredentials;
  /**
   * How subscriptions (SSE) authenticate. `header` (the default outside browsers): an
   * `Authorization: Bearer` header, through the `eventsource` package. `ticket` (the default in
   * browsers): the browser's EventSource with a single-use ticket from `auth.subscriptionTicket`,
   * so no token is ever put in a URL; for pages on another origin (listed in CORS_ORIGINS).
   */
  subscriptions?: 'header' | 'ticket';
  /** The EventSource for `ticket` mode (defaults to the browser's). */
  EventSource?: typeof globalThis.EventSource;
  /** Your fetch (defaults to the global one). */
  fetch?: typeof fetch;
  /** Called with each new token pair: keep `refreshToken` to resume later (it rotates on every refresh). */
  onTokens?: (tokens: TokenResponse) => void;
}

export type AuraClient = TRPCClient<AppRouter>;

/**
 * A tRPC client for Aura's whole API. With `credentials` it signs in through the token API,
 * refreshes the 15-minute access token before it expires, and retries a call once after a 401
 * (with a fresh token). Subscriptions stream over SSE with the same credentials.
 */
export function createAuraClient(options: AuraClientOptions): AuraClient {
  const url = options.url.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const session = options.credentials ? createTokenSession({ url, credentials: options.credentials, fetch: fetchImpl, onTokens: options.onTokens }) : undefined;
  const bearer = async (): Promise<Record<string, string>> => (session ? { authorization: `Bearer ${await session.accessToken()}` } : {});
  const trpcUrl = `${url}/api/trpc`;
  const mode = options.subscriptions ?? (typeof window === 'undefined' || !globalThis.EventSource ? 'header' : 'ticket');

  // Ticket mode asks for a ticket through an unsubscribing client, so the ticket call is a plain mutation.
  const plain = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: trpcUrl, transformer: superjson, fetch: fetchImpl, headers: bearer })] });
  const subscriptionLink: TRPCLink<AppRouter> =
    mode === 'header'
      ? httpSubscriptionLink({
          url: trpcUrl,
          transformer: superjson,
          EventSource: EventSourcePonyfill,
          eventSourceOptions: () => ({
            fetch: async (input, init) => fetchImpl(input, { ...init, headers: { ...init?.headers, ...(await bearer()) } }),
          }),
        })
      : httpSubscriptionLink({
          url: trpcUrl,
          transformer: superjson,
          // Asked again on every (re)connect: each ticket opens one stream.
          connectionParams: async () => (session ? { ticket: (await plain.auth.subscriptionTicket.mutate()).ticket } : null),
          EventSource: options.EventSource,
          eventSourceOptions: { withCredentials: !session },
        });

  const client = createTRPCClient<AppRouter>({
    links: [
      retryLink({
        retry: ({ op, error, attempts }) => {
          if (op.type === 'subscription' || attempts > 1 || !session || error.data?.httpStatus !== 401) return false;
          session.invalidate();
          return true;
        },
      }),
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: subscriptionLink,
        false: httpBatchLink({ url: trpcUrl, transformer: superjson, fetch: fetchImpl, headers: bearer }),
      }),
    ],
  });
  return client;
}
