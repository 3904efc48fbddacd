import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileEvent, Sandbox, SandboxProvider } from './types';

/** Polls `probe` until it returns something truthy; every wait in the contract is bounded. */
export async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The behaviour every sandbox provider promises, run against each provider that is available
 * (local always, e2b with a key). Providers are used with their default limits.
 */
export function describeSandboxContract(name: string, makeProvider: () => SandboxProvider | Promise<SandboxProvider>) {
  describe(`sandbox contract: ${name}`, () => {
    let provider: SandboxProvider;
    let sandbox: Sandbox;

    beforeAll(async () => {
      provider = await makeProvider();
      sandbox = await provider.create({ metadata: { suite: 'contract' } });
    });

    afterAll(async () => {
      await sandbox?.kill();
      await provider?.shutdown();
    });

    it('writes and reads back every byte value', async () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, index) => index);
      const written = await sandbox.files.write('data/all-bytes.bin', bytes);
      expect(written).toMatchObject({ path: 'data/all-bytes.bin', name: 'all-bytes.bin', type: 'file', size: 256 });
      expect(Buffer.from(await sandbox.files.read('data/all-bytes.bin')).equals(Buffer.from(bytes))).toBe(true);
    });

    it('lists a folder to the requested depth', async () => {
      await sandbox.files.write('tree/a.txt', 'a');
      await sandbox.files.write('tree/sub/b.txt', 'b');
      await sandbox.files.write('tree/sub/deep/c.txt', 'c');
      const shallow = await sandbox.files.list('tree');
      expect(shallow.map((entry) => [entry.path, entry.type])).toEqual([['tree/a.txt', 'file'], ['tree/sub', 'dir']]);
      const deeper = (await sandbox.files.list('./tree/', { depth: 2 })).map((entry) => entry.path);
      expect(deeper).toEqual(['tree/a.txt', 'tree/sub', 'tree/sub/b.txt', 'tree/sub/deep']);
    });

    it('makes, renames and removes folders, and says what exists', async () => {
      await sandbox.files.makeDir('made/inner');
      expect(await sandbox.files.exists('made/inner')).toBe(true);
      await sandbox.files.rename('made/inner', 'made/renamed');
      expect(await sandbox.files.exists('made/inner')).toBe(false);
      expect(await sandbox.files.exists('made/renamed')).toBe(true);
      await sandbox.files.remove('made');
      expect(await sandbox.files.exists('made')).toBe(false);
      await expect(sandbox.files.remove('made')).resolves.toBeUndefined();
    });

    it('fails clearly on a missing file and on a path outside the project', async () => {
      await expect(sandbox.files.read('no/such/file.txt')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(sandbox.files.read('../outside.txt')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(sandbox.files.write('.git/config', 'x')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    it('sees files that a command creates through watch', async () => {
      const events: FileEvent[] = [];
      const watcher = await sandbox.files.watch('', (event) => events.push(event));
      try {
        await sandbox.commands.run('mkdir -p watched && echo hi > watched/new.txt');
        await eventually(async () => events.some((event) => event.path === 'watched/new.txt' && event.type !== 'remove'), 10_000, 'a watch event');
      } finally {
        await watcher.stop();
      }
    });

    it('runs a command and returns its stdout, stderr and exit code', async () => {
      const result = await sandbox.commands.run('echo "out $GREETING"; echo err >&2; exit 3', { envs: { GREETING: 'hello' } });
      expect(result).toEqual({ exitCode: 3, stdout: 'out hello\n', stderr: 'err\n', truncated: false });
      expect((await sandbox.commands.run('pwd', { cwd: 'tree' })).stdout).toBe(`${sandbox.workdir}/tree\n`);
    });

    it('ends a command that runs past its timeout with exit code 124', async () => {
      const started = Date.now();
      const result = await sandbox.commands.run('sleep 20', { timeoutMs: 500 });
      expect(result.exitCode).toBe(124);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('stops a command when its abort signal fires', async () => {
      const started = Date.now();
      const result = await sandbox.commands.run('sleep 20', { signal: AbortSignal.timeout(300) });
      expect(result.exitCode).not.toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it('truncates output beyond the cap', async () => {
      const result = await sandbox.commands.run("head -c 1500000 /dev/zero | tr '\\0' a");
      expect(result.truncated).toBe(true);
      expect(result.stdout.length).toBeGreaterThan(0);
      expect(result.stdout.length).toBeLessThanOrEqual(1024 * 1024);
    });

    it('starts, lists and kills a background process', async () => {
      const handle = await sandbox.commands.start('sleep 30');
      expect((await sandbox.commands.list()).map((info) => info.pid)).toContain(handle.pid);
      expect(await sandbox.commands.kill(handle.pid)).toBe(true);
      await handle.wait();
      await eventually(async () => !(await sandbox.commands.list()).some((info) => info.pid === handle.pid), 5_000, 'the process to go');
    });

    it('runs a terminal that echoes input, uses TERM=xterm-256color and follows resizes', async () => {
      const chunks: Uint8Array[] = [];
      const output = () => Buffer.concat(chunks).toString('utf8');
      const { pid } = await sandbox.pty.create({ cols: 80, rows: 24, onData: (data) => chunks.push(data) });
      try {
        await sandbox.pty.sendInput(pid, 'echo "term is $TERM"\n');
        // The terminal echoes what was typed, then the shell prints the expanded line.
        await eventually(async () => output().includes('echo "term is $TERM"') && output().includes('term is xterm-256color'), 10_000, 'the echo');
        await sandbox.pty.resize(pid, { cols: 100, rows: 30 });
        await sandbox.pty.sendInput(pid, new TextEncoder().encode('stty size\n'));
        await eventually(async () => output().includes('30 100'), 10_000, 'the new size');
      } finally {
        await sandbox.pty.kill(pid);
      }
    });

    it('reports a port that a background server listens on', async () => {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const server = await sandbox.commands.start(`node -e "require('net').createServer().listen(${port})"`);
      try {
        await eventually(async () => (await sandbox.listeningPorts()).includes(port), 15_000, `port ${port}`);
        expect(sandbox.getHost(port)).toContain(String(port));
      } finally {
        await server.kill();
      }
    });

    it('reconnects by id, and is gone for good once killed', async () => {
      expect((await provider.connect(sandbox.id))?.id).toBe(sandbox.id);
      const doomed = await provider.create();
      await doomed.files.write('keep.txt', 'x');
      await doomed.commands.start('sleep 30');
      await doomed.kill();
      expect(await doomed.isRunning()).toBe(false);
      expect(await provider.connect(doomed.id)).toBeNull();
    });
  });
}
