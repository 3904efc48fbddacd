import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, envSchema, parseEnv } from './schema';

const minimal = {
  DATABASE_URL: 'postgres://aura@127.0.0.1:5432/aura',
  AUTH_SECRET: 'x'.repeat(32),
};

function problemsOf(raw: Record<string, string | undefined>): string[] {
  try {
    parseEnv(raw);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  throw new Error('expected the environment to be rejected');
}

describe('environment', () => {
  it('fills the documented defaults when only the required variables are set', () => {
    const env = parseEnv(minimal);
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      JWT_EXPIRY: 15 * 60_000,
      REFRESH_TOKEN_EXPIRY: 7 * 86_400_000,
      RATE_LIMIT_WINDOW: 15 * 60_000,
      RATE_LIMIT_MAX: 100,
      CORS_ORIGINS: [],
      AUTH_TRUST_HOST: false,
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.E2B_API_KEY).toBeUndefined();
  });

  it('parses the seed variables into typed values', () => {
    const env = parseEnv({
      ...minimal,
      JWT_EXPIRY: '1h',
      REFRESH_TOKEN_EXPIRY: '30d',
      RATE_LIMIT_WINDOW: '90s',
      RATE_LIMIT_MAX: '250',
      CORS_ORIGINS: 'https://aura-ide.com, https://staging.aura-ide.com',
      REDIS_URL: 'redis://127.0.0.1:6379',
      SENTRY_DSN: 'https://key@o1.ingest.sentry.io/1',
      E2B_API_KEY: 'e2b_123',
    });
    expect(env.JWT_EXPIRY).toBe(3_600_000);
    expect(env.REFRESH_TOKEN_EXPIRY).toBe(30 * 86_400_000);
    expect(env.RATE_LIMIT_WINDOW).toBe(90_000);
    expect(env.RATE_LIMIT_MAX).toBe(250);
    expect(env.CORS_ORIGINS).toEqual(['https://aura-ide.com', 'https://staging.aura-ide.com']);
  });

  it('fills the model defaults and parses model lists', () => {
    expect(parseEnv(minimal)).toMatchObject({
      OPENAI_MODELS: ['gpt-5.4', 'gpt-5.5', 'gpt-5.4-mini'],
      ANTHROPIC_MODELS: ['claude-sonnet-5', 'claude-opus-5', 'claude-haiku-4-5'],
      OPENAI_COMPATIBLE_MODELS: [],
      OPENAI_COMPATIBLE_CONTEXT_WINDOW: 32_768,
      ANTHROPIC_BASE_URL: 'https://api.anthropic.com',
      HELICONE_OPENAI_BASE_URL: 'https://oai.helicone.ai/v1',
      HELICONE_ANTHROPIC_BASE_URL: 'https://anthropic.helicone.ai',
    });
    const env = parseEnv({ ...minimal, OPENAI_MODELS: ' gpt-4o-mini, ,gpt-4o ', OPENAI_COMPATIBLE_MODELS: 'llama3.1:8b', ANTHROPIC_BASE_URL: '' });
    expect(env.OPENAI_MODELS).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(env.OPENAI_COMPATIBLE_MODELS).toEqual(['llama3.1:8b']);
    expect(env.ANTHROPIC_BASE_URL).toBe('https://api.anthropic.com');
    expect(problemsOf({ ...minimal, HELICONE_OPENAI_BASE_URL: 'oai.helicone.ai' })).toEqual([
      'HELICONE_OPENAI_BASE_URL: must be a URL (got "oai.…")',
    ]);
  });

  it('treats empty values like unset ones, as .env files write them', () => {
    const env = parseEnv({ ...minimal, E2B_API_KEY: '', SENTRY_DSN: '', REDIS_URL: '' });
    expect(env.E2B_API_KEY).toBeUndefined();
    expect(env.SENTRY_DSN).toBeUndefined();
    expect(env.REDIS_URL).toBeUndefined();
  });

  it('trusts no proxy and listens on this machine only unless told otherwise', () => {
    const env = parseEnv(minimal);
    expect(env.TRUSTED_PROXIES).toBe('');
    expect(env.HOST).toBe('127.0.0.1');
    for (const value of ['1', '10.0.0.0/8, loopback', '192.168.1.10,fd00::/8', 'uniquelocal']) expect(parseEnv({ ...minimal, TRUSTED_PROXIES: value }).TRUSTED_PROXIES).toBe(value);
    for (const value of ['everyone', '10.0.0.0/33', 'proxy.example.com', '*']) expect(problemsOf({ ...minimal, TRUSTED_PROXIES: value }).join('\n')).toMatch(/TRUSTED_PROXIES: must be empty, a hop count/);
  });

  it('names every bad variable at once, with what was wrong', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mongodb://localhost:27017/aura-dev',
      AUTH_SECRET: 'short',
      JWT_EXPIRY: 'an hour',
      RATE_LIMIT_MAX: 'lots',
      CORS_ORIGINS: 'aura-ide.com',
    });
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/DATABASE_URL: must be a postgres:\/\//);
    expect(problems.join('\n')).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(problems.join('\n')).toMatch(/JWT_EXPIRY: must be a duration such as 30s, 15m, 1h or 7d \(got "an hour"\)/);
    expect(problems.join('\n')).toMatch(/RATE_LIMIT_MAX/);
    expect(problems.join('\n')).toMatch(/CORS_ORIGINS/);
  });

  it('says a required variable is missing instead of showing a value', () => {
    expect(problemsOf({ AUTH_SECRET: minimal.AUTH_SECRET })).toEqual([
      'DATABASE_URL: is required and not set',
    ]);
  });

  it('never prints a secret in full', () => {
    const secret = 'sk-live-abcdefghijklmnop';
    const problems = problemsOf({ ...minimal, JWT_SECRET: secret });
    expect(problems.join('\n')).not.toContain(secret);
  });
});

describe('.env.example', () => {
  const example = readFileSync(path.join(process.cwd(), '.env.example'), 'utf8');
  const documented = new Map(
    [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((match) => [match[1]!, match[2]!.trim()]),
  );

  it('documents every variable the app reads', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(envSchema.shape).sort());
  });

  it('is a valid environment once the launcher fills its embedded defaults', () => {
    const raw = Object.fromEntries(documented);
    delete raw.NODE_ENV;
    expect(() => parseEnv({ ...raw, ...minimal })).not.toThrow();
  });
});
