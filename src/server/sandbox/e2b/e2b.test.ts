import { CommandExitError, FilesystemEventType, NotFoundError, SandboxNotFoundError, TimeoutError } from 'e2b';
import { describe, expect, it } from 'vitest';
import { eventually } from '../contract';
import type { FileEvent } from '../types';
import { fakeHandle, setup } from './fake-sdk';

const WORKDIR = '/home/user/project';

describe('e2b adapter', () => {
  it('creates with the key, a 5 minute default timeout, metadata and envs, and makes the project folder', async () => {
    const { sdk, client, provider } = setup();
    const sandbox = await provider.create({ metadata: { projectId: 'p1' }, envs: { A: '1' } });
    expect(client.create).toHaveBeenCalledWith({ apiKey: 'test-key', timeoutMs: 300_000, metadata: { projectId: 'p1' }, envs: { A: '1' } });
    expect(sdk.files.makeDir).toHaveBeenCalledWith(WORKDIR);
    expect(sandbox).toMatchObject({ id: 'sbx-fake', provider: 'e2b', workdir: WORKDIR });
    await provider.create({ timeoutMs: 1_234 });
    expect(client.create).toHaveBeenLastCalledWith(expect.objectContaining({ timeoutMs: 1_234 }));
    await sandbox.setTimeout(60_000);
    expect(sdk.setTimeout).toHaveBeenCalledWith(60_000);
  });

  it('maps project paths below /home/user/project and refuses hostile ones before calling the SDK', async () => {
    const { sdk, provider } = setup();
    const sandbox = await provider.create();
    await sandbox.files.read('./src//App.tsx');
    expect(sdk.files.read).toHaveBeenCalledWith(`${WORKDIR}/src/App.tsx`, { format: 'bytes' });
    const view = new Uint8Array([9, 1, 2, 3, 9]).subarray(1, 4);
    expect(await sandbox.files.write('bin/data', view)).toMatchObject({ path: 'bin/data', size: 3 });
    const [writtenPath, body] = sdk.files.write.mock.calls[0] as unknown as [string, ArrayBuffer];
    expect([writtenPath, [...new Uint8Array(body)]]).toEqual([`${WORKDIR}/bin/data`, [1, 2, 3]]);
    await sandbox.files.makeDir('a/b');
    await sandbox.files.rename('a/b', 'a/c');
    await sandbox.files.remove('a');
    await sandbox.files.exists('');
    expect(sdk.files.makeDir).toHaveBeenLastCalledWith(`${WORKDIR}/a/b`);
    expect(sdk.files.rename).toHaveBeenCalledWith(`${WORKDIR}/a/b`, `${WORKDIR}/a/c`);
    expect(sdk.files.remove).toHaveBeenCalledWith(`${WORKDIR}/a`);
    expect(sdk.files.exists).toHaveBeenCalledWith(WORKDIR);
    await expect(sandbox.files.read('../../etc/passwd')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(sandbox.files.write('/etc/passwd', 'x')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(sdk.files.read).toHaveBeenCalledTimes(1);
  });

  it('lists with depth and returns project-relative entries only', async () => {
    const { sdk, provider } = setup();
    const entries = await (await provider.create()).files.list('src', { depth: 2 });
    expect(sdk.files.list).toHaveBeenCalledWith(`${WORKDIR}/src`, { depth: 2 });
    expect(entries).toEqual([
      { path: 'src/App.tsx', name: 'App.tsx', type: 'file', size: 10, modifiedAt: new Date(5) },
      { path: 'src/lib', name: 'lib', type: 'dir', size: 0, modifiedAt: new Date(0) },
    ]);
  });

  it('turns the SDK’s not-found errors into NOT_FOUND, and treats removing a missing path as done', async () => {
    const { sdk, provider } = setup();
    const sandbox = await provider.create();
    sdk.files.read.mockRejectedValueOnce(new NotFoundError('no such file'));
    await expect(sandbox.files.read('missing.txt')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '"missing.txt" does not exist in the sandbox.' });
    sdk.files.remove.mockRejectedValueOnce(new NotFoundError('no such file'));
    await expect(sandbox.files.remove('missing.txt')).resolves.toBeUndefined();
  });

  it('reconnects by id, and returns null when the SDK says the sandbox is gone', async () => {
    const { client, provider } = setup();
    expect((await provider.connect('sbx-fake'))?.id).toBe('sbx-fake');
    expect(client.connect).toHaveBeenCalledWith('sbx-fake', { apiKey: 'test-key' });
    client.connect.mockRejectedValueOnce(new SandboxNotFoundError('sandbox sbx-gone not found'));
    expect(await provider.connect('sbx-gone')).toBeNull();
    client.connect.mockRejectedValueOnce(new Error('network down'));
    await expect(provider.connect('sbx-fake')).rejects.toThrow('network down');
  });

  it('runs commands in the project with a 60 s default timeout; start has none', async () => {
    const { sdk, provider } = setup();
    const sandbox = await provider.create();
    expect(await sandbox.commands.run('echo out')).toEqual({ exitCode: 0, stdout: 'out', stderr: '', truncated: false });
    expect(sdk.commands.run).toHaveBeenLastCalledWith('echo out', expect.objectContaining({ background: true, cwd: WORKDIR, timeoutMs: 60_000 }));
    sdk.commands.run.mockImplementationOnce(async () => fakeHandle(42, () => new Promise(() => {})));
    await sandbox.commands.start('npm run dev', { cwd: 'app' });
    expect(sdk.commands.run).toHaveBeenLastCalledWith('npm run dev', expect.objectContaining({ cwd: `${WORKDIR}/app`, timeoutMs: 0 }));
    expect(await sandbox.commands.list()).toEqual([{ pid: 42, cmd: 'npm run dev', startedAt: expect.any(Date) }]);
  });

  it('returns a failed command’s exit code, and 124 (killing it) on timeout', async () => {
    const { sdk, provider } = setup();
    const sandbox = await provider.create();
    sdk.commands.run.mockImplementationOnce(async (_cmd, options) => {
      options.onStdout?.('partial');
      return fakeHandle(43, () => Promise.reject(new CommandExitError({ exitCode: 2, stdout: 'partial', stderr: '' })));
    });
    expect(await sandbox.commands.run('false')).toMatchObject({ exitCode: 2, stdout: 'partial' });
    const slow = fakeHandle(44, () => Promise.reject(new TimeoutError('deadline_exceeded')));
    sdk.commands.run.mockImplementationOnce(async () => slow);
    expect((await sandbox.commands.run('sleep 100', { timeoutMs: 10 })).exitCode).toBe(124);
    expect(slow.kill).toHaveBeenCalled();
  });

  it('caps the output it keeps', async () => {
    const { sdk, provider } = setup();
    sdk.commands.run.mockImplementationOnce(async (_cmd, options) => {
      options.onStdout?.('a'.repeat(1_500_000));
      return fakeHandle(45, async () => ({ exitCode: 0, stdout: '', stderr: '' }));
    });
    const result = await (await provider.create()).commands.run('yes');
    expect(result.truncated).toBe(true);
    expect(result.stdout.length).toBe(1024 * 1024);
  });

  it('opens terminals with TERM=xterm-256color and sends text as bytes', async () => {
    const { sdk, provider } = setup();
    const pty = (await provider.create()).pty;
    const { pid } = await pty.create({ cols: 80, rows: 24, cwd: 'src', onData: () => {} });
    expect(sdk.pty.create).toHaveBeenCalledWith(expect.objectContaining({ cols: 80, rows: 24, cwd: `${WORKDIR}/src`, timeoutMs: 0, envs: expect.objectContaining({ TERM: 'xterm-256color' }) }));
    await pty.sendInput(pid, 'ls\n');
    expect(sdk.pty.sendInput).toHaveBeenCalledWith(7, new TextEncoder().encode('ls\n'));
    await pty.resize(pid, { cols: 100, rows: 30 });
    expect(sdk.pty.resize).toHaveBeenCalledWith(7, { cols: 100, rows: 30 });
  });

  it('reports listening ports from /proc/net/tcp, without e2b’s own agent, and delegates getHost', async () => {
    const { sdk, provider } = setup();
    const table = [
      '  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode',
      '   0: 00000000:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1111 1',
      '   1: 00000000:C33F 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 2222 1',
      '   2: 0100007F:0BB8 0100007F:9C40 01 00000000:00000000 00:00000000 00000000  1000        0 3333 1',
      '   0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 1000 0 4444 1',
    ].join('\n');
    sdk.commands.run.mockImplementationOnce(async () => ({ exitCode: 0, stdout: table, stderr: '' }) as never);
    const sandbox = await provider.create();
    expect(await sandbox.listeningPorts()).toEqual([3000, 8080]);
    expect(sandbox.getHost(3000)).toBe('3000-sbx-fake.e2b.app');
  });

  it('maps watch events to project paths, batched, without chmod or node_modules noise', async () => {
    const { sdk, provider } = setup();
    const events: FileEvent[] = [];
    const watcher = await (await provider.create()).files.watch('src', (event) => events.push(event));
    expect(sdk.files.watchDir).toHaveBeenCalledWith(`${WORKDIR}/src`, expect.any(Function), { recursive: true, timeoutMs: 0 });
    sdk.emit({ name: 'a.ts', type: FilesystemEventType.CREATE });
    sdk.emit({ name: 'a.ts', type: FilesystemEventType.WRITE });
    sdk.emit({ name: 'a.ts', type: FilesystemEventType.CHMOD });
    sdk.emit({ name: 'old.ts', type: FilesystemEventType.RENAME });
    sdk.emit({ name: 'node_modules/x/index.js', type: FilesystemEventType.CREATE });
    await eventually(async () => events.length >= 2, 2_000, 'the batch');
    expect(events).toEqual([{ type: 'create', path: 'src/a.ts' }, { type: 'remove', path: 'src/old.ts' }]);
    await watcher.stop();
  });

  it('kills by id with the key, and shutdown kills what this process created', async () => {
    const { client, provider } = setup();
    await provider.kill('sbx-other');
    expect(client.kill).toHaveBeenCalledWith('sbx-other', { apiKey: 'test-key' });
    await provider.create();
    await provider.shutdown();
    expect(client.kill).toHaveBeenLastCalledWith('sbx-fake', { apiKey: 'test-key' });
  });
});
