import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fileBlobs } from '@/server/db/schema';
import { createTestDatabase } from '@/test/database';
import { readFile } from './read-file';
import { asText, createTestProject, text } from '@/test/fixtures';
import { hashContent } from './tree';
import { listVersions } from './versions';
import { writeFile } from './write-file';

const { db } = await createTestDatabase();

const save = (projectId: string, path: string, content: string | Uint8Array, extra: { expectedVersion?: number | null } = {}) =>
  writeFile({ db, projectId, path, content: typeof content === 'string' ? text(content) : content, source: 'editor', ...extra });
const contentOf = async (projectId: string, path: string) => asText((await readFile({ db, projectId, path })).content);

describe('writeFile', () => {
  it('stores bytes exactly: every byte value, and a 5 MiB binary file', async () => {
    const { projectId } = await createTestProject(db);
    const everyByte = Uint8Array.from({ length: 256 }, (_, index) => index);
    const large = new Uint8Array(randomBytes(5 * 1024 * 1024));
    await save(projectId, 'assets/bytes.bin', everyByte);
    await save(projectId, 'assets/large.bin', large);

    const small = await readFile({ db, projectId, path: 'assets/bytes.bin' });
    expect(small.content).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(small.content).equals(Buffer.from(everyByte))).toBe(true);
    const big = await readFile({ db, projectId, path: 'assets/large.bin' });
    expect(big.size).toBe(large.byteLength);
    expect(Buffer.from(big.content).equals(Buffer.from(large))).toBe(true);
  });

  it('stores identical content once, across files and projects', async () => {
    const first = await createTestProject(db);
    const second = await createTestProject(db);
    const content = `export const shared = ${Math.random()};\n`;
    await save(first.projectId, 'src/a.ts', content);
    await save(first.projectId, 'src/b.ts', content);
    const result = await save(second.projectId, 'src/a.ts', content);

    expect(result.hash).toBe(hashContent(text(content)));
    const [blobs] = await db.select({ n: count() }).from(fileBlobs).where(eq(fileBlobs.hash, result.hash));
    expect(blobs!.n).toBe(1);
    expect(await contentOf(second.projectId, 'src/a.ts')).toBe(content);
  });

  it('numbers versions from 1, records each change, and treats an unchanged save as a no-op', async () => {
    const { projectId, userId } = await createTestProject(db);
    expect(await writeFile({ db, projectId, path: 'src/App.tsx', content: text('one'), source: 'template', userId })).toMatchObject({ version: 1, changed: true });
    expect(await save(projectId, 'src/App.tsx', 'two')).toMatchObject({ version: 2, changed: true });
    expect(await save(projectId, 'src/App.tsx', 'two')).toMatchObject({ version: 2, changed: false });

    const history = await listVersions({ db, projectId, path: 'src/App.tsx' });
    expect(history.map((entry) => [entry.version, entry.source])).toEqual([
      [2, 'editor'],
      [1, 'template'],
    ]);
    expect(history[1]!.createdBy).toBe(userId);
  });

  it('refuses a save based on a stale version and keeps the newer content', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'notes.md', 'v1');
    await save(projectId, 'notes.md', 'v2 from another tab', { expectedVersion: 1 });

    await expect(save(projectId, 'notes.md', 'v2 from a stale tab', { expectedVersion: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('version 2'),
    });
    expect(await contentOf(projectId, 'notes.md')).toBe('v2 from another tab');
    expect((await listVersions({ db, projectId, path: 'notes.md' })).length).toBe(2);
  });

  it('lets exactly one of 10 concurrent saves of the same version through', async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'race.txt', 'base');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => save(projectId, 'race.txt', `writer ${index}`, { expectedVersion: 1 })));

    const won = results.filter((result) => result.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').map((result) => result.reason.code)).toEqual(Array(9).fill('CONFLICT'));
    const winner = won[0]!.value;
    expect(winner.version).toBe(2);
    expect(hashContent(text(await contentOf(projectId, 'race.txt')))).toBe(winner.hash);
  });

  it('keeps every one of 10 concurrent unconditional saves as its own version', async () => {
    const { projectId } = await createTestProject(db);
    await Promise.all(Array.from({ length: 10 }, (_, index) => save(projectId, 'log.txt', `entry ${index}`)));
    const versions = await listVersions({ db, projectId, path: 'log.txt' });
    expect(versions.map((entry) => entry.version)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it('create-only saves (expectedVersion null) conflict when the file exists, even when racing', async () => {
    const { projectId } = await createTestProject(db);
    const racing = await Promise.allSettled(Array.from({ length: 5 }, (_, index) => save(projectId, 'new.ts', `${index}`, { expectedVersion: null })));
    expect(racing.filter((result) => result.status === 'fulfilled')).toHaveLength(1);

    await expect(save(projectId, 'new.ts', 'again', { expectedVersion: null })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already exists') });
  });

  it("keeps each project's files apart: same path, different content", async () => {
    const first = await createTestProject(db);
    const second = await createTestProject(db);
    await save(first.projectId, 'src/index.ts', 'first');
    await save(second.projectId, 'src/index.ts', 'second');
    expect(await contentOf(first.projectId, 'src/index.ts')).toBe('first');
    expect(await contentOf(second.projectId, 'src/index.ts')).toBe('second');
    await expect(readFile({ db, projectId: second.projectId, path: 'only-first.ts' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses paths that are absolute, escape the project or are not canonical', async () => {
    const { projectId } = await createTestProject(db);
    for (const path of ['/etc/passwd', '../outside.ts', 'src/../../x', 'a\0b', 'src//a.ts', './a.ts', 'src/', '']) {
      await expect(save(projectId, path, 'x'), path).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it('refuses dependency and build output, which is never stored', async () => {
    const { projectId } = await createTestProject(db);
    for (const path of ['node_modules/react/index.js', 'dist/index.js', '.next/cache/x', 'npm-debug.log', 'src/.DS_Store']) {
      await expect(save(projectId, path, 'x'), path).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
  });

  it("refuses a file where a folder is, and a folder's file where a file is", async () => {
    const { projectId } = await createTestProject(db);
    await save(projectId, 'src/lib/util.ts', 'x');
    await expect(save(projectId, 'src/lib', 'x')).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(save(projectId, 'src/lib/util.ts/deeper.ts', 'x')).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('storage limits', () => {
  it('refuse a file over 10 MiB with a clear message', async () => {
    const { projectId } = await createTestProject(db);
    await expect(save(projectId, 'huge.bin', new Uint8Array(10 * 1024 * 1024 + 1))).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('at most 10.0 MiB'),
    });
    await expect(readFile({ db, projectId, path: 'huge.bin' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("refuse new files past the project's file count, but still allow edits", async () => {
    const { projectId } = await createTestProject(db);
    const limits = { maxFiles: 2 };
    await writeFile({ db, projectId, path: 'a.ts', content: text('a'), source: 'editor', limits });
    await writeFile({ db, projectId, path: 'b.ts', content: text('b'), source: 'editor', limits });
    await expect(writeFile({ db, projectId, path: 'c.ts', content: text('c'), source: 'editor', limits })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('2 files') });
    expect(await writeFile({ db, projectId, path: 'a.ts', content: text('a2'), source: 'editor', limits })).toMatchObject({ version: 2 });
  });

  it("refuse a save past the project's total bytes, counting the file's old size as freed", async () => {
    const { projectId } = await createTestProject(db);
    const limits = { maxProjectBytes: 10 };
    await writeFile({ db, projectId, path: 'a.txt', content: text('12345678'), source: 'editor', limits });
    await expect(writeFile({ db, projectId, path: 'b.txt', content: text('123'), source: 'editor', limits })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('storage limit') });
    expect(await writeFile({ db, projectId, path: 'a.txt', content: text('1234567890'), source: 'editor', limits })).toMatchObject({ version: 2, size: 10 });
  });
});
