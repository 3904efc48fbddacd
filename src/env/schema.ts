import { isIP } from 'node:net';
import { z } from 'zod';

/** A duration such as `90s`, `15m`, `1h` or `7d`, parsed to milliseconds. */
const duration = z
  .string()
  .trim()
  .regex(/^\d+(ms|s|m|h|d)$/, 'must be a duration such as 30s, 15m, 1h or 7d')
  .transform(parseDuration);

const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const optionalUrl = optionalString.pipe(z.url('must be a URL').optional());

const urlOr = (fallback: string) => optionalUrl.transform((value) => value ?? fallback);

/** A comma-separated list; empty or unset means the default. */
const list = (fallback: string[]) =>
  z
    .string()
    .optional()
    .transform((value) => {
      const items = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
      return items.length > 0 ? items : fallback;
    });

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const secret = z.string().min(32, 'must be at least 32 characters (generate one with `openssl rand -base64 32`)');

/** An address, a CIDR, or one of proxy-addr's named ranges. */
function isProxyAddress(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address, bits, ...rest] = item.split('/');
  const version = isIP(address ?? '');
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

const postgresUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

/**
 * Every environment variable Aura reads, with its default. `.env.example` documents the same
 * list; the launcher (`src/cli/launch.ts`) fills DATABASE_URL and AUTH_SECRET with embedded
 * defaults before this schema sees them.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address `npm start` / `npm run dev` listen on; 0.0.0.0 (all interfaces) in the Docker image. */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AURA_DATA_DIR: z.string().trim().min(1).default('.aura'),

  DATABASE_URL: postgresUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').optional()),
  /** Namespace of every Redis key and channel, so deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().trim().regex(/^[\w.-]+$/, 'letters, digits, _ . - only').default('aura'),

  AUTH_SECRET: secret,
  AUTH_URL: optionalUrl,
  AUTH_TRUST_HOST: booleanFlag,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_DISCORD_ID: optionalString,
  AUTH_DISCORD_SECRET: optionalString,
  JWT_SECRET: optionalString.pipe(secret.optional()),
  JWT_EXPIRY: duration.default(15 * 60_000),
  REFRESH_TOKEN_EXPIRY: duration.default(7 * 24 * 3_600_000),

  E2B_API_KEY: optionalString,
  AURA_PREVIEW_DOMAIN: z
    .string()
    .trim()
    .regex(/^[a-z0-9.-]+$/i, 'must be a domain name such as preview.aura.example.com')
    .default('localhost'),
  OPENAI_API_KEY: optionalString,
  OPENAI_MODELS: list(['gpt-5.4', 'gpt-5.5', 'gpt-5.4-mini']),
  OPENAI_BASE_URL: optionalUrl,
  OPENAI_COMPATIBLE_MODELS: list([]),
  OPENAI_COMPATIBLE_CONTEXT_WINDOW: z.coerce.number().int().min(1024).default(32_768),
  ANTHROPIC_API_KEY: optionalString,
  ANTHROPIC_MODELS: list(['claude-sonnet-5', 'claude-opus-5', 'claude-haiku-4-5']),
  ANTHROPIC_BASE_URL: urlOr('https://api.anthropic.com'),
  HELICONE_API_KEY: optionalString,
  HELICONE_OPENAI_BASE_URL: urlOr('https://oai.helicone.ai/v1'),
  HELICONE_ANTHROPIC_BASE_URL: urlOr('https://anthropic.helicone.ai'),

  /**
   * Proxies whose X-Forwarded-For / -Host / -Proto are believed (src/cli/client-address.mjs): off
   * (empty, the default: the socket address is the client), a hop count, or addresses and CIDRs
   * (plus `loopback`, `linklocal`, `uniquelocal`).
   */
  TRUSTED_PROXIES: z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? '')
    .refine((value) => value === '' || /^\d{1,2}$/.test(value) || value.split(',').every((item) => isProxyAddress(item.trim())), {
      message: 'must be empty, a hop count such as 1, or comma-separated addresses/CIDRs such as 10.0.0.0/8,loopback',
    }),
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.url('must be a comma-separated list of origins such as https://aura-ide.com'))),
  RATE_LIMIT_WINDOW: duration.default(15 * 60_000),
  RATE_LIMIT_MAX: z.coerce.number().int().min(1).default(100),
  SENTRY_DSN: optionalUrl,
  /** Tests of the production build only: exposes `system.singletons` (identity tokens of the process singletons). */
  AURA_TEST_INTROSPECTION: booleanFlag,
  METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters (generate one with `openssl rand -hex 32`)').optional()),
});

export type Env = z.infer<typeof envSchema>;
export type RawEnv = Record<string, string | undefined>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Validates a raw environment, reporting every bad variable at once. */
export function parseEnv(raw: RawEnv): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const value = raw[name];
      if (value === undefined) return `${name}: is required and not set`;
      return `${name}: ${issue.message} (got "${redact(name, value)}")`;
    }),
  );
}

function redact(name: string, value: string): string {
  return /SECRET|KEY|TOKEN|PASSWORD|DSN|URL/.test(name) && value.length > 8 ? `${value.slice(0, 4)}…` : value;
}

export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  const units = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  return Number(match[1]) * units[match[2] as keyof typeof units];
}
