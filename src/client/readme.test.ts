import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { newAccount } from '@/test/auth-client';
import { createTestDatabase } from '@/test/database';
import { applyReadmeBlock, readmeBlocks } from '@/test/readme-blocks';
import { startServerProcess } from '@/test/server-process';

/**
 * The README's "Add a router and call it from a typed client", done as a developer would: the
 * client snippet compiled outside the repo against the built `aura-ide/client` alone and run
 * against a live server, and the router steps followed in a copy of the repo, whose
 * access-control and OpenAPI tests must then pass.
 */
const run = promisify(execFile);
const ROOT = process.cwd();
const blocks = await readmeBlocks(path.join(ROOT, 'README.md'));
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-readme-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Child processes get the parent's environment minus Vitest's own markers. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra }; // eslint-disable-line no-restricted-properties
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  return env;
}

/** dist/client is newer than every source file and the build config (a build takes 15–40 s). */
async function clientBuildIsFresh(): Promise<boolean> {
  const built = await stat(path.join(ROOT, 'dist/client/index.d.ts')).catch(() => null);
  if (!built) return false;
  const sources = [path.join(ROOT, 'tsup.client.config.ts'), path.join(ROOT, 'package.json')];
  for (const file of await readdir(path.join(ROOT, 'src'), { recursive: true })) if (file.endsWith('.ts')) sources.push(path.join(ROOT, 'src', file));
  const newest = Math.max(...(await Promise.all(sources.map(async (file) => (await stat(file)).mtimeMs))));
  return built.mtimeMs > newest;
}

describe('the README’s typed client', () => {
  it('compiles outside the repo with only aura-ide/client, keeps its types strict, and runs against a live server', async () => {
    const snippet = blocks.find((block) => block.action === 'client');
    expect(snippet, 'README.md has a <!-- readme-test: client --> block').toBeDefined();
    if (!(await clientBuildIsFresh())) await run('npx', ['tsup', '--config', 'tsup.client.config.ts', '--silent'], { cwd: ROOT });

    const app = path.join(scratch, 'app');
    await mkdir(path.join(app, 'node_modules', '@types'), { recursive: true });
    await symlink(ROOT, path.join(app, 'node_modules', 'aura-ide'));
    await symlink(path.join(ROOT, 'node_modules', '@types', 'node'), path.join(app, 'node_modules', '@types', 'node'));
    await symlink(path.join(ROOT, 'node_modules', 'tsx'), path.join(app, 'node_modules', 'tsx'));
    await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'readme-app', private: true, type: 'module' }));
    // No `paths`: nothing of Aura's `@/*` alias. Types that degraded to `any` would make the
    // expected errors in wrong.ts disappear, and tsc report each unused @ts-expect-error.
    await writeFile(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'], lib: ['ES2022', 'DOM'] }, files: ['snippet.ts', 'wrong.ts'] }),
    );
    await writeFile(path.join(app, 'snippet.ts'), snippet!.code);
    await writeFile(
      path.join(app, 'wrong.ts'),
      [
        "import { createAuraClient, createProjectInput } from 'aura-ide/client';",
        "const aura = createAuraClient({ url: 'http://localhost:3000' });",
        '// @ts-expect-error a project name is a string',
        "await aura.projects.create.mutate({ name: 42, framework: 'react' });",
        '// @ts-expect-error there is no such framework',
        "await aura.projects.create.mutate({ name: 'x', framework: 'cobol' });",
        '// @ts-expect-error items is an array of projects',
        'const count: string = (await aura.projects.list.query({})).items;',
        '// @ts-expect-error no such procedure',
        'await aura.notes.nothing.query();',
        "createProjectInput.parse({ name: 'x', framework: 'react' });",
        'export {};',
      ].join('\n'),
    );
    const compiled = await run(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', app]).catch((error: { stdout: string }) => error);
    expect(compiled.stdout).toBe('');

    const { url: databaseUrl } = await createTestDatabase();
    const server = await startServerProcess({ databaseUrl, dataDir: path.join(scratch, 'sandboxes'), fakeInstallMs: 200 });
    try {
      const account = newAccount();
      const signup = await fetch(`${server.url}/api/auth/signup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
      expect(signup.status).toBe(201);
      const { stdout } = await run('node', ['--import', 'tsx', 'snippet.ts'], {
        cwd: app,
        timeout: 30_000,
        env: childEnv({ AURA_URL: server.url, AURA_EMAIL: account.email, AURA_PASSWORD: account.password }),
      });
      expect(stdout).toContain('1 project(s); setting up From a script');
      expect(stdout).toContain('ready completed');
      expect(stdout).toContain('NOT_FOUND Project was not found.');
    } finally {
      await server.stop();
    }
  }, 150_000);
});

describe('the README’s "Add a router" steps', () => {
  it('followed in a copy of the repo, pass its access-control and OpenAPI tests, with the new resource covered', async () => {
    const steps = blocks.filter((block) => block.action !== 'client');
    expect(steps.map((block) => block.file)).toEqual(expect.arrayContaining(['src/server/api/routers/notes.ts', 'src/server/api/access-control.test.ts']));
    const copy = path.join(scratch, 'copy');
    await mkdir(copy);
    for (const entry of ['src', 'drizzle', 'package.json', 'tsconfig.json', 'vitest.config.ts', 'drizzle.config.ts']) await cp(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    await symlink(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'));
    for (const block of steps) await applyReadmeBlock(copy, block);

    await run('npx', ['drizzle-kit', 'generate'], { cwd: copy });
    const { adminUrl } = inject('testDatabase');
    const tested = await run('npx', ['vitest', 'run', '--reporter=verbose', 'src/server/api/access-control.test.ts', 'src/server/rest/openapi.test.ts'], {
      cwd: copy,
      env: childEnv({ DATABASE_URL: adminUrl }),
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout: string; stderr: string }) => error);
    expect(tested.stdout).toMatch(/notes\.rename with the owner's noteId answers NOT_FOUND/);
    expect(tested.stdout).toMatch(/Test Files\s+2 passed/);
  }, 150_000);
});
