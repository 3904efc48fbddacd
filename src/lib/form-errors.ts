import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** First message per top-level field, from a Zod error or from a tRPC error's issues. */
export function fieldErrorsFrom(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Validates a form's values with the same schema the procedure uses. */
export function validate<T extends z.ZodType>(schema: T, values: unknown): { data?: z.infer<T>; errors: FieldErrors } {
  const result = schema.safeParse(values);
  return result.success ? { data: result.data, errors: {} } : { errors: fieldErrorsFrom(result.error.issues) };
}

/**
 * The errors after the user edits `field`: its message goes as soon as the value passes the schema,
 * or changes to the new problem. An error the schema can't see (the server's "taken", "too weak")
 * goes with the edit; the server checks again on submit. Other fields keep theirs, and a field
 * without an error gets none while typing.
 */
export function revalidateField<T extends z.ZodType>(schema: T, values: unknown, field: string, errors: FieldErrors): FieldErrors {
  if (!(field in errors)) return errors;
  const { [field]: _previous, ...others } = errors;
  const current = validate(schema, values).errors[field];
  return current ? { ...others, [field]: current } : others;
}

/** Field issues carried by a tRPC client error (bad input, email taken …). */
export function serverFieldErrors(error: unknown): FieldErrors {
  const issues = (error as { data?: { zodError?: { issues?: { path: PropertyKey[]; message: string }[] } | null } })?.data?.zodError?.issues;
  return issues ? fieldErrorsFrom(issues) : {};
}
