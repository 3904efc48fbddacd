import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, describe, expect, it } from 'vitest';
import { agentTurns, sessions } from '@/server/db/schema';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestDatabase } from '@/test/database';
import { baselineInput, callProcedure, idFields, listProcedures } from '@/test/router-procedures';
import { createTestUser } from '@/test/users';
import { createInnerContext } from './context';
import { createCaller } from './root';

/**
 * Object-level access control, generated from the router: every procedure that takes a resource
 * id (any uuid field: projectId, terminalId, sessionId ...) is called by a second user with the
 * owner's id in that field and the intruder's own ids elsewhere, and must answer NOT_FOUND. A new
 * procedure is covered when it is added; a new kind of resource id fails here until it has an
 * owner's resource below.
 */
const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-access-'));
const sandboxes = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await sandboxes.shutdown();
  await rm(scratch, { recursive: true, force: true });
});

const owner = await createTestUser(db);
const intruder = await createTestUser(db);
const ownerApi = createCaller(createInnerContext({ db, user: owner, sandboxes }));
const intruderCtx = createInnerContext({ db, user: intruder, sandboxes });
const { project } = await ownerApi.projects.create({ name: 'Private work', framework: 'react' });
const { project: intruderProject } = await createCaller(intruderCtx).projects.create({ name: 'My own', framework: 'react' });
const terminal = await ownerApi.terminals.create({ projectId: project.id });
const thread = await ownerApi.agent.threads.create({ projectId: project.id });
const intruderThread = await createCaller(intruderCtx).agent.threads.create({ projectId: intruderProject.id });
const [turn] = await db.insert(agentTurns).values({ id: crypto.randomUUID(), threadId: thread.id, message: 'Private question' }).returning();
const [workspaceSession] = await db.insert(sessions).values({ userId: owner.id, projectId: project.id, type: 'editor', status: 'active', expiresAt: new Date(Date.now() + 3_600_000), data: {} }).returning();

/** The owner's resources, per id field: what the intruder tries to reach. Add new kinds here. */
const OWNERS_IDS: Record<string, string[]> = {
  projectId: [project.id],
  terminalId: [terminal.id],
  // A workspace session, and the owner's sign-in session (ending it would sign the owner out).
  sessionId: [workspaceSession!.id, owner.sessionId],
  threadId: [thread.id],
  // A message of the owner's thread, presented with the intruder's own thread.
  turnId: [turn!.id],
};
/** The intruder's own ids, for the fields not under test. */
const intruderIds: Record<string, string> = { projectId: intruderProject.id, terminalId: crypto.randomUUID(), sessionId: crypto.randomUUID(), threadId: intruderThread.id, turnId: crypto.randomUUID() };

const INPUT_FIELDS = { path: 'src/App.tsx', from: 'a.txt', to: 'b.txt', content: 'x', data: 'ls\r', command: 'ls', pid: 1, version: 1, cols: 80, rows: 24, name: 'Stolen', type: 'editor', message: 'hello', title: 'Stolen', reason: 'x' };
const procedures = listProcedures().map((procedure) => ({ ...procedure, ids: idFields(procedure.input) })).filter((procedure) => procedure.ids.length > 0);
const cases = procedures.flatMap((procedure) =>
  procedure.ids.flatMap((field) => (OWNERS_IDS[field] ?? [undefined]).map((ownersId) => ({ path: procedure.path, field, ownersId, procedure }))),
);

describe('object-level access control', () => {
  it('covers the procedures on projects, terminals, sessions and agent threads', () => {
    expect(procedures.map((procedure) => procedure.path)).toEqual(
      expect.arrayContaining(['projects.byId', 'files.write', 'terminals.create', 'terminals.write', 'terminals.output', 'processes.run', 'sessions.create', 'sessions.byId', 'sessions.delete', 'agent.threads.list', 'agent.threads.get', 'agent.send', 'agent.onEvents', 'agent.revert', 'agent.usage']),
    );
  });

  it('has an owner resource for every kind of resource id the router takes', () => {
    const missing = cases.filter((probe) => probe.ownersId === undefined).map((probe) => `${probe.path}: ${probe.field}`);
    expect(missing, 'add the resource to OWNERS_IDS in this test').toEqual([]);
  });

  it.each(cases.filter((probe) => probe.ownersId).map((probe) => [`${probe.path} with the owner's ${probe.field}${probe.ownersId === owner.sessionId ? ' (sign-in)' : ''}`, probe] as const))(
    '%s answers NOT_FOUND to another user',
    async (_name, { path: procedurePath, field, ownersId, procedure }) => {
      const input = { ...(baselineInput(procedure.input, intruderIds) as object), ...INPUT_FIELDS, ...pick(intruderIds, procedure.ids), [field]: ownersId };
      const outcome = await callProcedure(intruderCtx, procedurePath, input);
      expect(outcome.ok, JSON.stringify(outcome.ok ? outcome.value : null)).toBe(false);
      if (outcome.ok) return;
      expect(outcome.error).toBeInstanceOf(TRPCError);
      expect(outcome.code).toBe('NOT_FOUND');
      // The wording of `notFound('<Resource>')`, whatever the resource: nothing about whose it is.
      expect(outcome.error.message).toMatch(/^\p{Lu}[\p{L} ]* was not found\.$/u);
    },
  );

  it("left the owner's resources alone", async () => {
    expect((await ownerApi.terminals.list({ projectId: project.id })).map((listed) => listed.id)).toContain(terminal.id);
    expect((await ownerApi.sessions.byId({ sessionId: workspaceSession!.id })).session.status).not.toBe('terminated');
    expect((await ownerApi.sessions.active()).sessions.map((session) => session.id)).toContain(owner.sessionId);
    expect((await ownerApi.projects.byId({ projectId: project.id })).name).toBe('Private work');
    const { thread: kept, messages } = await ownerApi.agent.threads.get({ threadId: thread.id });
    expect(kept.title).not.toBe('Stolen');
    expect(messages).toEqual([]);
    expect(await db.select().from(agentTurns)).toHaveLength(1);
  });
});

function pick(record: Record<string, string>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]!]));
}
