import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import { projects } from '@/server/db/schema';
import { LocalSandboxProvider } from '@/server/sandbox';
import { testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { offlineSandboxes } from '@/test/offline-sandboxes';
import { baselineInput, callProcedure, listProcedures, setAt, stringFields } from '@/test/router-procedures';
import { createTestUser } from '@/test/users';
import { createInnerContext } from './context';

/**
 * A NUL byte can't reach a process's argv, cwd or environment (Node throws ERR_INVALID_ARG_VALUE),
 * nor a PostgreSQL text column. Wherever a string ends up in one of those, the schema refuses it:
 * a typed 400, never a 500.
 */
const NUL = 'a\u0000b';
const { db } = await createTestDatabase();
const user = await createTestUser(db);
const throttle = testThrottle({ maxPerIp: 100_000 });
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-nul-'));
const local = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await local.shutdown();
  await rm(scratch, { recursive: true, force: true });
});

async function ownProject() {
  const [row] = await db.insert(projects).values({ ownerId: user.id, name: `NUL ${randomUUID().slice(0, 8)}`, framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();
  return row!.id;
}

describe('NUL bytes in string inputs', () => {
  it('are refused by processes.run and terminals.create before anything is spawned', async () => {
    const projectId = await ownProject();
    const ctx = createInnerContext({ db, user, throttle, sandboxes: local, sameOrigin: true });
    for (const [procedure, input] of [
      ['processes.run', { projectId, command: `echo ${NUL}` }],
      ['processes.run', { projectId, command: 'pwd', cwd: NUL }],
      ['processes.run', { projectId, command: `echo ${NUL}`, background: true }],
      ['terminals.create', { projectId, cwd: NUL }],
      ['terminals.create', { projectId, title: NUL }],
    ] as const) {
      const outcome = await callProcedure(ctx, procedure, input);
      expect(outcome, `${procedure} ${JSON.stringify(input)}`).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    }
    // The same command without the NUL runs.
    expect(await callProcedure(ctx, 'processes.run', { projectId, command: 'echo ab' })).toMatchObject({ ok: true, value: { exitCode: 0, stdout: 'ab\n' } });
  });

  it.each(listProcedures().map((procedure) => [procedure.path, procedure] as const))('%s answers a NUL in any string field with a result or a client error', async (path, procedure) => {
    const projectId = await ownProject();
    const ctx = createInnerContext({ db, user, throttle, sandboxes: offlineSandboxes(), sameOrigin: true });
    const baseline = baselineInput(procedure.input, { projectId });
    for (const field of stringFields(procedure.input)) {
      const outcome = await callProcedure(ctx, path, setAt(baseline, field, NUL));
      if (!outcome.ok) expect(outcome.code, `${path} with a NUL in ${field.join('.')}: ${String(outcome.error.cause ?? outcome.error.message)}`).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
