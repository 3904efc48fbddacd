import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { createTestUser } from '@/test/users';
import { createInnerContext } from './context';
import { appRouter, createCaller } from './root';

const { db } = await createTestDatabase();
const owner = await createTestUser(db);
const intruder = await createTestUser(db);
const { project } = await createCaller(createInnerContext({ db, user: owner })).projects.create({ name: 'Private work', framework: 'react' });
const thread = await createCaller(createInnerContext({ db, user: owner })).agent.threads.create({ projectId: project.id });

type AnyProcedure = { _def: { type: 'query' | 'mutation' | 'subscription'; inputs: { shape?: Record<string, unknown> }[] } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);
/** Every procedure that takes a project id: found from the router, so a new one is covered automatically. */
const projectScoped = procedures.filter(([, procedure]) => procedure._def.inputs.some((input) => input.shape && 'projectId' in input.shape));
/** Every procedure on an agent thread (its project is found through the thread). */
const threadScoped = procedures.filter(
  ([path, procedure]) => !projectScoped.some(([scoped]) => scoped === path) && procedure._def.inputs.some((input) => input.shape && 'threadId' in input.shape),
);

async function callAs(path: string, input: unknown) {
  const caller = createCaller(createInnerContext({ db, user: intruder })) as unknown as Record<string, unknown>;
  // Nested routers (agent.threads.list) are nested objects on the caller.
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  const result = await procedure(input);
  // A subscription only runs its middleware when read.
  if (result && typeof result === 'object' && Symbol.asyncIterator in result) await (result as AsyncIterable<unknown>)[Symbol.asyncIterator]().next();
  return result;
}

describe('object-level access control', () => {
  it('covers the project procedures', () => {
    expect(projectScoped.map(([path]) => path)).toEqual(expect.arrayContaining(['projects.byId', 'files.write', 'terminals.create', 'processes.run', 'sessions.create', 'agent.threads.list', 'agent.usage']));
    expect(threadScoped.map(([path]) => path)).toEqual(expect.arrayContaining(['agent.send', 'agent.onEvents', 'agent.threads.get', 'agent.revert']));
  });

  it.each(threadScoped.map(([path]) => path))('%s answers NOT_FOUND to another user', async (path) => {
    const input = { threadId: thread.id, message: 'hello', title: 'Stolen', turnId: crypto.randomUUID(), reason: 'x' };
    const error = await callAs(path, input).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Agent thread was not found.' });
  });

  it.each(projectScoped.map(([path]) => path))('%s answers NOT_FOUND to another user', async (path) => {
    const input = { projectId: project.id, path: 'src/App.tsx', from: 'a.txt', to: 'b.txt', content: 'x', terminalId: crypto.randomUUID(), data: 'ls\r', command: 'ls', pid: 1, version: 1, cols: 80, rows: 24, name: 'Stolen', type: 'editor' };
    const error = await callAs(path, input).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Project was not found.' });
  });
});
