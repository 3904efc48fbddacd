import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/server/errors';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { createInnerContext } from './context';
import { handleTrpcRequest, TRPC_ENDPOINT } from './http';
import { appRouter } from './root';
import { createTRPCRouter, protectedProcedure, publicProcedure } from './trpc';

const { db } = await createTestDatabase();

// A router built from the real procedure tiers, to pin down what every procedure shares.
const probe = createTRPCRouter({
  rename: publicProcedure
    .input(z.object({ name: z.string().min(1).max(20), tags: z.array(z.string()).max(2) }))
    .mutation(({ input }) => input),
  whoami: protectedProcedure.query(({ ctx }) => ctx.user.id),
  missing: publicProcedure.query(() => {
    throw new AppError('NOT_FOUND', 'Project was not found.');
  }),
  broken: publicProcedure.query(() => {
    throw new Error('password=hunter2 at /srv/app/secret.ts:12');
  }),
  offline: publicProcedure.query(() => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
  }),
});

function call(path: string, init: { input?: unknown; method?: 'GET' | 'POST' } = {}) {
  const method = init.method ?? 'GET';
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(init.input)));
  const url = `http://aura.test${TRPC_ENDPOINT}/${path}${method === 'GET' ? `?input=${encoded}` : ''}`;
  const req = new Request(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'POST' ? JSON.stringify(superjson.serialize(init.input)) : undefined,
  });
  return fetchRequestHandler({ endpoint: TRPC_ENDPOINT, req, router: probe, createContext: () => createInnerContext({ db }) });
}

async function errorOf(response: Response) {
  const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
  return body.error.json;
}

describe('tRPC over HTTP', () => {
  it('answers bad input with 400 BAD_REQUEST and the Zod issues, per field', async () => {
    const response = await call('rename', { method: 'POST', input: { name: '', tags: ['a', 'b', 'c'] } });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toBe('The input is not valid.');
    expect(error.data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    const issues = (error.data.zodError as { issues: { path: unknown[]; message: string }[] }).issues;
    expect(issues.map((issue) => issue.path)).toEqual([['name'], ['tags']]);
    expect(issues[0]?.message).toMatch(/>=1 character/);
  });

  it('answers input of the wrong type, or none at all, with 400 rather than 500', async () => {
    for (const input of [undefined, null, 'rename me', 42, { name: 7, tags: 'x' }]) {
      const response = await call('rename', { method: 'POST', input });
      expect(response.status, JSON.stringify(input)).toBe(400);
    }
  });

  it('answers a call without a session with 401 UNAUTHORIZED', async () => {
    const response = await call('whoami');
    expect(response.status).toBe(401);
    expect((await errorOf(response)).message).toBe('Sign in to continue.');
  });

  it('maps domain errors to their status with their message', async () => {
    const response = await call('missing');
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ message: 'Project was not found.', data: { code: 'NOT_FOUND' } });
  });

  it('hides the cause and the stack of unexpected errors', async () => {
    const response = await call('broken');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain('Something went wrong on our side');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('secret.ts');
    expect(text).not.toContain('stack');
  });

  it('answers 503 when the database cannot be reached, so clients retry', async () => {
    const response = await call('offline');
    expect(response.status).toBe(503);
    expect((await errorOf(response)).data).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('answers garbage input to every procedure of the app with 400, never 500', async () => {
    // Signed in, so protected procedures get as far as validating their input.
    const throttle = testThrottle();
    const { accessToken } = (await restClient({ db, throttle }).signup(newAccount())).json as { accessToken: string };
    const procedures = Object.entries(appRouter._def.procedures as Record<string, unknown>) as [string, { _def: { inputs: unknown[]; type: string } }][];
    let checked = 0;
    for (const [path, procedure] of procedures) {
      if (procedure._def.inputs.length === 0 || procedure._def.type === 'subscription') continue;
      checked += 1;
      const method = procedure._def.type === 'query' ? 'GET' : 'POST';
      const req = new Request(`http://aura.test${TRPC_ENDPOINT}/${path}${method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify({ json: '💥 not an object' }))}` : ''}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: method === 'POST' ? '{"json":"\\u0000 not an object"}' : undefined,
      });
      const response = await handleTrpcRequest(req, { db, throttle });
      expect(response.status, path).toBe(400);
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it('serves the app router: health and readiness', async () => {
    const response = await handleTrpcRequest(new Request(`http://aura.test${TRPC_ENDPOINT}/system.health,system.readiness?batch=1&input=%7B%7D`), { db });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    const [health, readiness] = (await response.json()) as { result: { data: { json: Record<string, unknown> } } }[];
    expect(health?.result.data.json).toMatchObject({ status: 'ok' });
    expect(readiness?.result.data.json).toMatchObject({ ready: true, checks: { database: { up: true }, migrations: { current: true } } });
  });
});
