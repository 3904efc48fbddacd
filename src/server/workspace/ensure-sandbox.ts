import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '@/server/db/client';
import { projects, type ProjectRow } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import { snapshot } from '@/server/files/sync';
import { domainLogger } from '@/server/logger';
import { sandboxFailed } from '@/server/observability/events';
import { processSingleton } from '@/server/registry';
import type { Sandbox, SandboxProvider } from '@/server/sandbox/types';
import { refreshSandboxFromStore } from './refresh-sandbox';

/** How long a sandbox lives without keep-alive before the provider may stop it. */
export const SANDBOX_IDLE_TIMEOUT_MS = 10 * 60_000;

const state = () =>
  processSingleton('workspace.ensure-sandbox', () => ({
    // Two requests for the same project on this instance (the setup worker's included) share one provisioning.
    inFlight: new Map<string, Promise<EnsuredSandbox>>(),
    // Sandboxes this process has checked against the store since it started.
    refreshed: new Set<string>(),
  }));

export interface EnsuredSandbox {
  sandbox: Sandbox;
  /** True when the sandbox was created just now and filled from the file store. */
  rebuilt: boolean;
}

/**
 * The project's sandbox: the live one if it is still there, else a new one rebuilt from the
 * durable file store. Sandboxes expire and die; the stored files are what counts.
 */
export function ensureProjectSandbox(options: { db: Database; provider: SandboxProvider; project: ProjectRow }): Promise<EnsuredSandbox> {
  const { inFlight } = state();
  const key = options.project.id;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = provision(options).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function provision({ db, provider, project }: { db: Database; provider: SandboxProvider; project: ProjectRow }): Promise<EnsuredSandbox> {
  const { refreshed } = state();
  if (project.sandboxId) {
    const live = await provider.connect(project.sandboxId);
    if (live && (await live.isRunning())) {
      // The first time this process meets a sandbox that outlived a server (killed mid-save, say).
      if (!refreshed.has(live.id)) {
        await refreshSandboxFromStore({ db, sandbox: live, projectId: project.id });
        refreshed.add(live.id);
      }
      return { sandbox: live, rebuilt: false };
    }
  }
  const sandbox = await provider.create({ metadata: { projectId: project.id, ownerId: project.ownerId }, timeoutMs: SANDBOX_IDLE_TIMEOUT_MS }).catch((error: unknown) => {
    sandboxFailed({ provider: provider.name, operation: 'create', projectId: project.id, error });
    throw error;
  });
  try {
    for (const file of await snapshot({ db, projectId: project.id })) await sandbox.files.write(file.path, file.content);
    // Another instance may have rebuilt it meanwhile: only replace the id we started from.
    const [claimed] = await db
      .update(projects)
      .set({ sandboxId: sandbox.id })
      .where(and(eq(projects.id, project.id), project.sandboxId ? eq(projects.sandboxId, project.sandboxId) : isNull(projects.sandboxId)))
      .returning({ id: projects.id });
    if (!claimed) {
      await sandbox.kill();
      const [current] = await db.select().from(projects).where(eq(projects.id, project.id));
      if (!current) throw new AppError('NOT_FOUND', 'This project was deleted while its sandbox was being prepared.');
      return provision({ db, provider, project: current });
    }
    project.sandboxId = sandbox.id;
    refreshed.add(sandbox.id);
    domainLogger('sandbox').info({ event: 'sandbox_rebuilt', projectId: project.id, sandboxId: sandbox.id, provider: provider.name }, 'sandbox rebuilt from the file store');
    return { sandbox, rebuilt: true };
  } catch (error) {
    sandboxFailed({ provider: provider.name, operation: 'rebuild', projectId: project.id, error });
    await sandbox.kill().catch(() => {});
    throw error;
  }
}
