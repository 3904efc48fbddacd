import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInnerContext } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestDatabase } from '@/test/database';
import { createTestUser } from '@/test/users';
import { PREVIEW_LABEL_HEADER, servePreview } from './serve-preview';
import { createPreviewLabel, parsePreviewLabel } from './token';

const projectId = '0b6f4a52-8d4e-4c55-9a3e-2f0f6a1b9c7d';

describe('preview labels', () => {
  it('grant one project and port, and fit in a DNS label', () => {
    const label = createPreviewLabel({ projectId, port: 5173 });
    expect(label.length).toBeLessThanOrEqual(63);
    expect(label).toMatch(/^p5173-[a-z2-7]+$/);
    expect(parsePreviewLabel(label)).toEqual({ projectId, port: 5173 });
  });

  it('refuse a changed port, a changed character, and an expired label', () => {
    const label = createPreviewLabel({ projectId, port: 5173 });
    expect(parsePreviewLabel(label.replace('p5173', 'p5432'))).toBeNull();
    const last = label.at(-1) === 'a' ? 'b' : 'a';
    expect(parsePreviewLabel(label.slice(0, -1) + last)).toBeNull();
    const old = createPreviewLabel({ projectId, port: 5173, now: Date.now() - 13 * 3_600_000 });
    expect(parsePreviewLabel(old)).toBeNull();
  });
});

describe('preview proxy', () => {
  const scratch = mkdtemp(path.join(tmpdir(), 'aura-preview-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  it('serves the project’s dev server on its own preview host, and only there', async () => {
    const { db } = await createTestDatabase();
    const sandboxes = new LocalSandboxProvider({ dataDir: await scratch });
    try {
      const user = await createTestUser(db);
      const api = createCaller(createInnerContext({ db, user, sandboxes, origin: 'http://localhost:3000' }));
      const { project } = await api.projects.create({ name: 'Preview', framework: 'react' });
      await api.sessions.create({ projectId: project.id, type: 'editor' });
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      await api.processes.run({ projectId: project.id, background: true, command: `node -e "require('http').createServer((q, s) => s.end('hello from ' + q.url)).listen(${port})"` });
      let ports: { port: number; previewUrl: string }[] = [];
      for (let i = 0; i < 100 && !ports.some((entry) => entry.port === port); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        ports = await api.processes.ports({ projectId: project.id });
      }
      const entry = ports.find((candidate) => candidate.port === port)!;
      const url = new URL(entry.previewUrl);
      expect(url.hostname).toMatch(new RegExp(`^p${port}-[a-z2-7]+\\.localhost$`));
      expect(url.port).toBe('3000');

      const label = url.hostname.split('.')[0]!;
      // As Next hands it to the route after the proxy's internal rewrite: Aura's host, the original in x-forwarded-host.
      const through = (host: string, headerLabel = label) =>
        servePreview(new Request(`http://localhost:3000/api/preview-proxy/deep/path?q=1`, { headers: { host: 'localhost:3000', 'x-forwarded-host': host, [PREVIEW_LABEL_HEADER]: headerLabel } }), { db, sandboxes });

      const response = await through(url.host);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('hello from /deep/path?q=1');
      // The same label presented on Aura's own host is refused: a preview never runs on Aura's origin.
      expect((await through('localhost:3000')).status).toBe(404);
      // Another port of the same project needs its own label.
      const forged = label.replace(`p${port}`, 'p5432');
      expect((await through(url.host.replace(label, forged), forged)).status).toBe(404);
    } finally {
      await sandboxes.shutdown();
    }
  });
});
