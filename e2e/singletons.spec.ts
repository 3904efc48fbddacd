import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { PASSWORD } from './helpers';

/**
 * One instance of each server module, on the production build. Next puts a module into several
 * server chunks (the tRPC route, the background worker started from instrumentation, the RSC and
 * SSR layers); process-wide state lives in one registry on globalThis, and domain errors are
 * recognised by a brand. Each test drives two entry points and checks they act on the same state.
 */

type Json = Record<string, unknown>;

function bearer(token?: string): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** tRPC over HTTP as an external client calls it (superjson envelopes). */
async function trpcQuery(request: APIRequestContext, path: string, input?: unknown, token?: string): Promise<APIResponse> {
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  return request.get(`/api/trpc/${path}${query}`, { headers: bearer(token) });
}

async function trpcMutation(request: APIRequestContext, path: string, input: unknown, token?: string): Promise<APIResponse> {
  return request.post(`/api/trpc/${path}`, { data: { json: input }, headers: bearer(token) });
}

const dataOf = async <T = Json>(response: APIResponse): Promise<T> => ((await response.json()) as { result: { data: { json: T } } }).result.data.json;

async function signUp(request: APIRequestContext, prefix: string): Promise<{ email: string; accessToken: string }> {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const email = `${prefix}-${id}@example.com`;
  const response = await request.post('/api/auth/signup', { data: { email, username: `${prefix}_${id}`, password: PASSWORD } });
  expect(response.status()).toBe(201);
  return { email, accessToken: ((await response.json()) as { accessToken: string }).accessToken };
}

test('the background worker and a tRPC route hold the same sandbox provider, terminal manager and throttle', async ({ request }) => {
  const response = await trpcQuery(request, 'system.singletons');
  expect(response.status()).toBe(200);
  const { route, worker } = await dataOf<{ route: Json; worker: Json | null }>(response);
  // The worker's view is computed by the worker's own chunk (instrumentation), the route's by the tRPC route's.
  expect(worker).not.toBeNull();
  expect(worker).toEqual(route);
  expect(Object.keys(route)).toEqual(expect.arrayContaining(['provider', 'terminals', 'throttle']));
});

test('a login lockout is a 429 on the sign-in page, REST and tRPC alike, never a 500', async ({ page, request }) => {
  const { email } = await signUp(request, 'lockout');
  const serverErrors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`);
  });
  const wrong = { email, password: 'not the password at all' };
  const viaPage = async (password: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page.locator('form').getByRole('alert');
  };

  // Five wrong passwords, spread over the three surfaces (each its own chunk); the fifth locks.
  expect((await request.post('/api/auth/login', { data: wrong })).status()).toBe(401);
  expect((await trpcMutation(request, 'auth.login', wrong)).status()).toBe(401);
  await expect(await viaPage(wrong.password)).toHaveText('Email or password is incorrect.');
  expect((await request.post('/api/auth/login', { data: wrong })).status()).toBe(401);
  expect((await trpcMutation(request, 'auth.login', wrong)).status()).toBe(401);

  // Locked now, on every surface, even with the right password.
  const rest = await request.post('/api/auth/login', { data: { email, password: PASSWORD } });
  expect(rest.status()).toBe(429);
  expect(Number(rest.headers()['retry-after'])).toBeGreaterThan(0);
  expect(((await rest.json()) as { error: { code: string } }).error.code).toBe('TOO_MANY_REQUESTS');
  const trpc = await trpcMutation(request, 'auth.login', { email, password: PASSWORD });
  expect(trpc.status()).toBe(429);
  expect(Number(trpc.headers()['retry-after'])).toBeGreaterThan(0);
  await expect(await viaPage(PASSWORD)).toHaveText('Too many attempts. Wait a few minutes, then try again.');
  await expect(page).toHaveURL(/\/sign-in/);
  expect(serverErrors).toEqual([]);
});

test('the dev server that setup (the worker) started is listed by processes.ports (a route) as soon as the project is ready', async ({ request }) => {
  test.setTimeout(8 * 60_000);
  const { accessToken } = await signUp(request, 'ports');
  const created = await trpcMutation(request, 'projects.create', { name: 'Singleton ports', framework: 'react' }, accessToken);
  expect(created.status()).toBe(200);
  const projectId = (await dataOf<{ project: { id: string } }>(created)).project.id;
  try {
    // Setup runs in the background worker: provision, write files, a real npm install, start the dev server.
    await expect
      .poll(async () => (await dataOf<{ status: string; setupStatus: string }>(await trpcQuery(request, 'projects.status', { projectId }, accessToken))).status, { timeout: 6 * 60_000, intervals: [2_000] })
      .toMatch(/^(ready|error)$/);
    const status = await dataOf<{ status: string; steps: { step: string; status: string; error?: string | null }[] }>(await trpcQuery(request, 'projects.status', { projectId }, accessToken));
    expect(status.status, JSON.stringify(status.steps)).toBe('ready');

    // The route's provider is the worker's: it sees the sandbox, its dev server and its port at once.
    const started = Date.now();
    let ports: { port: number }[] = [];
    while (Date.now() - started < 5_000) {
      ports = await dataOf<{ port: number }[]>(await trpcQuery(request, 'processes.ports', { projectId }, accessToken));
      if (ports.length > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ports.length).toBeGreaterThan(0);
    const listed = await dataOf<{ cmd: string }[]>(await trpcQuery(request, 'processes.list', { projectId }, accessToken));
    expect(listed.map((process) => process.cmd).join('\n')).toMatch(/vite|npm/);

    // A terminal opened through the route runs in that same sandbox, beside the dev server.
    const terminal = await trpcMutation(request, 'terminals.create', { projectId, cols: 80, rows: 24 }, accessToken);
    expect(terminal.status()).toBe(200);
    const terminals = await dataOf<{ exitCode: number | null }[]>(await trpcQuery(request, 'terminals.list', { projectId }, accessToken));
    expect(terminals).toEqual([expect.objectContaining({ exitCode: null })]);
  } finally {
    await trpcMutation(request, 'projects.delete', { projectId }, accessToken);
  }
});
