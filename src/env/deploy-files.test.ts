import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envSchema } from './schema';

// Docker does not run on the development machine, so these checks keep the deploy files honest:
// they parse, they have the parts the README promises, and they set no variable Aura doesn't read.

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

// js-yaml comes with the dev toolchain (ESLint's config loader); it ships no types of its own.
const { load } = (await import('js-yaml' as string)) as { load: (text: string) => unknown };

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  env_file?: string | string[];
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  security_opt?: string[];
}
const compose = load(read('docker-compose.yml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };

/** Dockerfile instructions as [keyword, arguments], continuation lines joined, comments dropped. */
function instructions(text: string): [string, string][] {
  return text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return [keyword.toUpperCase(), rest.join(' ')];
    });
}
const dockerfile = instructions(read('Dockerfile'));
const stages = dockerfile.filter(([keyword]) => keyword === 'FROM').map(([, args]) => args);
const runtime = dockerfile.slice(dockerfile.findLastIndex(([keyword]) => keyword === 'FROM'));

describe('docker-compose.yml', () => {
  it('runs the app with PostgreSQL 16 and Redis 7, starting the app once both are healthy', () => {
    const { app, postgres, redis } = compose.services;
    expect(app?.build).toBeDefined();
    expect(postgres?.image).toBe('postgres:16');
    expect(redis?.image).toBe('redis:7');
    expect(postgres?.healthcheck?.test).toBeDefined();
    expect(redis?.healthcheck?.test).toBeDefined();
    expect(app?.depends_on).toEqual({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('sets only variables that src/env/schema.ts reads', () => {
    const known = Object.keys(envSchema.shape);
    const set = Object.keys(compose.services.app?.environment ?? {});
    expect(set).toEqual(expect.arrayContaining(['DATABASE_URL', 'REDIS_URL', 'AUTH_SECRET', 'AUTH_TRUST_HOST', 'AURA_PREVIEW_DOMAIN']));
    expect(set.filter((name) => !known.includes(name))).toEqual([]);
  });

  it('takes secrets from the env file and keeps sandboxes on a volume', () => {
    const app = compose.services.app!;
    expect(app.env_file).toBe('.env');
    expect(app.environment?.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
    expect(app.environment?.AURA_DATA_DIR).toBe('/data');
    expect(app.volumes).toContain('sandboxes:/data');
    expect(Object.keys(compose.volumes)).toContain('sandboxes');
    // No privileged mode: bubblewrap only needs Docker's seccomp and AppArmor profiles lifted.
    expect(app).not.toHaveProperty('privileged');
    expect(app.security_opt).toEqual(['seccomp=unconfined', 'apparmor=unconfined']);
  });

  it('puts a password on Redis, and gives it to the app', () => {
    const { app, redis } = compose.services;
    const command = ([] as string[]).concat((redis as { command?: string | string[] }).command ?? []).join(' ');
    expect(command).toContain('--requirepass "$$REDIS_PASSWORD"');
    expect((redis as { environment?: Record<string, string> }).environment?.REDIS_PASSWORD).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    expect(app?.environment?.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    expect(JSON.stringify(redis?.healthcheck?.test)).toContain('REDISCLI_AUTH');
  });
});

describe('Dockerfile', () => {
  it('builds in stages and runs on node:20-bookworm-slim', () => {
    expect(stages).toEqual(['node:20-bookworm AS deps', 'deps AS build', 'node:20-bookworm AS prod-deps', 'node:20-bookworm-slim AS runtime']);
    expect(dockerfile).toContainEqual(['RUN', 'npm ci --no-audit --no-fund']);
    expect(dockerfile).toContainEqual(['RUN', 'npm run build']);
  });

  it('runs as a non-root user with bubblewrap installed', () => {
    const users = runtime.filter(([keyword]) => keyword === 'USER').map(([, args]) => args);
    expect(users.at(-1)).toBe('node');
    expect(runtime.some(([keyword, args]) => keyword === 'RUN' && /apt-get install .*\bbubblewrap\b/.test(args))).toBe(true);
  });

  it('checks /api/health, which exists, and starts through the launcher so migrations run first', () => {
    const healthcheck = runtime.find(([keyword]) => keyword === 'HEALTHCHECK')?.[1];
    expect(healthcheck).toContain('/api/health');
    expect(existsSync(path.join(root, 'src/app/api/health/route.ts'))).toBe(true);
    const cmd = JSON.parse(runtime.find(([keyword]) => keyword === 'CMD')![1]) as string[];
    expect(cmd).toEqual(['node', '--import', 'tsx', 'src/cli/launch.ts', 'next', 'start']);
    // The launcher binds 127.0.0.1 unless HOST says otherwise; in a container that is unreachable.
    expect(runtime.some(([keyword, args]) => keyword === 'ENV' && /\bHOST=0\.0\.0\.0\b/.test(args))).toBe(true);
  });

  it('copies files that exist and sets only variables Aura reads (besides PATH and Next.js telemetry)', () => {
    for (const [, args] of runtime.filter(([keyword, args]) => keyword === 'COPY' && !args.startsWith('--from'))) {
      for (const source of args.split(/\s+/).slice(0, -1)) expect(existsSync(path.join(root, source)), source).toBe(true);
    }
    const names = runtime.filter(([keyword]) => keyword === 'ENV').flatMap(([, args]) => [...args.matchAll(/(\w+)=/g)].map((match) => match[1]!));
    const known = [...Object.keys(envSchema.shape), 'PATH', 'NEXT_TELEMETRY_DISABLED'];
    expect(names.filter((name) => !known.includes(name))).toEqual([]);
  });

  it('keeps secrets and local state out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', '.env.*', '.aura', 'node_modules', '.next']) expect(ignored).toContain(entry);
    expect(ignored).toContain('!.env.example');
  });
});
