import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventSource } from 'eventsource';
import { afterAll, describe, expect, it } from 'vitest';
import { newAccount } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { startServerProcess } from '@/test/server-process';
import { createAuraClient } from './index';

/**
 * The typed client against a real server process (tRPC and REST over HTTP), whose access tokens
 * last 65 s: with the client's 60 s margin, a token is due for refresh 5 s after it was issued.
 */
const { url: databaseUrl } = await createTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'aura-client-'));
const server = await startServerProcess({ databaseUrl, dataDir, fakeInstallMs: 200, env: { JWT_EXPIRY: '65s' } });
afterAll(async () => {
  await server.stop();
  await rm(dataDir, { recursive: true, force: true });
});

interface Sent {
  url: string;
  status: number;
  authorization: string | null;
}
/** The global fetch, recording what went over the wire; `tamper` may rewrite a request first. */
function recordingFetch(tamper?: (url: string, headers: Headers) => void) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init?.headers);
    tamper?.(url, headers);
    const response = await fetch(url, { ...init, headers });
    sent.push({ url, status: response.status, authorization: headers.get('authorization') });
    return response;
  };
  return { sent, fetchImpl };
}

async function signUp() {
  const account = newAccount();
  const response = await fetch(`${server.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  expect(response.status).toBe(201);
  return account;
}

const pathOf = (sent: Sent) => new URL(sent.url).pathname;

/** An SSE response's text up to the first event of this type (or 5 s). */
async function firstEvents(response: Response, until: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + 5_000;
  while (!text.includes(`event: ${until}`) && Date.now() < deadline) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  await reader.cancel();
  return text;
}

describe('createAuraClient', () => {
  it('signs in with a password on first use, then calls with the Bearer token', async () => {
    const account = await signUp();
    const { sent, fetchImpl } = recordingFetch();
    const aura = createAuraClient({ url: server.url, credentials: { email: account.email, password: account.password }, fetch: fetchImpl });
    const [profile, page] = await Promise.all([aura.auth.profile.query(), aura.projects.list.query({ limit: 5 })]);
    expect(profile.user.email).toBe(account.email);
    expect(page.items).toEqual([]);
    // One sign-in for both calls.
    expect(sent.filter((request) => pathOf(request) === '/api/auth/login')).toHaveLength(1);
    expect(sent.at(-1)!.authorization).toMatch(/^Bearer ey/);
  });

  it('refreshes the access token before it expires', async () => {
    const account = await signUp();
    const { sent, fetchImpl } = recordingFetch();
    const aura = createAuraClient({ url: server.url, credentials: { email: account.email, password: account.password }, fetch: fetchImpl });
    await aura.auth.profile.query();
    const first = sent.at(-1)!.authorization;
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    await aura.auth.profile.query();
    expect(sent.map(pathOf)).toEqual(['/api/auth/login', '/api/trpc/auth.profile', '/api/auth/refresh', '/api/trpc/auth.profile']);
    expect(sent.at(-1)!.authorization).not.toBe(first);
    expect(sent.every((request) => request.status === 200)).toBe(true);
  });

  it('retries a call once after a 401, with a fresh token', async () => {
    const account = await signUp();
    let spoil = true;
    const { sent, fetchImpl } = recordingFetch((url, headers) => {
      // The server refuses this token (a revoked or expired one looks the same to the client).
      if (spoil && url.includes('/api/trpc/')) headers.set('authorization', 'Bearer not-a-token');
      spoil = false;
    });
    const aura = createAuraClient({ url: server.url, credentials: { email: account.email, password: account.password }, fetch: fetchImpl });
    spoil = false;
    await aura.auth.profile.query(); // signs in
    spoil = true;
    expect((await aura.auth.profile.query()).user.email).toBe(account.email);
    expect(sent.slice(2).map((request) => [pathOf(request), request.status])).toEqual([
      ['/api/trpc/auth.profile', 401],
      ['/api/auth/refresh', 200],
      ['/api/trpc/auth.profile', 200],
    ]);
  });

  it('subscribes over SSE from Node with the Bearer header, and no token in the URL', async () => {
    const account = await signUp();
    const { sent, fetchImpl } = recordingFetch();
    const aura = createAuraClient({ url: server.url, credentials: { email: account.email, password: account.password }, fetch: fetchImpl });
    const { project } = await aura.projects.create.mutate({ name: 'Streamed', framework: 'react' });
    const steps = await new Promise<string[]>((resolve, reject) => {
      const seen: string[] = [];
      const subscription = aura.projects.onSetupProgress.subscribe(
        { projectId: project.id },
        {
          onData: ({ data }) => {
            seen.push(data.step);
            if (seen.length === 5) {
              subscription.unsubscribe();
              resolve(seen);
            }
          },
          onError: reject,
        },
      );
    });
    expect(steps).toEqual(['provision', 'write_files', 'install', 'start_dev_server', 'ready']);
    const stream = sent.find((request) => pathOf(request) === '/api/trpc/projects.onSetupProgress')!;
    expect(stream.authorization).toMatch(/^Bearer ey/);
    expect(stream.url).not.toContain(stream.authorization!.slice('Bearer '.length));
  });

  it('subscribes with a single-use ticket instead of a header (browsers on another origin), and a ticket works once', async () => {
    const account = await signUp();
    const { fetchImpl } = recordingFetch();
    const opened: string[] = [];
    // The browser's EventSource: no headers of its own; this one records the URLs it opens.
    class RecordingEventSource extends EventSource {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        opened.push(String(url));
      }
    }
    const aura = createAuraClient({
      url: server.url,
      credentials: { email: account.email, password: account.password },
      subscriptions: 'ticket',
      EventSource: RecordingEventSource as unknown as typeof globalThis.EventSource,
      fetch: fetchImpl,
    });
    const { project } = await aura.projects.create.mutate({ name: 'Ticketed', framework: 'vue' });
    const first = await new Promise<string>((resolve, reject) => {
      const subscription = aura.projects.onSetupProgress.subscribe(
        { projectId: project.id },
        {
          onData: ({ data }) => {
            subscription.unsubscribe();
            resolve(data.step);
          },
          onError: reject,
        },
      );
    });
    expect(first).toBe('provision');
    expect(opened).toHaveLength(1);
    const ticketUrl = new URL(opened[0]!);
    const ticket = (JSON.parse(ticketUrl.searchParams.get('connectionParams')!) as { ticket: string }).ticket;
    expect(ticket).toMatch(/^ey/);

    // The same URL again: the ticket is spent. SSE reports the error in the stream.
    const replay = await fetch(ticketUrl, { headers: { accept: 'text/event-stream' } });
    const text = await firstEvents(replay, 'serialized-error');
    expect(text).toContain('UNAUTHORIZED');
    expect(text).not.toContain('provision');
  });

  it('refuses a ticket as a Bearer token and for anything but a subscription', async () => {
    const account = await signUp();
    const aura = createAuraClient({ url: server.url, credentials: { email: account.email, password: account.password } });
    const { ticket } = await aura.auth.subscriptionTicket.mutate();
    const asBearer = await fetch(`${server.url}/api/auth/profile`, { headers: { authorization: `Bearer ${ticket}` } });
    expect(asBearer.status).toBe(401);
    const asQuery = await fetch(`${server.url}/api/trpc/auth.profile?connectionParams=${encodeURIComponent(JSON.stringify({ ticket }))}`);
    expect(asQuery.status).toBe(401);
  });
});
