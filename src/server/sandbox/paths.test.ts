import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, isAppError } from '@/server/errors';
import { assertInsideWorkspace, resolveProjectPath } from './paths';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resolveProjectPath', () => {
  // [name, path, what the message must say]
  const hostile: Array<[string, string, RegExp]> = [
    ['parent folder', '..', /outside the project/],
    ['parent traversal', '../etc/passwd', /outside the project/],
    ['traversal after normalising', 'a/../../b', /outside the project/],
    ['deep traversal', 'src/./../../../../root/.ssh/id_rsa', /outside the project/],
    ['traversal behind empty segments', 'a//..//..//b', /outside the project/],
    ['absolute POSIX path', '/etc/passwd', /absolute/],
    ['absolute double slash', '//server/share', /absolute/],
    ['Windows drive with backslash', 'C:\\x', /backslash/],
    ['Windows drive with slash', 'C:/Windows/win.ini', /Windows drive/],
    ['UNC path', '\\\\server\\share', /backslash/],
    ['backslash traversal', '..\\..\\etc\\passwd', /backslash/],
    ['NUL byte', 'src/App.tsx\0.png', /NUL byte/],
    ['newline', 'src/evil\nname.ts', /control characters/],
    ['escape sequence', 'src/\u001b[31mred.ts', /control characters/],
    ['DEL', 'src/a\u007f.ts', /control characters/],
    ['C1 control', 'src/a\u0085.ts', /control characters/],
    ['right-to-left override', 'src/evil\u202egnp.ts', /text-direction/],
    ['zero-width space', 'src/x\u200b.ts', /invisible formatting/],
    ['left-to-right mark', 'src/\u200eindex.ts', /invisible formatting/],
    ['byte-order mark', '\ufeffpackage.json', /invisible formatting/],
    ['lone high surrogate', 'src/a\ud800.ts', /unpaired surrogate/],
    ['lone low surrogate', 'src/\udc00', /unpaired surrogate/],
    ['overlong name', `src/${'a'.repeat(256)}.ts`, /longer than 255 bytes/],
    ['overlong multibyte name', `src/${'é'.repeat(128)}`, /longer than 255 bytes/],
    ['overlong path', `${'abc/'.repeat(1100)}x`, /longer than 4096 bytes/],
  ];

  it('gives é one spelling (NFC), however it was typed; real astral characters are fine', () => {
    expect(resolveProjectPath('docs/cafe\u0301.md')).toBe('docs/caf\u00e9.md');
    expect(resolveProjectPath('docs/caf\u00e9.md')).toBe('docs/caf\u00e9.md');
    expect(resolveProjectPath('assets/\u{1f600}.png')).toBe('assets/\u{1f600}.png');
  });

  it.each(hostile)('refuses %s', (_name, hostilePath, message) => {
    const error = refusal(() => resolveProjectPath(hostilePath));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
  });

  const hostileWrites: Array<[string, string, RegExp]> = [
    ['the project root', '', /project folder itself/],
    ['the project root as "."', '.', /ends in "\."/],
    ['a final "."', 'src/.', /ends in "\."/],
    ['a final ".." that stays inside', 'src/lib/..', /ends in "\.\."/],
    ['git internals', '.git/hooks/pre-commit', /inside \.git/],
    ['git config in another case', 'sub/.GIT/config', /inside \.git/],
  ];

  it.each(hostileWrites)('refuses writing to %s', (_name, hostilePath, message) => {
    const error = refusal(() => resolveProjectPath(hostilePath, { write: true }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(message);
  });

  const good: Array<[string, string]> = [
    ['./src//App.tsx', 'src/App.tsx'],
    ['src/App.tsx', 'src/App.tsx'],
    ['src/', 'src'],
    ['', ''],
    ['.', ''],
    ['a/b/../c', 'a/c'],
    // Literal names that only look like escapes are harmless inside the project: allowed.
    ['%2e%2e/%2fetc', '%2e%2e/%2fetc'],
    ['..foo/bar..', '..foo/bar..'],
    ['...', '...'],
    ['~/notes.md', '~/notes.md'],
    ['dir with spaces/naïve ✓.md', 'dir with spaces/naïve ✓.md'],
    ['.github/workflows/ci.yml', '.github/workflows/ci.yml'],
    ['.gitignore', '.gitignore'],
    [`${'é'.repeat(127)}`, `${'é'.repeat(127)}`],
  ];

  it.each(good)('normalises %j to %j', (input, expected) => {
    expect(resolveProjectPath(input)).toBe(expected);
  });

  it('lets git internals be read, only not written', () => {
    expect(resolveProjectPath('.git/HEAD')).toBe('.git/HEAD');
    expect(resolveProjectPath('.gitignore', { write: true })).toBe('.gitignore');
  });
});

describe('assertInsideWorkspace', () => {
  let scratch: string;
  let root: string;

  beforeAll(async () => {
    scratch = await realpath(await mkdtemp(path.join(tmpdir(), 'aura-paths-')));
    root = path.join(scratch, 'project');
    await mkdir(path.join(root, 'src'), { recursive: true });
    await writeFile(path.join(scratch, 'secret.txt'), 'secret');
    await symlink('/etc', path.join(root, 'etc-link'));
    await symlink('../secret.txt', path.join(root, 'secret-link'));
    await symlink('../outside/new-file', path.join(root, 'dangling-out'));
    await symlink('src', path.join(root, 'src-link'));
  });

  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('accepts real paths inside, existing or not, and links that stay inside', async () => {
    await expect(assertInsideWorkspace(root, path.join(root, 'src/new/file.ts'))).resolves.toBe(path.join(root, 'src/new/file.ts'));
    await expect(assertInsideWorkspace(root, path.join(root, 'src-link/a.ts'))).resolves.toBe(path.join(root, 'src/a.ts'));
    await expect(assertInsideWorkspace(root, root)).resolves.toBe(root);
  });

  it.each([
    ['a link to /etc', 'etc-link/passwd'],
    ['a link to a file beside the project', 'secret-link'],
    ['a dangling link whose target would be created outside', 'dangling-out'],
    ['a path below a dangling outside link', 'dangling-out/deeper/file'],
  ])('refuses %s without naming host paths', async (_name, relative) => {
    const error = await assertInsideWorkspace(root, path.join(root, relative)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
    expect((error as AppError).message).not.toContain(scratch);
  });

  it('judges the link itself, not its target, for rename and remove', async () => {
    await expect(assertInsideWorkspace(root, path.join(root, 'etc-link'), { followFinalLink: false })).resolves.toBe(path.join(root, 'etc-link'));
    await expect(assertInsideWorkspace(root, path.join(root, 'etc-link/passwd'), { followFinalLink: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
