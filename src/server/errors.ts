/**
 * Domain errors. Services throw these; the tRPC layer (src/server/api/trpc.ts) maps each to its
 * tRPC code and HTTP status, so a user sees the message and never a stack trace.
 *
 * They are recognised by a brand (`isAppError`), never by `instanceof`: Next's production build
 * copies this module into several server chunks, and an error thrown by a process singleton that
 * one chunk created is not an instance of another chunk's `AppError` class. A `Symbol.for` key is
 * the same in every copy. Lint refuses `instanceof` on the domain error classes.
 */
export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PAYLOAD_TOO_LARGE'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

export interface FieldIssue {
  path: (string | number)[];
  message: string;
  code: string;
}

const APP_ERROR = Symbol.for('aura.AppError');

function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

// Not enumerable: the brand stays out of logs, snapshots and serialised errors.
const mark = (error: Error, brand: symbol) => Object.defineProperty(error, brand, { value: true });

/**
 * A brand for an error class of its own (ThrottledError, ToolError ...): its constructor calls
 * `mark(this)`, and `is` recognises instances from every chunk's copy of the class.
 */
export function brandError<T extends Error>(name: string): { mark: (error: T) => void; is: (value: unknown) => value is T } {
  const brand = Symbol.for(`aura.${name}`);
  return { mark: (error) => void mark(error, brand), is: (value: unknown): value is T => hasBrand(value, brand) };
}

export class AppError extends Error {
  /** Field-level problems, shown next to form fields like validation issues. */
  readonly issues?: FieldIssue[];
  /** For TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE: sent as `Retry-After`. */
  readonly retryAfterMs?: number;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: { cause?: unknown; issues?: FieldIssue[]; retryAfterMs?: number } = {},
  ) {
    super(message, { cause: options.cause });
    mark(this, APP_ERROR);
    this.name = 'AppError';
    this.issues = options.issues;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** The one test for a domain error, whichever chunk's `AppError` class built it. */
export const isAppError = (value: unknown): value is AppError => hasBrand(value, APP_ERROR);

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);

// Connection-level failures from the `postgres` driver and PostgreSQL's "admin shutdown" family.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'CONNECT_TIMEOUT', 'CONNECTION_ENDED', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED', '57P01', '57P02', '57P03', '53300']);

// Values PostgreSQL cannot store or compare: NUL bytes in text (22021), out-of-range numbers
// (22003), malformed literals (22P02), over-long values (22001) and keys too large to index (54000).
const BAD_VALUE_CODES = new Set(['22001', '22003', '22021', '22P02', '22P05', '54000']);

function hasCode(error: unknown, codes: Set<string>): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && codes.has(code)) return true;
  }
  return false;
}

/** True when an error means the database cannot be reached right now (retrying later may work). */
export const isDatabaseUnavailable = (error: unknown): boolean => hasCode(error, UNAVAILABLE_CODES);

/**
 * True when the database refused a value the input schemas let through (a NUL byte in a name, a
 * number beyond 32 bits): the caller's input is wrong, not the server.
 */
export const isUnstorableValue = (error: unknown): boolean => hasCode(error, BAD_VALUE_CODES);
