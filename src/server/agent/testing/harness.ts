import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { projectConfigurationSchema } from '@/lib/schemas/projects';
import type { AuthUser } from '@/server/auth/types';
import { createInnerContext } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { projects } from '@/server/db/schema';
import { createMemoryBus, type EventBus } from '@/server/events/bus';
import { readFile } from '@/server/files/read-file';
import { writeFile } from '@/server/files/write-file';
import { LocalSandboxProvider } from '@/server/sandbox';
import { createTestDatabase } from '@/test/database';
import { createTestUser } from '@/test/users';
import { listEventsSince } from '../events/store';
import type { ModelInfo } from '../models';
import { createAgentRuntime, type AgentRuntime, type ModelCatalog } from '../runtime';
import { ScriptedChatModel } from './scripted-model';

export const SCRIPTED_MODEL: ModelInfo = {
  id: 'test:scripted',
  provider: 'openai-compatible',
  label: 'Scripted (tests)',
  contextWindow: 32_000,
  pricing: { inputPerMTok: 1, outputPerMTok: 2 },
};

/** A model catalog that hands out one scripted model (or none, to test the unconfigured case). */
export function scriptedCatalog(model: ScriptedChatModel | null): ModelCatalog {
  const list = model ? [SCRIPTED_MODEL] : [];
  return {
    list: () => list,
    defaultId: () => list[0]?.id ?? null,
    create: () => model!,
    costOf: (_id, usage) => (usage.inputTokens * SCRIPTED_MODEL.pricing.inputPerMTok + usage.outputTokens * SCRIPTED_MODEL.pricing.outputPerMTok) / 1_000_000,
  };
}

/**
 * A test file's agent world: its own database, a local sandbox provider, a runtime with a scripted
 * model, a user owning a project, and helpers. Everything is torn down after the file.
 */
export async function createAgentHarness() {
  const { db, url } = await createTestDatabase();
  const scratch = await mkdtemp(path.join(tmpdir(), 'aura-agent-'));
  const provider = new LocalSandboxProvider({ dataDir: scratch });
  const runtimes: AgentRuntime[] = [];
  /** Another instance (or a restarted one): its own pool and runs; pass a bus to share one, as Redis would. */
  const newRuntime = (model: ScriptedChatModel | null, bus: EventBus = createMemoryBus()) => {
    const runtime = createAgentRuntime({ databaseUrl: url, models: scriptedCatalog(model), bus });
    runtimes.push(runtime);
    return runtime;
  };
  const model = new ScriptedChatModel([]);
  const runtime = newRuntime(model);
  afterAll(async () => {
    await Promise.all(runtimes.map((entry) => entry.close()));
    await provider.shutdown();
    await rm(scratch, { recursive: true, force: true });
  });
  const owner = await createTestUser(db);
  let projectCount = 0;

  const api = (options: { user?: AuthUser; agent?: AgentRuntime } = {}) =>
    createCaller(createInnerContext({ db, user: options.user ?? owner, sandboxes: provider, agent: options.agent ?? runtime }));

  async function newProject(files: Record<string, string> = {}) {
    const [project] = await db.insert(projects).values({ ownerId: owner.id, name: `Agent test ${++projectCount}`, framework: 'react', configuration: projectConfigurationSchema.parse({}) }).returning();
    for (const [filePath, content] of Object.entries(files)) {
      await writeFile({ db, projectId: project!.id, path: filePath, content: new TextEncoder().encode(content), source: 'template' });
    }
    return project!;
  }

  /** Waits until the thread's in-flight run on `on` (default runtime) has finished. */
  async function settled(threadId: string, on: AgentRuntime = runtime) {
    await on.runs.get(threadId)?.done;
  }

  const events = async (threadId: string, afterSeq = 0) => (await listEventsSince({ db, threadId, afterSeq })).map((stored) => stored.event);
  const fileText = async (projectId: string, filePath: string) => new TextDecoder().decode((await readFile({ db, projectId, path: filePath })).content);

  return { db, url, provider, model, runtime, newRuntime, owner, api, newProject, settled, events, fileText };
}
