import { Writable } from 'node:stream';
import superjson from 'superjson';
import { describe, expect, it, vi } from 'vitest';
import { createInnerContext } from '@/server/api/context';
import { handleTrpcRequest, TRPC_ENDPOINT } from '@/server/api/http';
import { createCaller } from '@/server/api/root';
import { sessions } from '@/server/db/schema';
import { createLogger, getLogger } from '@/server/logger';
import { runProjectSetup } from '@/server/projects/setup/run-setup';
import { endWorkspaceSession, sweepSessions, updateWorkspaceSession } from '@/server/sessions/workspace-sessions';
import { newAccount, restClient, testThrottle } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { offlineSandboxes } from '@/test/offline-sandboxes';
import { createTestUser } from '@/test/users';
import { getMetrics } from './metrics';
import { serveMetrics } from './metrics-endpoint';
import { observeProcedure } from './procedure-observer';
import { withRequestScope } from './request-scope';

const { db } = await createTestDatabase();
const throttle = testThrottle();
const api = restClient({ db, throttle });
const TOKEN = 'metrics-token-for-tests-0123456789';

function trpc(path: string, init: { input?: unknown; method?: 'GET' | 'POST'; headers?: Record<string, string> } = {}) {
  const method = init.method ?? 'GET';
  const encoded = encodeURIComponent(JSON.stringify(superjson.serialize(init.input)));
  const url = `http://aura.test${TRPC_ENDPOINT}/${path}${method === 'GET' ? `?input=${encoded}` : ''}`;
  const body = method === 'POST' ? JSON.stringify(superjson.serialize(init.input)) : undefined;
  return handleTrpcRequest(new Request(url, { method, headers: { 'content-type': 'application/json', ...init.headers }, body }), { db, throttle });
}

async function scrape(): Promise<string> {
  const response = await serveMetrics(new Request('http://aura.test/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } }), { token: TOKEN });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of one series in Prometheus text, 0 when absent. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /api/metrics', () => {
  it('does not exist without METRICS_TOKEN, and wants the token when it is set', async () => {
    expect((await serveMetrics(new Request('http://aura.test/api/metrics'), { token: undefined })).status).toBe(404);
    expect((await serveMetrics(new Request('http://aura.test/api/metrics'), { token: TOKEN })).status).toBe(401);
    const wrong = await serveMetrics(new Request('http://aura.test/api/metrics', { headers: { authorization: 'Bearer nope' } }), { token: TOKEN });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('aura_');
  });

  it('counts sign-ups and logins by outcome, and failed authentications', async () => {
    const before = await scrape();
    const account = newAccount();
    expect((await api.signup(account)).status).toBe(201);
    expect((await api.signup(account)).status).toBe(409);
    expect((await api.login({ email: account.email, password: 'wrong password entirely' })).status).toBe(401);
    expect((await api.login({ email: account.email, password: account.password })).status).toBe(200);
    expect((await api.profile('not.a.token')).status).toBe(401);
    const after = await scrape();
    const delta = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(delta('aura_auth_registrations_total{outcome="success"}')).toBe(1);
    expect(delta('aura_auth_registrations_total{outcome="conflict"}')).toBe(1);
    expect(delta('aura_auth_logins_total{outcome="failure"}')).toBe(1);
    expect(delta('aura_auth_logins_total{outcome="success"}')).toBe(1);
    expect(delta('aura_auth_failures_total{reason="bad_credentials"}')).toBe(1);
    expect(delta('aura_auth_failures_total{reason="invalid_token"}')).toBe(1);
  });

  it('times every procedure and counts its errors by procedure and code', async () => {
    const before = await scrape();
    expect((await trpc('system.health')).status).toBe(200);
    expect((await trpc('projects.list', { input: {} })).status).toBe(401);
    const after = await scrape();
    const delta = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(delta('aura_trpc_request_duration_seconds_count{procedure="system.health",type="query"}')).toBe(1);
    expect(delta('aura_trpc_errors_total{procedure="projects.list",code="UNAUTHORIZED"}')).toBe(1);
    // The rest of the seed's metrics are registered, so dashboards and alerts can rely on them.
    for (const name of ['aura_projects_created_total', 'aura_project_setups_total', 'aura_session_duration_seconds', 'aura_session_keepalives_total', 'aura_sandbox_failures_total', 'process_resident_memory_bytes']) {
      expect(after).toContain(`# TYPE ${name} `);
    }
  });

  it('keeps one registry across module reloads (Next dev hot reload, and each chunk of a build)', async () => {
    vi.resetModules();
    const reloaded = await import('./metrics');
    expect(reloaded.getMetrics).not.toBe(getMetrics);
    expect(reloaded.getMetrics()).toBe(getMetrics());
  });
});

describe('lifecycle metrics', () => {
  const sandboxes = offlineSandboxes();

  it('count project creations, and setups that fail with their step and the sandbox failure', async () => {
    const user = await createTestUser(db);
    const api = createCaller(createInnerContext({ db, user, sandboxes }));
    const before = await scrape();
    const { project } = await api.projects.create({ name: 'Counted', framework: 'react' });
    await expect(api.projects.create({ name: 'Counted', framework: 'react' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await runProjectSetup({ db, provider: sandboxes, projectId: project.id });
    const after = await scrape();
    const delta = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(delta('aura_projects_created_total{outcome="success"}')).toBe(1);
    expect(delta('aura_projects_created_total{outcome="conflict"}')).toBe(1);
    expect(delta('aura_project_setups_total{outcome="error",step="provision"}')).toBe(1);
    expect(delta('aura_sandbox_failures_total{provider="local",operation="create"}')).toBe(1);
  });

  it('count session keep-alives, ends and their duration', async () => {
    const user = await createTestUser(db);
    const session = async () =>
      (await db.insert(sessions).values({ userId: user.id, type: 'editor', status: 'active', expiresAt: new Date(Date.now() + 60_000), createdAt: new Date(Date.now() - 120_000), data: {} }).returning())[0]!;
    const closed = await session();
    await session(); // left to expire
    const before = await scrape();
    await updateWorkspaceSession({ db, provider: sandboxes, userId: user.id, input: { sessionId: closed.id, status: 'idle' } });
    await endWorkspaceSession({ db, provider: sandboxes, userId: user.id, sessionId: closed.id });
    await sweepSessions({ db, now: new Date(Date.now() + 120_000) });
    const after = await scrape();
    const delta = (series: string) => valueOf(after, series) - valueOf(before, series);
    expect(delta('aura_session_keepalives_total{status="idle"}')).toBe(1);
    expect(delta('aura_sessions_ended_total{type="editor",reason="closed"}')).toBe(1);
    expect(delta('aura_sessions_ended_total{type="editor",reason="expired"}')).toBeGreaterThanOrEqual(1);
    expect(delta('aura_session_duration_seconds_count{type="editor"}')).toBeGreaterThanOrEqual(2);
    expect(delta('aura_session_duration_seconds_bucket{le="60",type="editor"}')).toBe(0);
  });

  it('log a slow procedure', () => {
    const warn = vi.spyOn(getLogger(), 'warn');
    observeProcedure({ path: 'projects.list', type: 'query', durationMs: 1_500 });
    observeProcedure({ path: 'files.watch', type: 'subscription', durationMs: 60_000 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ event: 'slow_procedure', path: 'projects.list', durationMs: 1_500 }), 'slow procedure');
    warn.mockRestore();
  });
});

describe('request ids and logs', () => {
  it('echo a caller-supplied x-request-id, or make one', async () => {
    expect((await trpc('system.health', { headers: { 'x-request-id': 'trace-abc.123' } })).headers.get('x-request-id')).toBe('trace-abc.123');
    const made = (await trpc('system.health', { headers: { 'x-request-id': '<script>alert(1)</script>' } })).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    expect((await api.profile()).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('are JSON lines that carry the request id and never a secret', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination });
    await withRequestScope('req-42', async () => {
      await Promise.resolve();
      logger.child({ domain: 'auth' }).info({ event: 'audit', body: { password: 'hunter2', refreshToken: 'art_x' } }, 'audit: login_failure');
      // A subscription's ticket, alone or inside its connection params.
      logger.info({ info: { ticket: 'tkt_a', connectionParams: { ticket: 'tkt_b' } } }, 'subscription opened');
    });
    logger.info('outside a request');
    expect(lines[0]).toMatchObject({ service: 'aura', domain: 'auth', requestId: 'req-42', event: 'audit', msg: 'audit: login_failure' });
    expect(JSON.stringify(lines[0])).not.toMatch(/hunter2|art_x/);
    expect(JSON.stringify(lines[1])).not.toMatch(/tkt_a|tkt_b/);
    expect(lines[2]).not.toHaveProperty('requestId');
  });
});
