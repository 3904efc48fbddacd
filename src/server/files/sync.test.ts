import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { listFiles, readFile } from './read-file';
import { applySandboxChanges, diffTrees, snapshot } from './sync';
import { asText, createTestProject, text } from '@/test/fixtures';
import { listVersions } from './versions';
import { writeFile } from './write-file';

const { db } = await createTestDatabase();

const save = (projectId: string, path: string, content: string | Uint8Array) =>
  writeFile({ db, projectId, path, content: typeof content === 'string' ? text(content) : content, source: 'editor' });
const paths = async (projectId: string) => (await listFiles({ db, projectId })).map((file) => file.path);

describe('snapshot', () => {
  it('returns every current file with its exact bytes, and nothing deleted or from other projects', async () => {
    const { projectId } = await createTestProject(db);
    const other = await createTestProject(db);
    const binary = new Uint8Array(randomBytes(64 * 1024));
    await save(projectId, 'src/main.ts', 'console.log(1);\n');
    await save(projectId, 'public/img.png', binary);
    await save(projectId, 'old.ts', 'bye');
    await applySandboxChanges({ db, projectId, changes: [{ path: 'old.ts', content: null }] });
    await save(other.projectId, 'src/main.ts', 'not mine');

    const files = await snapshot({ db, projectId });
    expect(files.map((file) => file.path)).toEqual(['public/img.png', 'src/main.ts']);
    expect(Buffer.from(files[0]!.content).equals(Buffer.from(binary))).toBe(true);
    expect(asText(files[1]!.content)).toBe('console.log(1);\n');
  });
});

describe('applySandboxChanges', () => {
  it('stores writes and deletions from the sandbox, skipping unchanged files and ignored paths', async () => {
    const { projectId, userId } = await createTestProject(db);
    await save(projectId, 'src/keep.ts', 'same');
    await save(projectId, 'src/remove.ts', 'x');
    await save(projectId, 'src/edit.ts', 'before');

    const result = await applySandboxChanges({
      db,
      projectId,
      userId,
      changes: [
        { path: 'src/keep.ts', content: text('same') },
        { path: 'src/edit.ts', content: text('after') },
        { path: 'src/new.ts', content: text('new') },
        { path: 'src/remove.ts', content: null },
        { path: 'node_modules/left-pad/index.js', content: text('module.exports = 1') },
        { path: 'dist/bundle.js', content: text('built') },
      ],
    });

    expect(result.written.map((file) => [file.path, file.version])).toEqual([
      ['src/edit.ts', 2],
      ['src/new.ts', 1],
    ]);
    expect(result.deleted).toEqual([{ path: 'src/remove.ts', version: 2 }]);
    expect(result.ignored).toEqual(['dist/bundle.js', 'node_modules/left-pad/index.js']);
    expect(await paths(projectId)).toEqual(['src/edit.ts', 'src/keep.ts', 'src/new.ts']);
    expect((await listVersions({ db, projectId, path: 'src/edit.ts' }))[0]).toMatchObject({ source: 'sandbox', createdBy: userId });
    expect(await listVersions({ db, projectId, path: 'src/keep.ts' })).toHaveLength(1);
  });

  it('leaves names the editor could not address in the sandbox (invisible characters, not NFC), and says which', async () => {
    const { projectId } = await createTestProject(db);
    const result = await applySandboxChanges({
      db,
      projectId,
      changes: [
        { path: 'x\u200b.ts', content: text('zero-width') },
        { path: 'cafe\u0301.md', content: text('nfd') },
        { path: 'caf\u00e9.md', content: text('nfc') },
      ],
    });
    expect(result.rejected.map((rejected) => rejected.path).sort()).toEqual(['cafe\u0301.md', 'x\u200b.ts']);
    expect(await paths(projectId)).toEqual(['caf\u00e9.md']);
  });

  it('keeps the rest of the batch when one file is too large, and says which', async () => {
    const { projectId } = await createTestProject(db);
    const result = await applySandboxChanges({
      db,
      projectId,
      limits: { maxFileBytes: 8 },
      changes: [
        { path: 'big.bin', content: new Uint8Array(9) },
        { path: 'small.ts', content: text('ok') },
      ],
    });
    expect(result.rejected).toEqual([{ path: 'big.bin', reason: expect.stringContaining('at most') }]);
    expect(await paths(projectId)).toEqual(['small.ts']);
  });

  it('handles a file replaced by a folder of the same name, and a deleted folder', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'config', 'a file');
    await save(projectId, 'tmp/a.ts', 'a');
    await save(projectId, 'tmp/b/c.ts', 'c');
    const result = await applySandboxChanges({
      db,
      projectId,
      changes: [
        { path: 'config/index.ts', content: text('now a folder') },
        { path: 'config', content: null },
        { path: 'tmp', content: null },
      ],
    });
    expect(result.rejected).toEqual([]);
    expect(await paths(projectId)).toEqual(['config/index.ts']);
    expect(asText((await readFile({ db, projectId, path: 'config/index.ts' })).content)).toBe('now a folder');
  });
});

describe('diffTrees', () => {
  it('says which sandbox files to fetch and which stored files the sandbox deleted', () => {
    const stored = [
      { path: 'same.ts', hash: 'h1' },
      { path: 'changed.ts', hash: 'h2' },
      { path: 'deleted.ts', hash: 'h3' },
    ];
    const sandbox = [
      { path: 'same.ts', hash: 'h1' },
      { path: 'changed.ts', hash: 'h2-new' },
      { path: 'added.ts', hash: 'h4' },
      { path: 'node_modules/x/index.js', hash: 'h5' },
    ];
    expect(diffTrees(stored, sandbox)).toEqual({ fetch: ['added.ts', 'changed.ts'], deleted: ['deleted.ts'] });
  });
});
