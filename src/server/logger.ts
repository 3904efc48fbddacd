import pino, { type Logger } from 'pino';
import { env } from '@/env';

let instance: Logger | undefined;

/** Structured JSON logs, created on first use so that importing this module needs no environment. */
export function getLogger(): Logger {
  instance ??= pino({
    level: env.NODE_ENV === 'test' ? 'silent' : env.LOG_LEVEL,
    base: { service: 'aura' },
    redact: {
      paths: ['*.password', '*.passwordHash', '*.token', '*.accessToken', '*.refreshToken', 'headers.cookie', 'headers.authorization'],
      remove: true,
    },
  });
  return instance;
}
