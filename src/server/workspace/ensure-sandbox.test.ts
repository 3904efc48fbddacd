import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import { asTRPCError } from '@/server/api/trpc';
import { projects } from '@/server/db/schema';
import { isAppError } from '@/server/errors';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestDatabase } from '@/test/database';
import { createTestUser } from '@/test/users';
import { ensureProjectSandbox } from './ensure-sandbox';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-ensure-'));
const provider = new LocalSandboxProvider({ dataDir: scratch, isolation: 'none' });
afterAll(async () => {
  await provider.shutdown();
  await rm(scratch, { recursive: true, force: true });
});
const owner = await createTestUser(db);

describe('ensureProjectSandbox', () => {
  it('answers 404, not 500, when the project is deleted while its sandbox is being built, and leaves no sandbox behind', async () => {
    const [project] = await db.insert(projects).values({ ownerId: owner.id, name: 'Deleted meanwhile', framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();
    // The caller loaded the row, then another request deleted the project.
    await db.delete(projects).where(eq(projects.id, project!.id));
    const refused = await ensureProjectSandbox({ db, provider, project: project! }).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('NOT_FOUND');
    expect(asTRPCError(refused).code).toBe('NOT_FOUND');
    expect(await readdir(path.join(scratch, 'sandboxes'))).toEqual([]);
  });
});
