import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { listFiles, readFile } from './read-file';
import { renameFile } from './rename-file';
import { asText, createTestProject, text } from '@/test/fixtures';
import { listVersions } from './versions';
import { writeFile } from './write-file';

const { db } = await createTestDatabase();

const save = (projectId: string, path: string, content = path) => writeFile({ db, projectId, path, content: text(content), source: 'editor' });
const paths = async (projectId: string) => (await listFiles({ db, projectId })).map((file) => file.path);
const contentOf = async (projectId: string, path: string) => asText((await readFile({ db, projectId, path })).content);

describe('renameFile', () => {
  it('moves a file with its content, recording history on both sides', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'src/old.ts', 'content');
    await save(projectId, 'src/old.ts', 'content v2');

    expect(await renameFile({ db, projectId, from: 'src/old.ts', to: 'src/new.ts', source: 'editor' })).toEqual([{ from: 'src/old.ts', to: 'src/new.ts', version: 1 }]);
    expect(await paths(projectId)).toEqual(['src/new.ts']);
    expect(await contentOf(projectId, 'src/new.ts')).toBe('content v2');
    expect((await listVersions({ db, projectId, path: 'src/old.ts' }))[0]).toMatchObject({ version: 3, hash: null });
    expect(await listVersions({ db, projectId, path: 'src/new.ts' })).toHaveLength(1);
  });

  it('moves a folder with everything inside it', async () => {
    const { projectId } = await createTestProject(db);
    for (const path of ['components/Button.tsx', 'components/forms/Input.tsx', 'componentsList.ts']) await save(projectId, path);
    const renamed = await renameFile({ db, projectId, from: 'components', to: 'src/ui', source: 'editor' });
    expect(renamed.map((entry) => entry.to)).toEqual(['src/ui/Button.tsx', 'src/ui/forms/Input.tsx']);
    expect(await paths(projectId)).toEqual(['componentsList.ts', 'src/ui/Button.tsx', 'src/ui/forms/Input.tsx']);
    expect(await contentOf(projectId, 'src/ui/forms/Input.tsx')).toBe('components/forms/Input.tsx');
  });

  it('refuses to overwrite an existing file or folder, changing nothing', async () => {
    const { projectId } = await createTestProject(db);
    for (const path of ['a.ts', 'b.ts', 'lib/x.ts', 'src/y.ts']) await save(projectId, path);
    await expect(renameFile({ db, projectId, from: 'a.ts', to: 'b.ts', source: 'editor' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already exists') });
    await expect(renameFile({ db, projectId, from: 'a.ts', to: 'lib', source: 'editor' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(renameFile({ db, projectId, from: 'src', to: 'lib', source: 'editor' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await paths(projectId)).toEqual(['a.ts', 'b.ts', 'lib/x.ts', 'src/y.ts']);
    expect(await contentOf(projectId, 'b.ts')).toBe('b.ts');
  });

  it('refuses moving a folder into itself, a missing source, or a stale version', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'src/a.ts');
    await expect(renameFile({ db, projectId, from: 'src', to: 'src/inner', source: 'editor' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(renameFile({ db, projectId, from: 'nope.ts', to: 'yes.ts', source: 'editor' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(renameFile({ db, projectId, from: 'src/a.ts', to: 'b.ts', expectedVersion: 7, source: 'editor' })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await paths(projectId)).toEqual(['src/a.ts']);
  });
});
