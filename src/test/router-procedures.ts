import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { InnerContext } from '@/server/api/context';
import { appRouter, createCaller } from '@/server/api/root';

/**
 * The procedures of the app router, found from the router itself, with their input schemas as JSON
 * Schema: the security suites generate their cases from this, so a new procedure is covered the
 * moment it is added.
 */
export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
}

export interface RouterProcedure {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** Every `.input()` of the procedure (tiers add theirs first), merged into one object schema. */
  input: JsonSchema | null;
}

type AnyProcedure = { _def: { type: RouterProcedure['type']; inputs: z.ZodType[] } };

export function listProcedures(): RouterProcedure[] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).map(([path, procedure]) => {
    const schemas = procedure._def.inputs.map((input) => z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
    if (schemas.length === 0) return { path, type: procedure._def.type, input: null };
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const schema of schemas) {
      Object.assign(merged.properties!, schema.properties);
      merged.required!.push(...(schema.required ?? []));
    }
    return { path, type: procedure._def.type, input: merged };
  });
}

/** The names of an input's uuid fields (`projectId`, `terminalId`, `sessionId` ...): resource ids. */
export function idFields(input: JsonSchema | null): string[] {
  return Object.entries(input?.properties ?? {})
    .filter(([, schema]) => schema.format === 'uuid')
    .map(([name]) => name);
}

/**
 * Calls a procedure in-process and says how it ended: `ok` with its result, or the tRPC error
 * code. A subscription is read for its first event, or until `waitMs` passes without one.
 */
export async function callProcedure(ctx: InnerContext, path: string, input: unknown, waitMs = 150): Promise<{ ok: true; value: unknown } | { ok: false; code: TRPCError['code']; error: TRPCError }> {
  const abort = new AbortController();
  const caller = createCaller(ctx, { signal: abort.signal }) as unknown as Record<string, unknown>;
  // Nested routers (agent.threads.list) are nested objects on the caller.
  const procedure = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    let value = await procedure(input);
    if (value && typeof value === 'object' && Symbol.asyncIterator in value) {
      const iterator = (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
      let timer: NodeJS.Timeout | undefined;
      const first = await Promise.race([iterator.next(), new Promise<'waiting'>((resolve) => (timer = setTimeout(() => resolve('waiting'), waitMs)))]).finally(() => clearTimeout(timer));
      abort.abort();
      value = first === 'waiting' ? undefined : first.value;
    }
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, error };
  } finally {
    abort.abort();
  }
}

/** A value for each field that passes its schema where that is easy to tell; ids come from `ids`. */
export function baselineInput(schema: JsonSchema | null, ids: Record<string, string>, field = ''): unknown {
  if (!schema) return undefined;
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return baselineInput(options.find((option) => option.type !== 'null') ?? options[0]!, ids, field);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined && schema.type !== 'object') return schema.default;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, baselineInput(property, ids, key)]));
    case 'array':
      return [];
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'uuid') return ids[field] ?? randomUUID();
      if (schema.format === 'email') return 'probe@example.com';
      if (schema.format === 'uri') return 'https://example.com/';
      if (schema.pattern === '^\\d+$') return '0';
      return 'probe'.padEnd(schema.minLength ?? 0, 'x');
    default:
      return null;
  }
}

/** Paths (keys, and 0 for array items) to every string in an input schema, nested ones included. */
export function stringFields(schema: JsonSchema | null, at: (string | number)[] = []): (string | number)[][] {
  if (!schema) return [];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return options.some((option) => option.type === 'string' && option.const === undefined) ? [at] : options.flatMap((option) => stringFields(option, at)).slice(0, 1);
  if (schema.type === 'string' && !schema.enum && schema.const === undefined) return [at];
  if (schema.type === 'array' && schema.items) return stringFields(schema.items, [...at, 0]);
  if (schema.type === 'object') return Object.entries(schema.properties ?? {}).flatMap(([key, property]) => stringFields(property, [...at, key]));
  return [];
}

/** A copy of `value` with `replacement` at `path` (arrays and objects made as needed). */
export function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = setAt(list[head] ?? (typeof rest[0] === 'string' ? {} : undefined), rest, replacement);
    return list;
  }
  const record = { ...((value as Record<string, unknown>) ?? {}) };
  record[head!] = setAt(record[head!], rest, replacement);
  return record;
}
