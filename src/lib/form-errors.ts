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

/** Field issues carried by a tRPC client error (bad input, email taken …). */
export function serverFieldErrors(error: unknown): FieldErrors {
  const issues = (error as { data?: { zodError?: { issues?: { path: PropertyKey[]; message: string }[] } | null } })?.data?.zodError?.issues;
  return issues ? fieldErrorsFrom(issues) : {};
}
