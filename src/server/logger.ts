import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from '@/env';
import { currentRequestId } from './observability/request-scope';
import { processSingleton } from './registry';

/**
 * Aura's log format: JSON lines, `service: aura`, the request id of the request being served (see
 * observability/request-scope), secrets removed. `getLogger` is the app's instance; tests build
 * their own with a destination to read.
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'aura' },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: {
        paths: ['*.password', '*.passwordHash', '*.token', '*.accessToken', '*.refreshToken', '*.ticket', '*.connectionParams', 'headers.cookie', 'headers.authorization'],
        remove: true,
      },
    },
    options.destination,
  );
}

/** Structured JSON logs, created on first use so that importing this module needs no environment. */
export function getLogger(): Logger {
  return processSingleton('logger', () => createLogger({ level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL }));
}

/** A logger for one domain (`auth`, `projects`, `sessions`, `sandbox` ...): every line names it. */
export function domainLogger(domain: string): Logger {
  return getLogger().child({ domain });
}
