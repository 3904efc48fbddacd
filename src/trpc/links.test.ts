import { createTRPCClient, httpBatchStreamLink } from '@trpc/client';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { handleTrpcRequest } from '@/server/api/http';
import type { AppRouter } from '@/server/api/root';
import { createTestDatabase } from '@/test/database';
import { createLinks } from './links';

const { db } = await createTestDatabase();
const url = 'http://aura.test/api/trpc';

/** A fetch into the real tRPC handler that records whether the caller aborted a request it had answered. */
function recordingFetch() {
  const aborted: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await handleTrpcRequest(request, { db });
    init?.signal?.addEventListener('abort', () => aborted.push(request.url));
    return response;
  };
  return { aborted, fetch: fetch as typeof globalThis.fetch };
}

describe('the browser’s tRPC links', () => {
  it('let a finished call end normally: the browser saw every poll as net::ERR_ABORTED before', async () => {
    const ours = recordingFetch();
    const client = createTRPCClient<AppRouter>({ links: createLinks({ url, fetch: ours.fetch }) });
    for (let i = 0; i < 3; i++) expect(await client.system.health.query()).toMatchObject({ status: 'ok' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ours.aborted).toEqual([]);

    // The link it replaces aborts the request once it has read the last result.
    const streaming = recordingFetch();
    const before = createTRPCClient<AppRouter>({ links: [httpBatchStreamLink({ url, transformer: superjson, fetch: streaming.fetch })] });
    expect(await before.system.health.query()).toMatchObject({ status: 'ok' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(streaming.aborted).toHaveLength(1);
  });
});
