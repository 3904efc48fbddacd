import {
  AuthenticationError,
  CommandExitError,
  FileNotFoundError,
  InvalidArgumentError,
  NotEnoughSpaceError,
  NotFoundError,
  RateLimitError,
  SandboxNotFoundError,
  ServiceBusyError,
  TemplateError,
  TimeoutError,
} from 'e2b';
import { AppError, isAppError } from '@/server/errors';
import { domainLogger } from '@/server/logger';

export { CommandExitError, NotFoundError, TimeoutError };

// The SDK already waited out one `Retry-After` before giving up; a client waits a little more.
const RATE_LIMIT_RETRY_MS = 10_000;
const BUSY_RETRY_MS = 5_000;

/** Turns an SDK error into the domain error a user can read; anything unexpected passes through. */
export function toAppError(error: unknown, userPath?: string): unknown {
  if (isAppError(error)) return error;
  const shown = userPath === undefined ? 'That' : `"${userPath || '.'}"`;
  const cause = { cause: error };
  if (error instanceof SandboxNotFoundError) return new AppError('NOT_FOUND', 'This sandbox has stopped; reconnect to start a new one.', cause);
  if (error instanceof FileNotFoundError || error instanceof NotFoundError) return new AppError('NOT_FOUND', `${shown} does not exist in the sandbox.`, cause);
  if (error instanceof InvalidArgumentError) return new AppError('BAD_REQUEST', `${shown} can't be used here: ${error.message}`, cause);
  if (error instanceof TimeoutError) return new AppError('SERVICE_UNAVAILABLE', 'The sandbox did not answer in time.', { ...cause, retryAfterMs: 1_000 });
  if (error instanceof RateLimitError) return new AppError('TOO_MANY_REQUESTS', 'The sandbox service is rate limiting requests. Try again in a moment.', { ...cause, retryAfterMs: RATE_LIMIT_RETRY_MS });
  if (error instanceof ServiceBusyError) return new AppError('SERVICE_UNAVAILABLE', 'The sandbox service is busy right now. Try again in a moment.', { ...cause, retryAfterMs: BUSY_RETRY_MS });
  if (error instanceof NotEnoughSpaceError) return new AppError('PRECONDITION_FAILED', 'The sandbox has run out of disk space. Delete build output or dependencies you do not need.', cause);
  if (error instanceof AuthenticationError || error instanceof TemplateError) {
    // The deployment's key or template is wrong, not the user's request: tell the operator loudly.
    domainLogger('sandbox').error({ event: 'e2b_misconfigured', err: error }, 'E2B refused the server: check E2B_API_KEY and the sandbox template');
    return new AppError('SERVICE_UNAVAILABLE', 'Sandboxes are unavailable because of a server configuration problem; it has been logged for the operator.', { ...cause, retryAfterMs: 60_000 });
  }
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
