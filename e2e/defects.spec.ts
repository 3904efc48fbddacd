import { createServer, createConnection, type Server } from 'node:net';
import { networkInterfaces } from 'node:os';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createReactProject, PASSWORD, signUp } from './helpers';

const MiB = 1024 * 1024;

/** An account and a project through the REST API; tRPC calls then carry its bearer token. */
async function bearerProject(request: APIRequestContext) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const signup = await request.post('/api/auth/signup', { data: { email: `defects-${id}@example.com`, username: `defects_${id}`, password: PASSWORD } });
  expect(signup.status()).toBe(201);
  const { accessToken } = (await signup.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const created = await request.post('/api/projects/create', { headers, data: { name: 'Uploads', framework: 'react' } });
  expect(created.status()).toBe(201);
  const { project } = (await created.json()) as { project: { id: string } };
  return { headers, projectId: project.id };
}

test('a 10 MiB file upload passes Next’s proxy (a 13.4 MiB body), and a 17 MiB body gets a typed 413', async ({ request }) => {
  const { headers, projectId } = await bearerProject(request);
  const upload = (content: string) =>
    request.post('/api/trpc/files.upload', { headers: { ...headers, 'content-type': 'application/json' }, data: JSON.stringify({ json: { projectId, path: 'assets/big.bin', content, encoding: 'base64' } }), timeout: 60_000 });

  const file = Buffer.alloc(10 * MiB, 7);
  const accepted = await upload(file.toString('base64'));
  expect(accepted.status(), await accepted.text()).toBe(200);
  const stored = await request.get(`/api/trpc/files.read?input=${encodeURIComponent(JSON.stringify({ json: { projectId, path: 'assets/big.bin' } }))}`, { headers });
  expect(stored.status()).toBe(200);
  expect(((await stored.json()) as { result: { data: { json: { size?: number } } } }).result.data.json).toMatchObject({ size: 10 * MiB });

  // 15 MiB of body: past the old 10 MB cut, and refused for what it is (content over 10 MiB), not as broken JSON.
  const overContent = await upload('A'.repeat(15 * MiB));
  expect(overContent.status()).toBe(400);
  expect(await overContent.text()).toContain('larger than 10 MiB');

  const tooLarge = await upload('A'.repeat(17 * MiB));
  expect(tooLarge.status()).toBe(413);
  expect(((await tooLarge.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe('PAYLOAD_TOO_LARGE');
});

/** The machine's first non-loopback IPv4 address: a "LAN" origin, which Chromium does not treat as secure. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address;
}

/** Forwards a port on `host` to the app, so the browser reaches it at http://<lan address>:<port>. */
async function forward(host: string, target: URL): Promise<{ origin: string; server: Server }> {
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address() as { port: number };
  return { origin: `http://${host}:${address.port}`, server };
}

test('over plain HTTP on a LAN address: sign up, sign out and sign in again, never leaving that origin', async ({ page, baseURL }) => {
  const host = lanAddress();
  test.skip(!host, 'needs a non-loopback IPv4 address on this machine');
  const lan = await forward(host!, new URL(baseURL!));
  try {
    await page.goto(`${lan.origin}/sign-up`);
    const id = Date.now().toString(36);
    await page.getByLabel('Email').fill(`lan-${id}@example.com`);
    await page.getByLabel('Username').fill(`lan_${id}`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(lan.origin);
    // Plain HTTP: no Secure cookie (the browser would drop it here), so the CSRF check has its cookie.
    const session = (await page.context().cookies(lan.origin)).find((cookie) => cookie.name.endsWith('authjs.session-token'));
    expect(session).toMatchObject({ name: 'authjs.session-token', httpOnly: true, sameSite: 'Lax', secure: false });

    await page.getByRole('button', { name: `lan_${id}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(lan.origin);

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(`lan-${id}@example.com`);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Projects', exact: true })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(lan.origin);
  } finally {
    lan.server.close();
  }
});

test('signing out from 127.0.0.1 stays on 127.0.0.1', async ({ page, baseURL }) => {
  const id = await signUp(page, 'signout');
  expect(baseURL).toContain('127.0.0.1');
  await page.getByRole('button', { name: `signout_${id}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test('the workspace has a favicon, and its polls complete instead of being aborted', async ({ page }) => {
  test.setTimeout(240_000);
  const failed: string[] = [];
  const polls: string[] = [];
  page.on('requestfailed', (request) => {
    // Subscriptions (SSE) are closed by the page on purpose when it navigates; only calls count.
    if (new URL(request.url()).pathname.startsWith('/api/trpc/') && !request.headers().accept?.includes('text/event-stream')) {
      failed.push(`${request.url()} ${request.failure()?.errorText}`);
    }
  });
  page.on('requestfinished', (request) => {
    if (request.url().includes('processes.ports')) polls.push(request.url());
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await signUp(page, 'polls');
  const projectId = await createReactProject(page, 'Polls');
  await page.goto(`/projects/${projectId}`);

  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  expect(icon).toBeTruthy();
  const response = await page.request.get(icon!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('image/svg+xml');

  // The preview polls the sandbox's ports every 3 s once the workspace's session is open.
  await expect.poll(() => polls.length, { timeout: 150_000 }).toBeGreaterThanOrEqual(3);
  expect(failed).toEqual([]);
  expect(errors).toEqual([]);
});
