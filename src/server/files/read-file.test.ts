import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { listFiles, statFile } from './read-file';
import { createTestProject, text } from '@/test/fixtures';
import { writeFile } from './write-file';

const { db } = await createTestDatabase();

describe('listFiles', () => {
  it('lists current files in path byte order, optionally inside one folder', async () => {
    const { projectId } = await createTestProject(db);
    for (const path of ['src/b.ts', 'README.md', 'src/a/z.ts', 'src-x.ts', 'public/logo.svg']) {
      await writeFile({ db, projectId, path, content: text(path), source: 'template' });
    }
    expect((await listFiles({ db, projectId })).map((file) => file.path)).toEqual(['README.md', 'public/logo.svg', 'src-x.ts', 'src/a/z.ts', 'src/b.ts']);
    const inSrc = await listFiles({ db, projectId, prefix: 'src/' });
    expect(inSrc.map((file) => file.path)).toEqual(['src/a/z.ts', 'src/b.ts']);
    expect(inSrc[1]).toMatchObject({ version: 1, size: 'src/b.ts'.length, source: 'template' });
  });

  it('stat says null for a missing file and gives the current version of a present one', async () => {
    const { projectId } = await createTestProject(db);
    expect(await statFile({ db, projectId, path: 'a.ts' })).toBeNull();
    await writeFile({ db, projectId, path: 'a.ts', content: text('1'), source: 'editor' });
    await writeFile({ db, projectId, path: 'a.ts', content: text('22'), source: 'editor' });
    expect(await statFile({ db, projectId, path: 'a.ts' })).toMatchObject({ path: 'a.ts', version: 2, size: 2 });
  });
});
