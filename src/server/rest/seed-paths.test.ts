import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalSandboxProvider } from '@/server/sandbox';
import { newAccount, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { createRestHandler } from './handler';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-rest-'));
const sandboxes = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await sandboxes.shutdown();
  await rm(scratch, { recursive: true, force: true });
});
const throttle = testThrottle();
const rest = createRestHandler({ db: () => db, throttle: () => throttle, sandboxes: () => sandboxes });

async function call(path: string, init: { method: string; token?: string; body?: unknown }) {
  const response = await rest(
    new Request(`http://aura.test/api${path}`, {
      method: init.method,
      headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
  return { status: response.status, json: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the seed’s project and session REST paths', () => {
  it('create a project, report its setup, open an editor session, keep it alive and end it', async () => {
    const token = (await call('/auth/signup', { method: 'POST', body: newAccount() })).json.accessToken as string;

    const frameworks = await call('/projects/frameworks', { method: 'GET' });
    expect(frameworks.json.frameworks.map((framework: { id: string }) => framework.id)).toEqual(['react', 'nextjs', 'svelte', 'vue', 'angular']);
    const libraries = await call('/projects/ui-libraries?framework=vue', { method: 'GET' });
    expect(libraries.json.uiLibraries.map((library: { id: string }) => library.id)).toContain('vuetify');

    const refused = await call('/projects/create', { method: 'POST', token, body: { name: 'x', framework: 'react', configuration: { additionalDependencies: ['lodash; rm -rf /'] } } });
    expect(refused.status).toBe(400);
    expect(refused.json.error.issues[0].path).toEqual(['configuration', 'additionalDependencies', 0]);

    const created = await call('/projects/create', { method: 'POST', token, body: { name: 'REST project', framework: 'react', uiLibrary: 'none' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ success: true, setupStatus: 'pending', project: { name: 'REST project', status: 'initializing' } });
    const id = created.json.project.id as string;

    const status = await call(`/projects/${id}/status`, { method: 'GET', token });
    expect(status.json).toMatchObject({ success: true, setupStatus: 'pending' });
    expect(status.json.steps.map((step: { step: string }) => step.step)).toEqual(['provision', 'write_files', 'install', 'start_dev_server', 'ready']);

    const opened = await call(`/projects/${id}/session`, { method: 'POST', token });
    expect(opened.status).toBe(201);
    expect(opened.json).toMatchObject({ success: true, session: { type: 'editor', status: 'active' }, connectionDetails: { projectId: id, provider: 'local' } });
    const sessionId = opened.json.session.id as string;

    const kept = await call(`/sessions/${sessionId}`, { method: 'PUT', token, body: { activeFiles: ['src/App.tsx'] } });
    expect(kept.json).toMatchObject({ success: true, editorSession: { activeFiles: ['src/App.tsx'] } });
    const active = await call('/sessions/active', { method: 'GET', token });
    expect(active.json.workspaces.map((session: { id: string }) => session.id)).toContain(sessionId);

    expect((await call(`/sessions/${sessionId}`, { method: 'DELETE', token })).json).toEqual({ success: true });
    expect((await call(`/sessions/${sessionId}`, { method: 'GET', token })).json.session.status).toBe('terminated');
    expect((await call('/sessions/not-a-uuid', { method: 'GET', token })).status).toBe(400);
  });
});
