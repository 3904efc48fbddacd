import type { FileChange } from '@/lib/schemas/files';
import { getEventBus, type EventBus } from '@/server/events';

const topic = (projectId: string) => `project:${projectId}:files`;

/** Tells every open editor and file tree of the project (on any instance) what changed. */
export async function publishFileChanges(projectId: string, changes: FileChange[], bus: EventBus = getEventBus()): Promise<void> {
  for (const change of changes) await bus.publish(topic(projectId), change);
}

export function subscribeFileChanges(projectId: string, onChange: (change: FileChange) => void, bus: EventBus = getEventBus()): () => void {
  return bus.subscribe(topic(projectId), (event) => onChange(event as FileChange));
}
