import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { projectFiles, users } from '@/server/db/schema';
import { LocalSandboxProvider } from '@/server/sandbox';
import { testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { baselineInput, callProcedure, listProcedures, setAt, stringFields } from '@/test/router-procedures';
import { createTestUser } from '@/test/users';
import { createInnerContext } from './context';
import { createCaller } from './root';

/**
 * SQL- and path-injection probes in every string field of every procedure (found from the router
 * schemas), sent by one user while another user's data sits in the same database. No probe may
 * cause a 500, return the other user's data, or put a file outside the caller's project folder.
 */
const { db } = await createTestDatabase();
// Deep enough that `../../../../x` from a sandbox's project folder still lands inside it, where we look.
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-probes-'));
const dataDir = path.join(scratch, 'a', 'b', 'c', 'd', 'data');
await mkdir(dataDir, { recursive: true });
const provider = new LocalSandboxProvider({ dataDir });
afterAll(async () => {
  await provider.shutdown();
  await rm(scratch, { recursive: true, force: true });
});

const SECRET = 'VICTIM-SECRET-7f3a9c';
const victim = await createTestUser(db);
const victimApi = createCaller(createInnerContext({ db, user: victim, sandboxes: provider }));
const { project: victimProject } = await victimApi.projects.create({ name: 'Victim project', framework: 'react', description: SECRET });
await victimApi.files.create({ projectId: victimProject.id, path: 'secret.txt', content: SECRET });

const attacker = await createTestUser(db);
const ctx = createInnerContext({ db, user: attacker, sandboxes: provider, throttle: testThrottle({ maxPerIp: 100_000 }) });
const { project } = await createCaller(ctx).projects.create({ name: 'Attacker project', framework: 'react' });
// A live sandbox, so that file probes are written through to a real folder.
await createCaller(ctx).sessions.create({ projectId: project.id, type: 'editor' });

const PROBES = {
  'sql or': "' OR 1=1 --",
  'sql drop': '"; drop table users; --',
  'sql union': "x' UNION SELECT email, password_hash FROM users --",
  traversal: '../../../../etc/passwd',
  'encoded traversal': '%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  'nul byte': 'src/a\u0000.txt',
  'very long': 'A'.repeat(100_000),
};

// Procedures that end the caller's session or project would stop the rest of the probes.
const SKIP = new Set(['auth.logout', 'sessions.endOthers', 'projects.delete']);
const cases = listProcedures()
  .filter((procedure) => !SKIP.has(procedure.path))
  .flatMap((procedure) =>
    stringFields(procedure.input)
      .filter((field) => !(field.length === 1 && field[0] === 'projectId'))
      .flatMap((field) => Object.entries(PROBES).map(([probe, value]) => ({ procedure, field, probe, value }))),
  );

describe('injection probes in every string field', () => {
  it('cover every procedure that takes text', () => {
    const covered = new Set(cases.map((probe) => probe.procedure.path));
    expect([...covered]).toEqual(expect.arrayContaining(['files.write', 'files.rename', 'projects.create', 'projects.list', 'processes.run', 'terminals.write', 'auth.login', 'sessions.update']));
  });

  it.each(cases.map((probe) => [`${probe.procedure.path} ${probe.field.join('.')} ← ${probe.probe}`, probe] as const))('%s', async (_name, { procedure, field, value }) => {
    const input = setAt(baselineInput(procedure.input, { projectId: project.id }), field, value);
    const outcome = await callProcedure(ctx, procedure.path, input);
    if (!outcome.ok) expect(outcome.code, String(outcome.error.cause ?? outcome.error.message)).not.toBe('INTERNAL_SERVER_ERROR');
    const answer = JSON.stringify(outcome.ok ? outcome.value : outcome.error.message) ?? '';
    expect(answer).not.toContain(SECRET);
    expect(answer).not.toContain(victimProject.id);
    expect(answer).not.toContain(victim.email);
  });

  it('left every stored path inside the project, and the database whole', async () => {
    const stored = await db.select({ path: projectFiles.path }).from(projectFiles).where(eq(projectFiles.projectId, project.id));
    for (const { path: stored_ } of stored) {
      expect(stored_).not.toMatch(/(^|\/)\.\.(\/|$)|^\/|\0/);
    }
    const [{ count }] = (await db.execute(sql`select count(*)::int as count from users`)) as unknown as [{ count: number }];
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await db.select().from(users).where(eq(users.id, victim.id))).length).toBe(1);
    expect((await victimApi.files.read({ projectId: victimProject.id, path: 'secret.txt' })).content).toBe(SECRET);
  });

  it('left every file on disk inside a sandbox folder', async () => {
    const files = (await readdir(scratch, { recursive: true, withFileTypes: true })).filter((entry) => !entry.isDirectory());
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) {
      const relative = path.relative(dataDir, path.join(entry.parentPath, entry.name));
      // The provider's own files: each sandbox's folders, and the passwd/group it shows inside bubblewrap.
      expect(relative, relative).toMatch(/^(sandboxes\/[^/]+\/(project\/|home\/|meta\.json$)|sandbox-etc\/)/);
    }
  });
});
