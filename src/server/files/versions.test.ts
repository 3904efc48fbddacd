import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '@/test/database';
import { deleteFile } from './delete-file';
import { readFile, statFile } from './read-file';
import { asText, createTestProject, text } from '@/test/fixtures';
import { listVersions, restoreVersion } from './versions';
import { writeFile } from './write-file';

const { db } = await createTestDatabase();

const save = (projectId: string, path: string, content: string) => writeFile({ db, projectId, path, content: text(content), source: 'editor' });

describe('file history', () => {
  it('lists versions newest first, with deletions marked by a null hash', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'a.ts', 'one');
    await writeFile({ db, projectId, path: 'a.ts', content: text('two'), source: 'agent' });
    await deleteFile({ db, projectId, path: 'a.ts', source: 'sandbox' });

    const versions = await listVersions({ db, projectId, path: 'a.ts' });
    expect(versions.map(({ version, source, size }) => ({ version, source, size }))).toEqual([
      { version: 3, source: 'sandbox', size: null },
      { version: 2, source: 'agent', size: 3 },
      { version: 1, source: 'editor', size: 3 },
    ]);
    expect(versions[0]!.hash).toBeNull();
    expect(await listVersions({ db, projectId, path: 'a.ts', limit: 1 })).toHaveLength(1);
  });

  it('restores an old version as a new one, leaving history intact', async () => {
    const { projectId, userId } = await createTestProject(db);
    await save(projectId, 'a.ts', 'good');
    await save(projectId, 'a.ts', 'broken');

    expect(await restoreVersion({ db, projectId, path: 'a.ts', version: 1, userId })).toMatchObject({ version: 3, changed: true });
    expect(asText((await readFile({ db, projectId, path: 'a.ts' })).content)).toBe('good');
    const [newest] = await listVersions({ db, projectId, path: 'a.ts' });
    expect(newest).toMatchObject({ version: 3, source: 'restore', createdBy: userId });
  });

  it('brings a deleted file back, continuing its version numbers', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'src/gone.ts', 'precious');
    await deleteFile({ db, projectId, path: 'src/gone.ts', source: 'editor' });
    expect(await statFile({ db, projectId, path: 'src/gone.ts' })).toBeNull();

    expect(await restoreVersion({ db, projectId, path: 'src/gone.ts', version: 1 })).toMatchObject({ version: 3 });
    expect(asText((await readFile({ db, projectId, path: 'src/gone.ts' })).content)).toBe('precious');
  });

  it('refuses to restore a deletion or a version that never existed', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'a.ts', 'x');
    await deleteFile({ db, projectId, path: 'a.ts', source: 'editor' });
    await expect(restoreVersion({ db, projectId, path: 'a.ts', version: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(restoreVersion({ db, projectId, path: 'a.ts', version: 9 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
