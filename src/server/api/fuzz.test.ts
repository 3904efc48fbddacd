import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import { projects } from '@/server/db/schema';
import { testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { offlineSandboxes } from '@/test/offline-sandboxes';
import { baselineInput, callProcedure, listProcedures, type JsonSchema } from '@/test/router-procedures';
import { createTestUser } from '@/test/users';
import { createInnerContext } from './context';

/**
 * Property-based fuzzing of every procedure's input, generated from the router: random JSON, values
 * shaped like the input schema, and valid inputs with some fields mutated. Whatever comes in, the answer is a
 * result or a typed client error, never INTERNAL_SERVER_ERROR. Sandboxes are offline, so no input
 * can start a process.
 */
const RUNS = 25;
const { db } = await createTestDatabase();
const throttle = testThrottle({ maxPerIp: 100_000 });
const sandboxes = offlineSandboxes();
const user = await createTestUser(db);
const other = await createTestUser(db);
const [otherProject] = await db.insert(projects).values({ ownerId: other.id, name: 'Not yours', framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();

const PROBES = ["' OR 1=1 --", '"; drop table users; --', '../../../../etc/passwd', '%2e%2e/%2e%2e/', 'a\u0000b', '\u202Eevil', '<script>alert(1)</script>', 'x'.repeat(5_000), ''];
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(...PROBES));
const number = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, 1e308, Number.NaN, 0.5));

/** A valid-looking input (the caller's own project) with some of its fields replaced by shaped values. */
function mutated(schema: JsonSchema | null, ids: string[]): fc.Arbitrary<unknown> {
  const baseline = baselineInput(schema, { projectId: ids[0]! }) as Record<string, unknown> | undefined;
  if (!schema?.properties || !baseline) return fc.constant(baseline);
  return fc.record(Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, fc.oneof(fc.constant(baseline[key]), shaped(property, ids, 1))])));
}

/** Values shaped by the schema, each part sometimes replaced by any JSON value. */
function shaped(schema: JsonSchema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  const exact = exactly(schema, ids, depth);
  return depth > 3 ? exact : fc.oneof({ weight: 6, arbitrary: exact }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
}

function exactly(schema: JsonSchema | undefined, ids: string[], depth: number): fc.Arbitrary<unknown> {
  if (!schema) return fc.jsonValue({ maxDepth: 2 });
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((option) => shaped(option, ids, depth + 1)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), text);
  switch (schema.type) {
    case 'object': {
      const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, shaped(property, ids, depth + 1)]));
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
    }
    case 'array':
      return fc.array(shaped(schema.items, ids, depth + 1), { maxLength: 4 });
    case 'integer':
    case 'number':
      return number;
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'string':
      if (schema.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.constant(ids[0]!) }, { weight: 2, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.uuid() }, { weight: 1, arbitrary: text });
      if (schema.format === 'email') return fc.oneof(fc.emailAddress(), text);
      return text;
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

describe('fuzzing every procedure', () => {
  const procedures = listProcedures();

  it('finds the whole router', () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it('keeps a domain error thrown while a subscription streams (found by this suite: it was a 500)', async () => {
    const [own] = await db.insert(projects).values({ ownerId: user.id, name: 'Streams', framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();
    const outcome = await callProcedure(createInnerContext({ db, user, sandboxes }), 'terminals.output', { projectId: own!.id, terminalId: randomUUID() });
    expect(outcome).toMatchObject({ ok: false, code: 'NOT_FOUND', error: { message: 'Terminal was not found.' } });
  });

  it.each(procedures.map((procedure) => [procedure.path, procedure] as const))('%s never answers INTERNAL_SERVER_ERROR', async (path, procedure) => {
    // A project of the caller's own for each procedure, so one that deletes it does not starve the others.
    const [own] = await db.insert(projects).values({ ownerId: user.id, name: `Fuzz ${randomUUID().slice(0, 8)}`, framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();
    const ids = [own!.id, otherProject!.id, user.sessionId, other.sessionId];
    const input = fc.oneof(
      { weight: 3, arbitrary: mutated(procedure.input, ids) },
      { weight: 2, arbitrary: shaped(procedure.input ?? undefined, ids) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    );
    const ctx = createInnerContext({ db, user, throttle, sandboxes, sameOrigin: true });
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const outcome = await callProcedure(ctx, path, value);
        if (!outcome.ok && outcome.code === 'INTERNAL_SERVER_ERROR') {
          throw new Error(`${path} failed with ${String(outcome.error.cause ?? outcome.error)}`);
        }
        // Nobody else's data comes back, whatever the input.
        if (outcome.ok) expect(JSON.stringify(outcome.value) ?? '').not.toContain(otherProject!.id);
      }),
      { numRuns: RUNS },
    );
  });
});
