import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProcessEnv } from '@/env';
import { eventually } from '../contract';
import { LocalSandboxProvider } from './provider';
import type { LocalSandbox } from './sandbox';

// The subject of these three tests is bubblewrap's isolation; everything else here runs without it.
const NEEDS_BWRAP = 'needs bubblewrap (bwrap), which is missing or does not work on this host: apt-get install bubblewrap';

describe('local sandbox isolation', () => {
  let dataDir: string;
  let provider: LocalSandboxProvider;
  let sandbox: LocalSandbox;
  let sibling: LocalSandbox;
  let isolated = false;

  beforeAll(async () => {
    dataDir = await realpath(await mkdtemp(path.join(tmpdir(), 'aura-sandbox-isolation-')));
    provider = new LocalSandboxProvider({ dataDir });
    sandbox = await provider.create({ envs: { PROJECT_FLAG: 'on' } });
    sibling = await provider.create();
    isolated = (await sandbox.enforcedLimits()).isolated;
  });

  afterAll(async () => {
    await provider.shutdown();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('gives commands only their explicit environment, never the server’s', async () => {
    // The test process holds the same kind of secrets as the server (src/test/setup-env.ts).
    expect(readProcessEnv().AUTH_SECRET).toBeTruthy();
    const { stdout } = await sandbox.commands.run('env', { envs: { COMMAND_FLAG: '1' } });
    const keys = stdout.trim().split('\n').map((line) => line.split('=')[0]);
    // PWD, SHLVL and _ are bash's own.
    expect(new Set(keys)).toEqual(new Set(['PATH', 'HOME', 'USER', 'LANG', 'PROJECT_FLAG', 'COMMAND_FLAG', 'PWD', 'SHLVL', '_']));
    expect(stdout).not.toContain(readProcessEnv().AUTH_SECRET);
  });

  it('gives terminals the same environment plus TERM', async () => {
    const chunks: Uint8Array[] = [];
    const { pid } = await sandbox.pty.create({ cols: 200, rows: 24, onData: (data) => chunks.push(data) });
    try {
      await sandbox.pty.sendInput(pid, 'env | cut -d= -f1 | sort | tr "\\n" , ; echo END\n');
      const text = await eventually(async () => /((?:\w+,)+)END/.exec(Buffer.concat(chunks).toString())?.[1], 10_000, 'the environment');
      expect(text.split(',').filter(Boolean).sort()).toEqual(['HOME', 'LANG', 'PATH', 'PROJECT_FLAG', 'PWD', 'SHLVL', 'TERM', 'USER', '_'].sort());
    } finally {
      await sandbox.pty.kill(pid);
    }
  });

  // Without bubblewrap commands run unisolated (the provider warns at startup): nothing to check.
  it('hides everything outside the project from commands', async (context) => {
    if (!isolated) context.skip(NEEDS_BWRAP);
    const secret = path.join(dataDir, 'secret.txt');
    await writeFile(secret, 'the server secret');
    const hidden = [secret, process.cwd(), path.join(process.cwd(), 'package.json'), '/work', dataDir, path.join(dataDir, 'sandboxes', sibling.id), '/root', '/etc/shadow', '/etc/ssl/private', '/etc/npmrc', '/etc/gitconfig', '/etc/machine-id'];
    for (const target of hidden) {
      const result = await sandbox.commands.run(`cat '${target}' || ls '${target}'`);
      expect(result.exitCode, target).not.toBe(0);
      expect(result.stdout, target).toBe('');
    }
  });

  it('lets commands write only the project, HOME and /tmp', async (context) => {
    if (!isolated) context.skip(NEEDS_BWRAP);
    const writable = await sandbox.commands.run('touch project-file ~/home-file /tmp/tmp-file && id -u && grep CapEff /proc/self/status');
    expect(writable.exitCode).toBe(0);
    expect(writable.stdout).toMatch(/^1000\nCapEff:\s+0+\n$/);
    expect(await sandbox.files.exists('project-file')).toBe(true);
    for (const target of ['/usr/bin/aura-escape', '/etc/aura-escape', '/aura-escape', '/home/aura-escape']) {
      expect((await sandbox.commands.run(`touch ${target}`)).exitCode, target).not.toBe(0);
    }
  });

  it('shows commands only their own processes', async (context) => {
    if (!isolated) context.skip(NEEDS_BWRAP);
    const { stdout } = await sandbox.commands.run('ls /proc | grep -c "^[0-9]"');
    expect(Number(stdout.trim())).toBeLessThan(8);
  });
});
