import { CommandExitError, FileNotFoundError, InvalidArgumentError, NotFoundError, SandboxNotFoundError, TimeoutError } from 'e2b';
import { AppError, isAppError } from '@/server/errors';

export { CommandExitError, NotFoundError, TimeoutError };

/** Turns an SDK error into the domain error a user can read; anything unexpected passes through. */
export function toAppError(error: unknown, userPath?: string): unknown {
  if (isAppError(error)) return error;
  const shown = userPath === undefined ? 'That' : `"${userPath || '.'}"`;
  if (error instanceof SandboxNotFoundError) return new AppError('NOT_FOUND', 'This sandbox has stopped; reconnect to start a new one.', { cause: error });
  if (error instanceof FileNotFoundError || error instanceof NotFoundError) return new AppError('NOT_FOUND', `${shown} does not exist in the sandbox.`, { cause: error });
  if (error instanceof InvalidArgumentError) return new AppError('BAD_REQUEST', `${shown} can't be used here: ${error.message}`, { cause: error });
  if (error instanceof TimeoutError) return new AppError('SERVICE_UNAVAILABLE', 'The sandbox did not answer in time.', { cause: error, retryAfterMs: 1_000 });
  return error;
}

/** Runs an SDK call and rethrows its failure as a domain error. */
export async function mapErrors<T>(run: () => Promise<T>, userPath?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAppError(error, userPath);
  }
}
