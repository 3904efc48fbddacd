import superjson from 'superjson';
import { describe, expect, it } from 'vitest';
import { issueAccessToken } from '@/server/auth/access-tokens';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { offlineSandboxes } from '@/test/offline-sandboxes';
import { createTestUser } from '@/test/users';
import { handleTrpcRequest, TRPC_ENDPOINT } from './http';

const { db } = await createTestDatabase();
const throttle = testThrottle();
const sandboxes = offlineSandboxes();
const user = await createTestUser(db);
const token = await issueAccessToken({ userId: user.id, sessionId: user.sessionId });

async function trpc(path: string, input: unknown, init: { method?: 'GET' | 'POST'; body?: BodyInit; headers?: Record<string, string> } = {}) {
  const method = init.method ?? 'POST';
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(input)));
  const url = `http://aura.test${TRPC_ENDPOINT}/${path}${method === 'GET' ? `?input=${encoded}` : ''}`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers };
  const body = method === 'POST' ? (init.body ?? JSON.stringify(superjson.serialize(input))) : undefined;
  const response = await handleTrpcRequest(new Request(url, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit), { db, throttle, sandboxes });
  const json = (await response.json()) as { result?: { data: unknown }; error?: { json: { message: string; data: { code: string } } } };
  return { status: response.status, data: json.result ? superjson.deserialize(json.result.data as never) : undefined, error: json.error?.json };
}

const HOSTILE = {
  html: '<img src=x onerror=alert(document.cookie)>',
  traversal: '../../etc/passwd',
  rtl: 'invoice\u202Egpj.exe',
  long: 'a'.repeat(10_000),
  sql: "x'); DROP TABLE projects; --",
  nul: 'a\u0000b',
};

const { project } = (await trpc('projects.create', { name: 'Hostile input', framework: 'react' })).data as { project: { id: string } };

describe('hostile names and descriptions', () => {
  it.each(Object.entries(HOSTILE))('a project named with %s is refused with 400, never a 500', async (_kind, name) => {
    const created = await trpc('projects.create', { name, framework: 'react' });
    expect(created.status).toBe(400);
    expect(created.error?.data.code).toBe('BAD_REQUEST');
  });

  it('an update that changes nothing answers with the project as it is', async () => {
    const updated = await trpc('projects.update', { projectId: project.id });
    expect(updated.status).toBe(200);
    expect((updated.data as { id: string }).id).toBe(project.id);
  });

  it.each(Object.entries(HOSTILE))('a description with %s is stored verbatim or refused with 400', async (_kind, description) => {
    const updated = await trpc('projects.update', { projectId: project.id, description });
    expect([200, 400]).toContain(updated.status);
    if (updated.status === 200) {
      const read = await trpc('projects.byId', { projectId: project.id }, { method: 'GET' });
      expect((read.data as { description: string }).description).toBe(description.trim());
    }
  });

  it.each(Object.entries(HOSTILE))('a file path with %s is stored verbatim inside the project or refused with 400', async (_kind, name) => {
    const path = `src/${name}`;
    const created = await trpc('files.create', { projectId: project.id, path, content: name });
    expect([200, 400]).toContain(created.status);
    if (created.status === 200) {
      const read = await trpc('files.read', { projectId: project.id, path }, { method: 'GET' });
      expect(read.data).toMatchObject({ path, content: name });
    }
    const tree = (await trpc('files.tree', { projectId: project.id }, { method: 'GET' })).data as { path: string }[] | { entries: { path: string }[] };
    const paths = JSON.stringify(tree);
    expect(paths).not.toContain('etc/passwd');
  });
});

describe('look-alike and invisible characters in file paths', () => {
  it.each([
    ['a zero-width space', 'src/x\u200b.ts'],
    ['a left-to-right mark', 'src/\u200eindex.ts'],
    ['a byte-order mark', '\ufeffpackage.json'],
    ['a lone surrogate', 'src/a\ud800.ts'],
  ])('refuses a path with %s with 400', async (_kind, path) => {
    const created = await trpc('files.create', { projectId: project.id, path, content: 'x' });
    expect(created.status).toBe(400);
    expect(created.error?.data.code).toBe('BAD_REQUEST');
    expect(JSON.stringify(created.error?.data)).toMatch(/invisible formatting characters|unpaired surrogate/);
  });

  it('treats é as one code point (NFC) and as e + accent (NFD) as the same file', async () => {
    const nfc = 'docs/caf\u00e9.md';
    const nfd = 'docs/cafe\u0301.md';
    const created = await trpc('files.create', { projectId: project.id, path: nfd, content: 'one' });
    expect(created.status).toBe(200);
    expect((created.data as { path: string }).path).toBe(nfc);
    const second = await trpc('files.create', { projectId: project.id, path: nfc, content: 'two' });
    expect(second.status).toBe(409);
    const read = await trpc('files.read', { projectId: project.id, path: nfd }, { method: 'GET' });
    expect(read.data).toMatchObject({ path: nfc, content: 'one' });
    const tree = JSON.stringify((await trpc('files.tree', { projectId: project.id }, { method: 'GET' })).data);
    expect(tree).toContain(nfc);
    expect(tree).not.toContain(nfd);
  });
});

describe('request body limits', () => {
  it('refuse a tRPC body over 1 MiB with a typed 413', async () => {
    const response = await trpc('projects.create', { name: 'x'.repeat(1_100_000), framework: 'react' });
    expect(response.status).toBe(413);
    expect(response.error?.data.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('count the bytes of a streamed body, whatever Content-Length says', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await trpc('projects.create', null, { body });
    expect(response.status).toBe(413);
  });

  it('give file writes room for a 10 MiB file, and no more', async () => {
    const { project } = (await trpc('projects.create', { name: 'Big files', framework: 'react' })).data as { project: { id: string } };
    const large = await trpc('files.write', { projectId: project.id, path: 'big.txt', content: 'x'.repeat(3_000_000) });
    expect(large.status).toBe(200);
    const tooLarge = await trpc('files.write', { projectId: project.id, path: 'big.txt', content: 'x'.repeat(17 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
  });

  it('refuse a REST body over 1 MiB with 413 and the REST error shape', async () => {
    const response = await restClient({ db, throttle }).signup({ ...newAccount(), firstName: 'x'.repeat(1_100_000) });
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
