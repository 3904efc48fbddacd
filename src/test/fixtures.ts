import { randomBytes } from 'node:crypto';
import type { Database } from '@/server/db/client';
import { projects, users } from '@/server/db/schema';
import { projectConfigurationSchema } from '@/lib/schemas/projects';

/** Test fixture: a user and a React project of theirs, inserted directly. */
export async function createTestProject(db: Database): Promise<{ userId: string; projectId: string }> {
  const tag = randomBytes(5).toString('hex');
  const [user] = await db.insert(users).values({ email: `files-${tag}@example.com`, username: `files_${tag}` }).returning({ id: users.id });
  const [project] = await db
    .insert(projects)
    .values({ ownerId: user!.id, name: `project ${tag}`, framework: 'react', configuration: projectConfigurationSchema.parse({}) })
    .returning({ id: projects.id });
  return { userId: user!.id, projectId: project!.id };
}

export const text = (value: string) => new TextEncoder().encode(value);
export const asText = (value: Uint8Array) => new TextDecoder().decode(value);
