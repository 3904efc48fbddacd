import { z } from 'zod';

/**
 * Text that reaches a process (its command line, working directory or environment) or a
 * PostgreSQL text column: neither can hold a NUL byte (Node throws ERR_INVALID_ARG_VALUE, Postgres
 * refuses the encoding), so the schema refuses it with a 400 first.
 */
export const withoutNul = <T extends z.ZodString>(schema: T): T => schema.refine((value) => !value.includes('\u0000'), 'Must not contain a NUL character.') as T;
