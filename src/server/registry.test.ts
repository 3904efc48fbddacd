import { randomBytes } from 'node:crypto';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventually } from '@/server/sandbox/contract';
import { processesMentioning } from '@/test/processes';

/**
 * Next's production build gives each server chunk (a route, the background worker started from
 * instrumentation, the RSC layer) its own copy of a module. `vi.resetModules()` does the same here:
 * each import after it evaluates every module again, as another chunk would.
 */
async function freshCopy<T>(specifier: () => Promise<T>): Promise<T> {
  vi.resetModules();
  return specifier();
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await realpath(await mkdtemp(path.join(tmpdir(), 'aura-registry-')));
  vi.stubEnv('AURA_DATA_DIR', dataDir);
  vi.stubEnv('RATE_LIMIT_MAX', '2');
});
afterAll(async () => {
  const { getSandboxProvider } = await import('@/server/sandbox');
  await getSandboxProvider().shutdown();
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('one instance of each server module per process, whichever chunk asks', () => {
  it('gives every copy the same provider, terminal manager, throttle, bus and metrics', async () => {
    const load = () => Promise.all([import('@/server/sandbox'), import('@/server/terminals/manager'), import('@/server/auth/throttle-instance'), import('@/server/events'), import('@/server/observability/metrics')]);
    const [sandboxA, terminalsA, throttleA, busA, metricsA] = await freshCopy(load);
    const [sandboxB, terminalsB, throttleB, busB, metricsB] = await freshCopy(load);
    expect(sandboxA.getSandboxProvider).not.toBe(sandboxB.getSandboxProvider); // two copies of the module...
    expect(sandboxA.getSandboxProvider()).toBe(sandboxB.getSandboxProvider()); // ...one provider
    expect(terminalsA.getTerminalManager()).toBe(terminalsB.getTerminalManager());
    expect(throttleA.getThrottle()).toBe(throttleB.getThrottle());
    expect(busA.getEventBus()).toBe(busB.getEventBus());
    expect(metricsA.getMetrics()).toBe(metricsB.getMetrics());
  });

  it('keeps a sandbox the worker created alive on keep-alives from a route, and the route sees its processes and ports', async () => {
    const worker = await freshCopy(() => import('@/server/sandbox'));
    const route = await freshCopy(() => import('@/server/sandbox'));
    // The setup worker creates the sandbox with an idle timeout and starts the dev server in it.
    const created = await worker.getSandboxProvider().create({ timeoutMs: 1_500 });
    const marker = `aura-dev-server-${randomBytes(6).toString('hex')}`;
    await created.commands.start(`exec -a ${marker} node -e "require('http').createServer().listen(0, '127.0.0.1'); setInterval(() => {}, 1000)"`);
    await eventually(async () => (await created.listeningPorts()).length > 0, 10_000, 'the dev server to listen');

    // The workspace's keep-alives reach the route's copy: connect, then extend the timeout (updateWorkspaceSession).
    for (let beat = 0; beat < 8; beat++) {
      const kept = await route.getSandboxProvider().connect(created.id);
      await kept!.setTimeout(1_500);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    // 4 s in: well past the worker's 1.5 s timeout, which a second provider's timer would have fired.
    expect(processesMentioning(marker)).not.toEqual([]);
    const seen = await route.getSandboxProvider().connect(created.id);
    expect(await seen!.isRunning()).toBe(true);
    expect((await seen!.commands.list()).map((process) => process.cmd)).toEqual([expect.stringContaining(marker)]);
    expect(await seen!.listeningPorts()).toEqual(await created.listeningPorts());
    expect(await seen!.listeningPorts()).toHaveLength(1);

    // Without keep-alives the idle timeout still applies, once.
    await eventually(async () => processesMentioning(marker).length === 0, 10_000, 'the idle sandbox to stop');
  });

  it('turns a lockout thrown by one copy of the throttle into a 429 in another copy', async () => {
    const worker = await freshCopy(() => import('@/server/auth/throttle-instance'));
    const route = await freshCopy(() => Promise.all([import('@/server/auth/throttle-instance'), import('@/server/errors')]));
    const [routeThrottle, routeErrors] = route;
    const ip = '203.0.113.9';
    await worker.getThrottle().hitIp('login', ip);
    await worker.getThrottle().hitIp('login', ip);
    // The throttle (created by the first copy) throws its copy's ThrottledError; the route's copy must still know it.
    const refused = await routeThrottle.throttled(routeThrottle.getThrottle().hitIp('login', ip)).catch((error: unknown) => error);
    expect(routeErrors.isAppError(refused)).toBe(true);
    expect(refused).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Too many requests\. Try again in \d+ (seconds|minutes)\.$/) });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('recognises a domain error from another copy by its brand, where instanceof fails', async () => {
    const a = await freshCopy(() => import('@/server/errors'));
    const b = await freshCopy(() => import('@/server/errors'));
    const error = new a.AppError('NOT_FOUND', 'gone');
    expect(error instanceof b.AppError).toBe(false);
    expect(b.isAppError(error)).toBe(true);
    expect(b.isAppError(new Error('plain'))).toBe(false);
    expect(b.isAppError({ code: 'NOT_FOUND', message: 'lookalike' })).toBe(false);
  });
});
