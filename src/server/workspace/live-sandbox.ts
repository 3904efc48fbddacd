import type { ProjectRow } from '@/server/db/schema';
import { processSingleton } from '@/server/registry';
import type { Sandbox, SandboxProvider } from '@/server/sandbox/types';

// Reconnecting is a network round trip for e2b; handles are reused while their sandbox lives.
const liveHandles = () => processSingleton('workspace.live-sandboxes', () => new Map<string, Sandbox>());

/** The project's sandbox if one is running now, without starting one. */
export async function liveSandbox(provider: SandboxProvider, project: Pick<ProjectRow, 'sandboxId'>): Promise<Sandbox | null> {
  if (!project.sandboxId) return null;
  const handles = liveHandles();
  let sandbox = handles.get(project.sandboxId) ?? (await provider.connect(project.sandboxId));
  if (sandbox && !(await sandbox.isRunning().catch(() => false))) sandbox = null;
  if (sandbox) handles.set(project.sandboxId, sandbox);
  else handles.delete(project.sandboxId);
  return sandbox;
}
