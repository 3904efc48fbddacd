/**
 * Domain errors. Services throw these; the tRPC layer (src/server/api/trpc.ts) maps each to its
 * tRPC code and HTTP status, so a user sees the message and never a stack trace.
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
    this.name = 'AppError';
    this.issues = options.issues;
    this.retryAfterMs = options.retryAfterMs;
  }
}

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
