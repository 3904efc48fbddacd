import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { deleteFile } from './delete-file';
import { listFiles, readFile } from './read-file';
import { createTestProject, text } from '@/test/fixtures';
import { writeFile } from './write-file';

const { db } = await createTestDatabase();

const save = (projectId: string, path: string, content = path) => writeFile({ db, projectId, path, content: text(content), source: 'editor' });
const paths = async (projectId: string) => (await listFiles({ db, projectId })).map((file) => file.path);

describe('deleteFile', () => {
  it('removes the file from the tree and records the deletion as its next version', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'a.ts');
    await save(projectId, 'b.ts');
    expect(await deleteFile({ db, projectId, path: 'a.ts', expectedVersion: 1, source: 'editor' })).toEqual([{ path: 'a.ts', version: 2 }]);
    expect(await paths(projectId)).toEqual(['b.ts']);
    await expect(readFile({ db, projectId, path: 'a.ts' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes a folder with everything below it, and nothing beside it', async () => {
    const { projectId } = await createTestProject(db);
    for (const path of ['src/a.ts', 'src/deep/b.ts', 'src-other/c.ts', 'srcfile.ts']) await save(projectId, path);
    const deleted = await deleteFile({ db, projectId, path: 'src', source: 'editor' });
    expect(deleted.map((file) => file.path)).toEqual(['src/a.ts', 'src/deep/b.ts']);
    expect(await paths(projectId)).toEqual(['src-other/c.ts', 'srcfile.ts']);
  });

  it('refuses a stale delete, keeping the newer content', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'a.ts', 'one');
    await save(projectId, 'a.ts', 'two');
    await expect(deleteFile({ db, projectId, path: 'a.ts', expectedVersion: 1, source: 'editor' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await paths(projectId)).toEqual(['a.ts']);
  });

  it('says NOT_FOUND for a path with no file or folder', async () => {
    const { projectId } = await createTestProject(db);
    await expect(deleteFile({ db, projectId, path: 'missing.ts', source: 'editor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
