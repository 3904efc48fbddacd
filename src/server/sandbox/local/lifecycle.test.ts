import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { processesMentioning } from '@/test/processes';
import { eventually } from '../contract';
import { LocalSandboxProvider } from './provider';
import type { LocalProviderOptions } from './options';
import type { LocalSandbox } from './sandbox';

/** A long sleep whose command line carries a unique marker, so the test can find it on the host. */
async function startMarked(sandbox: LocalSandbox): Promise<string> {
  const marker = `aura-marker-${randomBytes(6).toString('hex')}`;
  await sandbox.commands.start(`exec -a ${marker} sleep 300`);
  await eventually(async () => processesMentioning(marker).length > 0, 5_000, 'the marked process');
  return marker;
}

describe('local sandbox lifecycle and limits', () => {
  let dataDir: string;
  const providers: LocalSandboxProvider[] = [];
  const makeProvider = (options: Partial<LocalProviderOptions> = {}) => {
    const provider = new LocalSandboxProvider({ dataDir, ...options });
    providers.push(provider);
    return provider;
  };

  beforeAll(async () => {
    dataDir = await realpath(await mkdtemp(path.join(tmpdir(), 'aura-sandbox-lifecycle-')));
  });

  afterEach(async () => {
    await Promise.all(providers.splice(0).map((provider) => provider.shutdown()));
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('kills every process and removes the folder when a sandbox is killed', async () => {
    const provider = makeProvider();
    const sandbox = await provider.create();
    const marker = await startMarked(sandbox);
    await provider.kill(sandbox.id);
    expect(processesMentioning(marker)).toEqual([]);
    expect(existsSync(path.join(dataDir, 'sandboxes', sandbox.id))).toBe(false);
    expect(await provider.connect(sandbox.id)).toBeNull();
  });

  it('survives a server restart as a folder, and shutdown ends the old processes', async () => {
    const before = makeProvider();
    const sandbox = await before.create({ envs: { KEPT: 'yes' } });
    await sandbox.files.write('src/index.ts', 'export {};');
    const marker = await startMarked(sandbox);

    await before.shutdown();
    expect(processesMentioning(marker)).toEqual([]);

    const after = makeProvider();
    const again = await after.connect(sandbox.id);
    expect(again?.id).toBe(sandbox.id);
    expect(await again?.isRunning()).toBe(true);
    expect(new TextDecoder().decode(await again?.files.read('src/index.ts'))).toBe('export {};');
    expect((await again?.commands.run('echo $KEPT'))?.stdout).toBe('yes\n');
  });

  it('returns null for removed or malformed sandbox ids, and never deletes outside its folder', async () => {
    const provider = makeProvider();
    const sandbox = await provider.create();
    await makeProvider().kill(sandbox.id);
    expect(await provider.connect(sandbox.id)).toBeNull();
    await writeFile(path.join(dataDir, 'precious.txt'), 'keep');
    for (const hostile of ['..', '../precious.txt', '.', '', 'ABC/../..', 'a'.repeat(65)]) {
      expect(await provider.connect(hostile)).toBeNull();
      await provider.kill(hostile);
    }
    expect(existsSync(path.join(dataDir, 'precious.txt'))).toBe(true);
  });

  it('stops an expired sandbox but keeps its files for the next connect', async () => {
    const provider = makeProvider();
    const sandbox = await provider.create({ timeoutMs: 60_000 });
    await sandbox.files.write('notes.md', 'kept');
    const marker = await startMarked(sandbox);
    await sandbox.setTimeout(200);
    await eventually(async () => !(await sandbox.isRunning()), 5_000, 'the expiry');
    await eventually(async () => processesMentioning(marker).length === 0, 5_000, 'the processes to end');
    await expect(sandbox.commands.run('true')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const revived = await provider.connect(sandbox.id);
    expect(await revived?.isRunning()).toBe(true);
    expect(new TextDecoder().decode(await revived?.files.read('notes.md'))).toBe('kept');
  });

  it('refuses more concurrent commands than the limit', async () => {
    const sandbox = await makeProvider({ maxCommands: 2 }).create();
    await sandbox.commands.start('sleep 30');
    await sandbox.commands.start('sleep 30');
    await expect(sandbox.commands.start('sleep 30')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await sandbox.commands.kill(process.pid)).toBe(false); // a pid it did not start is never signalled
  });

  it('caps the processes a fork loop can start', async (context) => {
    const sandbox = await makeProvider({ maxProcesses: 40 }).create();
    if (!(await sandbox.enforcedLimits()).processes) context.skip('the pids cgroup is not available here');
    // Node rather than bash: bash retries a failed fork for half a minute.
    const script = `const { spawn } = require('child_process'); let started = 0;
      for (let i = 0; i < 200; i++) { const child = spawn('sleep', ['5'], { stdio: 'ignore' }); child.on('error', () => {}); if (child.pid) started++; }
      console.log(started); process.exit(0);`;
    const result = await sandbox.commands.run(`node -e "${script}"`, { timeoutMs: 20_000 });
    expect(result.exitCode).toBe(0);
    expect(Number(result.stdout)).toBeGreaterThan(0);
    expect(Number(result.stdout)).toBeLessThan(40);
    expect((await sandbox.commands.run('echo still usable')).stdout).toBe('still usable\n');
  });

  it('kills a command that uses more memory than the limit', async (context) => {
    const sandbox = await makeProvider({ memoryBytes: 128 * 1024 ** 2 }).create();
    if (!(await sandbox.enforcedLimits()).memory) context.skip('the memory cgroup is not available here');
    const hog = 'const kept = []; for (;;) kept.push(Buffer.alloc(1 << 20, 1));';
    const result = await sandbox.commands.run(`node -e "${hog}"`, { timeoutMs: 20_000 });
    expect(result.exitCode).toBe(137);
  });
});
