import { readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalSandboxProvider } from '@/server/sandbox';
import { testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { getOpenApiDocument } from './document';
import { docsAsset, docsPage } from './docs';
import { createRestHandler } from './handler';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-openapi-'));
const sandboxes = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await sandboxes.shutdown();
  await rm(scratch, { recursive: true, force: true });
});
const rest = createRestHandler({ db: () => db, throttle: () => testThrottle(), sandboxes: () => sandboxes });

interface Operation {
  path: string;
  method: string;
  parameters?: { name: string; in: 'path' | 'query'; example?: unknown }[];
  requestBody?: { content: { 'application/json': { example?: Record<string, unknown> } } };
  responses: Record<string, { content?: { 'application/json': { schema: { required?: string[] } } } }>;
  security?: unknown[];
}

const document = getOpenApiDocument();
const operations: Operation[] = Object.entries(document.paths ?? {}).flatMap(([route, item]) =>
  Object.entries(item as Record<string, Omit<Operation, 'path' | 'method'>>).map(([method, operation]) => ({ ...operation, path: route, method: method.toUpperCase() })),
);
const key = (operation: Pick<Operation, 'method' | 'path'>) => `${operation.method} ${operation.path}`;
const successStatus = (operation: Operation) => Number(Object.keys(operation.responses).find((status) => status.startsWith('2')));

async function send(operation: Operation, options: { token?: string; ids?: Record<string, string> }) {
  const ids = options.ids ?? {};
  let url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? String(operation.parameters?.find((parameter) => parameter.name === name)?.example));
  const query = new URLSearchParams();
  for (const parameter of operation.parameters ?? []) if (parameter.in === 'query' && parameter.example !== undefined) query.set(parameter.name, String(parameter.example));
  if (query.size > 0) url += `?${query}`;
  const example = operation.requestBody?.content['application/json'].example;
  // The example as documented; only ids and tokens the server issued during this test replace its placeholders.
  const body = example ? Object.fromEntries(Object.entries(example).map(([name, value]) => [name, ids[name] ?? value])) : undefined;
  const response = await rest(
    new Request(`http://aura.test/api${url}`, {
      method: operation.method,
      headers: { 'content-type': 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document with the seed’s paths', async () => {
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(document.openapi).toBe('3.1.0');
    const seed = [
      'POST /auth/signup', 'POST /auth/login', 'POST /auth/logout', 'GET /auth/profile', 'PUT /auth/profile', 'POST /auth/refresh',
      'POST /projects/create', 'GET /projects/frameworks', 'GET /projects/ui-libraries', 'POST /projects/{projectId}/setup', 'GET /projects/{projectId}/status', 'POST /projects/{projectId}/session',
      'POST /sessions/create', 'GET /sessions/{sessionId}', 'PUT /sessions/{sessionId}', 'DELETE /sessions/{sessionId}', 'GET /sessions/active',
    ];
    expect(operations.map(key)).toEqual(expect.arrayContaining(seed));
  });

  it('has a Next.js route for every documented path and method, serving the REST handler', async () => {
    for (const operation of operations) {
      const file = path.join('src/app/api', operation.path.replace(/\{\w+\}/g, '[id]'), 'route.ts');
      const source = await readFile(file, 'utf8').catch(() => '');
      expect(source, `${key(operation)} needs ${file} exporting handleRest as ${operation.method}`).toContain(`handleRest as ${operation.method}`);
    }
  });

  it('refuses every protected path without credentials, with 401', async () => {
    for (const operation of operations.filter((candidate) => candidate.security)) {
      const { status, json } = await send(operation, {});
      expect({ operation: key(operation), status }).toEqual({ operation: key(operation), status: 401 });
      expect(json).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
    }
  });

  it('answers every documented path, called with its example, with the documented status and shape', async () => {
    // Creations first (they issue the ids the others need), endings last; the rest in document order.
    const first = ['POST /auth/signup', 'POST /projects/create', 'POST /projects/{projectId}/session'];
    const last = ['POST /auth/change-password', 'DELETE /sessions/{sessionId}', 'DELETE /projects/{projectId}', 'POST /auth/logout'];
    const rank = (operation: Operation) => (first.includes(key(operation)) ? first.indexOf(key(operation)) - 10 : last.includes(key(operation)) ? last.indexOf(key(operation)) + 100 : 0);
    const ordered = [...operations].sort((a, b) => rank(a) - rank(b));
    const ids: Record<string, string> = {};
    let token: string | undefined;
    for (const operation of ordered) {
      const { status, json } = await send(operation, { token, ids });
      expect({ operation: key(operation), status, json }).toMatchObject({ operation: key(operation), status: successStatus(operation) });
      const schema = operation.responses[String(status)]?.content?.['application/json'].schema;
      expect(Object.keys(json), key(operation)).toEqual(expect.arrayContaining(schema?.required ?? []));
      if (key(operation) === 'POST /auth/signup') [token, ids.refreshToken] = [json.accessToken, json.refreshToken];
      if (key(operation) === 'POST /auth/refresh') ids.refreshToken = json.refreshToken;
      if (key(operation) === 'POST /projects/create') ids.projectId = json.project.id;
      if (key(operation) === 'POST /projects/{projectId}/session') ids.sessionId = json.session.id;
    }
    expect(ordered.length).toBeGreaterThanOrEqual(20);
  }, 60_000);
});

describe('the API reference at /api/docs', () => {
  it('loads Scalar from this origin, never from a CDN, with its fonts and request proxy off', async () => {
    const html = await docsPage().text();
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((match) => match[1]);
    expect(scripts).toEqual(['/api/docs/scalar.js', '/api/docs/init.js']);
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await docsAsset('scalar.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(1_000_000);
    const init = await (await docsAsset('init.js')).text();
    expect(init).toContain('"url":"/api/openapi.json"');
    expect(init).toContain('"withDefaultFonts":false');
    expect((await docsAsset('other.js')).status).toBe(404);
  });
});
