import { randomUUID } from 'node:crypto';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { createFileInput, deleteFileInput, filePathInput, fileTreeInput, renameFileInput, restoreFileInput, writeFileInput, type FileChange } from '@/lib/schemas/files';
import { projectIdInput } from '@/lib/schemas/projects';
import type { Database } from '@/server/db/client';
import type { ProjectRow } from '@/server/db/schema';
import type { SandboxProvider } from '@/server/sandbox/types';
import { eventStream } from '@/server/events/stream';
import { decodeContent } from '@/server/workspace/encoding';
import { subscribeFileChanges } from '@/server/workspace/file-events';
import { listIgnoredEntries } from '@/server/workspace/ignored-entries';
import * as files from '@/server/workspace/project-files';
import { projectProcedure } from '../tiers';
import { createTRPCRouter } from '../trpc';

/** Files of a project: the durable store, written through to its sandbox. Paths are relative to the project. */
export const filesRouter = createTRPCRouter({
  tree: projectProcedure.input(fileTreeInput).query(({ ctx, input }) => files.listProjectFiles({ ...target(ctx), path: input.path })),
  /** Dependency and build folders, from the running sandbox: the root's ignored entries, or one ignored folder's. */
  ignored: projectProcedure.input(fileTreeInput).query(({ ctx, input }) => listIgnoredEntries({ provider: ctx.sandboxes, project: ctx.project, path: input.path })),
  read: projectProcedure.input(filePathInput).query(({ ctx, input }) => files.readProjectFile({ ...target(ctx), path: input.path })),
  write: projectProcedure.input(writeFileInput).mutation(({ ctx, input }) =>
    files.saveProjectFile({ ...target(ctx), path: input.path, content: decodeContent(input.content, input.encoding), expectedVersion: input.expectedVersion, source: 'editor' }),
  ),
  create: projectProcedure.input(createFileInput).mutation(({ ctx, input }) =>
    files.saveProjectFile({ ...target(ctx), path: input.path, content: decodeContent(input.content, input.encoding), expectedVersion: null, source: 'editor' }),
  ),
  upload: projectProcedure.input(createFileInput.extend({ encoding: z.literal('base64') })).mutation(({ ctx, input }) =>
    files.saveProjectFile({ ...target(ctx), path: input.path, content: decodeContent(input.content, 'base64'), source: 'upload' }),
  ),
  download: projectProcedure.input(filePathInput).query(async ({ ctx, input }) => {
    const file = await files.readProjectFile({ ...target(ctx), path: input.path });
    const bytes = decodeContent(file.content, file.encoding);
    return { ...file, encoding: 'base64' as const, content: Buffer.from(bytes).toString('base64'), name: file.path.split('/').at(-1)! };
  }),
  mkdir: projectProcedure.input(filePathInput).mutation(({ ctx, input }) => files.makeProjectDir({ ...target(ctx), path: input.path })),
  rename: projectProcedure.input(renameFileInput).mutation(({ ctx, input }) => files.renameProjectFile({ ...target(ctx), from: input.from, to: input.to, expectedVersion: input.expectedVersion, source: 'editor' })),
  delete: projectProcedure.input(deleteFileInput).mutation(({ ctx, input }) => files.deleteProjectFile({ ...target(ctx), path: input.path, expectedVersion: input.expectedVersion, source: 'editor' })),
  versions: projectProcedure.input(filePathInput).query(({ ctx, input }) => files.listProjectFileVersions({ ...target(ctx), path: input.path })),
  restore: projectProcedure.input(restoreFileInput).mutation(({ ctx, input }) => files.restoreProjectFile({ ...target(ctx), path: input.path, version: input.version })),
  /**
   * Live changes from editors, the terminal and the agent. Every stream, first or reconnected,
   * starts with a `resync` sent once this server listens: whatever changed before that is in the
   * store, so the client loads the tree then, and no change falls between its load and the stream.
   */
  watch: projectProcedure.input(projectIdInput.extend({ lastEventId: z.string().nullish() })).subscription(async function* ({ ctx, signal }) {
    const changes = eventStream<FileChange>((push) => subscribeFileChanges(ctx.project.id, push), signal);
    try {
      yield tracked(randomUUID(), { type: 'resync' as const });
      for await (const change of changes) yield tracked(randomUUID(), change);
    } finally {
      await changes.return(undefined);
    }
  }),
});

function target(ctx: { db: Database; sandboxes: SandboxProvider; project: ProjectRow; user: { id: string } }) {
  return { db: ctx.db, provider: ctx.sandboxes, project: ctx.project, userId: ctx.user.id };
}
