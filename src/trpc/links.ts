import { httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import superjson from 'superjson';
import { FILE_CONTENT_PROCEDURES } from '@/lib/schemas/files';
import type { AppRouter } from '@/server/api/root';

const carriesFileContent = new Set<string>(FILE_CONTENT_PROCEDURES);

/**
 * The browser's tRPC links: subscriptions over SSE, file content one call per request, the rest
 * batched. Not httpBatchStreamLink: it aborts its fetch as soon as it has read the last result, so
 * every call (each `processes.ports` poll too) ended as a failed, aborted request.
 */
export function createLinks(options: { url: string; fetch?: typeof globalThis.fetch }) {
  const { url, fetch } = options;
  const headers = { 'x-trpc-source': 'react' };
  return [
    splitLink<AppRouter>({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url, transformer: superjson }),
      false: splitLink({
        // Up to 16 MiB each: two in one batch would pass the per-request limit (body-limit.ts).
        condition: (op) => carriesFileContent.has(op.path),
        true: httpLink({ url, transformer: superjson, headers, fetch }),
        false: httpBatchLink({ url, transformer: superjson, headers, fetch, maxURLLength: 4_000 }),
      }),
    }),
  ];
}
