import { AppError, isAppError } from '@/server/errors';

/**
 * Maps a failed model call (after the client's retries) to what a user can act on. The agent
 * runtime reports the message; the provider's own error stays as the cause for the logs.
 * Aborts are not failures: callers check `signal.aborted` before mapping.
 */
export function modelErrorOf(error: unknown): AppError {
  if (isAppError(error)) return error;
  const status = (error as { status?: unknown } | null)?.status;
  const cause = { cause: error };
  if (status === 429) {
    return new AppError('TOO_MANY_REQUESTS', 'The model provider is rate limiting requests. Try again in a moment.', cause);
  }
  if (status === 401 || status === 403) {
    return new AppError('PRECONDITION_FAILED', 'The model provider rejected the API key. Check the server configuration.', cause);
  }
  if (status === 404) {
    return new AppError('PRECONDITION_FAILED', 'The model provider does not know this model. Check the configured model names.', cause);
  }
  if (status === 400 || status === 413 || status === 422) {
    return new AppError('BAD_REQUEST', 'The model provider rejected the request (it may be too long).', cause);
  }
  return new AppError('SERVICE_UNAVAILABLE', 'The model provider is unavailable. Try again later.', cause);
}
