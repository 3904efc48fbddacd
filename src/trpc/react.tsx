'use client';

import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import superjson from 'superjson';
import { FILE_CONTENT_PROCEDURES } from '@/lib/schemas/files';
import type { AppRouter } from '@/server/api/root';
import { makeQueryClient } from './query-client';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

let browserQueryClient: QueryClient | undefined;

function getQueryClient() {
  // On the server every render gets a fresh client; in the browser one is kept, so a suspense
  // boundary does not throw the cache away.
  if (typeof window === 'undefined') return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}

const url = '/api/trpc';
const headers = { 'x-trpc-source': 'react' };
const carriesFileContent = new Set<string>(FILE_CONTENT_PROCEDURES);

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'subscription',
          true: httpSubscriptionLink({ url, transformer: superjson }),
          // Not httpBatchStreamLink: it aborts its fetch as soon as it has read the last result,
          // so every call (each `processes.ports` poll too) ended as a failed, aborted request.
          false: splitLink({
            // Up to 16 MiB each: two in one batch would pass the per-request limit (body-limit.ts).
            condition: (op) => carriesFileContent.has(op.path),
            true: httpLink({ url, transformer: superjson, headers }),
            false: httpBatchLink({ url, transformer: superjson, headers, maxURLLength: 4_000 }),
          }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
