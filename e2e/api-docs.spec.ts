import { expect, test } from '@playwright/test';
import { PASSWORD } from './helpers';

// The test's "other site" has no address of its own while Aura listens on 127.0.0.1: Chromium's
// private-network rules would refuse any public page calling a loopback server. Real deployments
// are both public (or both local), so those checks are off here and CORS decides, as it would there.
test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=BlockInsecurePrivateNetworkRequests,LocalNetworkAccessChecks'],
  },
});

test('the API reference at /api/docs renders the OpenAPI document with nothing fetched from another origin', async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== new URL(baseURL!).origin && !request.url().startsWith('data:')) foreign.push(request.url());
  });
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
  });
  await page.goto('/api/docs');
  await expect(page.getByText('Create an account and sign in').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('/projects/{projectId}/status').first()).toBeAttached();
  expect(foreign).toEqual([]);
  expect(blocked).toEqual([]);

  const document = await (await page.request.get('/api/openapi.json')).json();
  expect(document.openapi).toBe('3.1.0');
  expect(Object.keys(document.paths)).toContain('/projects/create');
});

test('a page on another origin (in CORS_ORIGINS) subscribes with a single-use ticket, no token in the URL', async ({ page, request, baseURL }) => {
  const id = Date.now().toString(36);
  const account = { email: `ticket-${id}@example.com`, username: `ticket_${id}`, password: PASSWORD };
  const signup = await request.post('/api/auth/signup', { data: account });
  expect(signup.status()).toBe(201);
  const { accessToken } = await signup.json();
  const created = await request.post('/api/projects/create', { data: { name: 'Cross-origin', framework: 'react' }, headers: { authorization: `Bearer ${accessToken}` } });
  const projectId = (await created.json()).project.id as string;

  // The other site: a page of http://tools.aura.test, using only what browsers have (fetch, EventSource).
  await page.route('http://tools.aura.test/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>tools</title>' }));
  await page.goto('http://tools.aura.test/');
  const streamed = await page.evaluate(
    async ({ base, email, password, projectId }) => {
      const json = { 'content-type': 'application/json' };
      const { accessToken } = await (await fetch(`${base}/api/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) })).json();
      const { ticket } = await (await fetch(`${base}/api/auth/subscription-ticket`, { method: 'POST', headers: { ...json, authorization: `Bearer ${accessToken}` } })).json();
      const url = `${base}/api/trpc/projects.onSetupProgress?input=${encodeURIComponent(JSON.stringify({ json: { projectId } }))}&connectionParams=${encodeURIComponent(JSON.stringify({ ticket }))}`;
      const first = await new Promise<string>((resolve, reject) => {
        const source = new EventSource(url);
        source.onmessage = (event) => {
          source.close();
          resolve(event.data);
        };
        source.onerror = () => {
          source.close();
          reject(new Error('the stream failed'));
        };
      });
      return { first, url, accessToken: accessToken as string };
    },
    { base: baseURL!, email: account.email, password: PASSWORD, projectId },
  );
  expect(JSON.parse(streamed.first)).toMatchObject({ json: { step: 'provision' } });
  expect(streamed.url).not.toContain(streamed.accessToken);
});
