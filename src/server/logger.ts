import pino, { type Logger } from 'pino';
import { env } from '@/env';
import { currentRequestId } from './observability/request-scope';

let instance: Logger | undefined;

/**
 * Structured JSON logs, created on first use so that importing this module needs no environment.
 * Lines written while a request is served carry its `requestId` (see observability/request-scope).
 */
export function getLogger(): Logger {
  instance ??= pino({
    level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
    base: { service: 'aura' },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: {
      paths: ['*.password', '*.passwordHash', '*.token', '*.accessToken', '*.refreshToken', 'headers.cookie', 'headers.authorization'],
      remove: true,
    },
  });
  return instance;
}

/** A logger for one domain (`auth`, `projects`, `sessions`, `http` ...): every line names it. */
export function domainLogger(domain: string): Logger {
  return getLogger().child({ domain });
}
