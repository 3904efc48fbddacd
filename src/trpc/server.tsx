import 'server-only';

import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCOptionsProxy, type TRPCQueryOptions } from '@trpc/tanstack-react-query';
import { headers } from 'next/headers';
import { cache, type ReactNode } from 'react';
import { createRequestContext } from '@/server/api/context';
import { TRPCError } from '@trpc/server';
import { appRouter, createCaller } from '@/server/api/root';
import { getDb } from '@/server/db';
import { makeQueryClient } from './query-client';

/** One query client per server request. */
export const getQueryClient = cache(makeQueryClient);

const createContext = cache(async () => {
  // Reading headers first marks the page dynamic, so a build never opens the database.
  const requestHeaders = new Headers(await headers());
  return createRequestContext({ db: getDb(), headers: requestHeaders });
});

/** Query options for server components: `prefetch(trpc.system.health.queryOptions())`. */
export const trpc = createTRPCOptionsProxy({ ctx: createContext, router: appRouter, queryClient: getQueryClient });

/** Starts a query on the server; the result streams into the client's cache through HydrateClient. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- accepts any procedure's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T): void {
  void getQueryClient().prefetchQuery(queryOptions);
}

/** Wraps client components that read prefetched queries. */
export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Calls procedures directly from server components, as the signed-in user of this request. */
export const getServerCaller = cache(async () => createCaller(await createContext()));

/** The signed-in user of this request, or null. */
export const getCurrentUser = cache(async () => {
  const api = await getServerCaller();
  return api.auth.profile().then(({ user }) => user, (error: unknown) => {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  });
});
