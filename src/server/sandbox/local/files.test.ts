import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalSandboxProvider } from './provider';
import { withParent } from './safe-fs';
import type { LocalSandbox } from './sandbox';

describe('local sandbox files API and symbolic links', () => {
  let dataDir: string;
  let provider: LocalSandboxProvider;
  let sandbox: LocalSandbox;
  let sibling: LocalSandbox;
  let secretPath: string;
  const projectOf = (box: LocalSandbox) => path.join(dataDir, 'sandboxes', box.id, 'project');

  beforeAll(async () => {
    dataDir = await realpath(await mkdtemp(path.join(tmpdir(), 'aura-sandbox-files-')));
    provider = new LocalSandboxProvider({ dataDir });
    sandbox = await provider.create();
    sibling = await provider.create();
    secretPath = path.join(dataDir, 'secret.txt');
    await writeFile(secretPath, 'the server secret');
    await sibling.files.write('private.txt', 'sibling data');
    // Links made the way a user would, from inside the sandbox. Each points somewhere real on
    // the host (inside bubblewrap they point nowhere).
    const links = [`ln -s /etc etc-link`, `ln -s ${secretPath} secret-link`, `ln -s ../../${sibling.id}/project sibling-link`, `ln -s ${dataDir}/created-by-escape dangling-link`];
    const made = await sandbox.commands.run(links.join(' && '));
    expect(made.exitCode).toBe(0);
  });

  afterAll(async () => {
    await provider.shutdown();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['read', () => sandbox.files.read('etc-link/hostname')],
    ['read', () => sandbox.files.read('secret-link')],
    ['read', () => sandbox.files.read('sibling-link/private.txt')],
    ['list', () => sandbox.files.list('etc-link')],
    ['list', () => sandbox.files.list('sibling-link')],
    ['write', () => sandbox.files.write('etc-link/aura-escape', 'x')],
    ['write', () => sandbox.files.write('sibling-link/injected.txt', 'x')],
    ['write', () => sandbox.files.write('dangling-link', 'x')],
    ['check for a file', () => sandbox.files.exists('sibling-link/private.txt')],
    ['make a folder', () => sandbox.files.makeDir('sibling-link/new-folder')],
    ['rename', () => sandbox.files.rename('sibling-link/private.txt', 'stolen.txt')],
    ['remove', () => sandbox.files.remove('sibling-link/private.txt')],
  ])('refuses to %s through a link that leaves the project', async (_operation, attempt) => {
    await expect(attempt()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('left everything outside the project untouched', async () => {
    expect(existsSync('/etc/aura-escape')).toBe(false);
    expect(existsSync(path.join(dataDir, 'created-by-escape'))).toBe(false);
    expect(existsSync(path.join(projectOf(sibling), 'injected.txt'))).toBe(false);
    expect(existsSync(path.join(projectOf(sibling), 'new-folder'))).toBe(false);
    expect(await readFile(path.join(projectOf(sibling), 'private.txt'), 'utf8')).toBe('sibling data');
  });

  it('lists links as links without following them, and removes or renames the link itself', async () => {
    const entries = await sandbox.files.list('');
    expect(entries.find((entry) => entry.path === 'etc-link')?.type).toBe('symlink');
    await sandbox.files.rename('sibling-link', 'renamed-link');
    await sandbox.files.remove('renamed-link');
    await sandbox.files.remove('etc-link');
    expect(await sandbox.files.exists('etc-link')).toBe(false);
    expect(existsSync('/etc/hostname') || existsSync('/etc/passwd')).toBe(true);
    expect(await sibling.files.read('private.txt')).toEqual(new TextEncoder().encode('sibling data'));
  });

  it('follows links that stay inside the project', async () => {
    await sandbox.files.write('real/file.txt', 'inside');
    await symlink('real', path.join(projectOf(sandbox), 'inner-link'));
    expect(new TextDecoder().decode(await sandbox.files.read('inner-link/file.txt'))).toBe('inside');
  });

  it('refuses, rather than follows, a folder swapped for a link after the check', async () => {
    const root = await realpath(projectOf(sandbox));
    await mkdir(path.join(root, 'swap'));
    const checked = path.join(root, 'swap', 'file.txt'); // what the check approved
    await rm(path.join(root, 'swap'), { recursive: true });
    await symlink(dataDir, path.join(root, 'swap')); // what a racing process put there
    await writeFile(path.join(dataDir, 'file.txt'), 'outside');
    const read = withParent(root, checked, async (parent, name) => readFile(parent.at(name ?? undefined), 'utf8'));
    // O_NOFOLLOW | O_DIRECTORY on a link fails with ENOTDIR on Linux (ELOOP elsewhere).
    await expect(read).rejects.toMatchObject({ code: expect.stringMatching(/^(ENOTDIR|ELOOP)$/) });
  });

  it('removes a folder without following links inside it', async () => {
    await mkdir(path.join(dataDir, 'outside-folder'), { recursive: true });
    await writeFile(path.join(dataDir, 'outside-folder', 'keep.txt'), 'keep');
    await sandbox.files.makeDir('doomed');
    await symlink(path.join(dataDir, 'outside-folder'), path.join(projectOf(sandbox), 'doomed', 'out'));
    await sandbox.files.remove('doomed');
    expect(await sandbox.files.exists('doomed')).toBe(false);
    expect(await readFile(path.join(dataDir, 'outside-folder', 'keep.txt'), 'utf8')).toBe('keep');
  });
});
