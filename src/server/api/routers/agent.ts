import { tracked } from '@trpc/server';
import { approvalInput, createThreadInput, listThreadsInput, onEventsInput, renameThreadInput, revertInput, sendMessageInput, updateThreadInput, usageInput } from '@/lib/schemas/agent';
import { followThreadEvents } from '@/server/agent/events/stream';
import { describeModels } from '@/server/agent/models-info';
import { cancelRun } from '@/server/agent/runs/cancel-run';
import { resolveApproval } from '@/server/agent/runs/resolve-approval';
import { sendMessage } from '@/server/agent/runs/send-message';
import { createThread, deleteThread, listThreads, updateThread } from '@/server/agent/threads/manage-threads';
import { getThreadMessages } from '@/server/agent/threads/thread-messages';
import { threadView } from '@/server/agent/threads/thread-view';
import { revertTurn } from '@/server/agent/turns/revert-turn';
import { getUsage } from '@/server/agent/usage/usage';
import { projectProcedure, threadProcedure } from '../tiers';
import { createTRPCRouter, protectedProcedure } from '../trpc';

const threadsRouter = createTRPCRouter({
  list: projectProcedure.input(listThreadsInput).query(async ({ ctx }) => (await listThreads({ db: ctx.db, runtime: ctx.agent, projectId: ctx.project.id, userId: ctx.user.id })).map(threadView)),
  create: projectProcedure.input(createThreadInput).mutation(async ({ ctx, input }) => threadView(await createThread({ db: ctx.db, runtime: ctx.agent, project: ctx.project, userId: ctx.user.id, input }))),
  /** The thread and its conversation, for rendering. */
  get: threadProcedure.query(async ({ ctx }) => ({ thread: threadView(ctx.thread), messages: await getThreadMessages({ runtime: ctx.agent, thread: ctx.thread }) })),
  rename: threadProcedure.input(renameThreadInput).mutation(async ({ ctx, input }) => threadView(await updateThread({ db: ctx.db, runtime: ctx.agent, thread: ctx.thread, title: input.title }))),
  update: threadProcedure.input(updateThreadInput).mutation(async ({ ctx, input }) => threadView(await updateThread({ db: ctx.db, runtime: ctx.agent, thread: ctx.thread, modelId: input.modelId, approvalMode: input.approvalMode }))),
  delete: threadProcedure.mutation(({ ctx }) => deleteThread({ db: ctx.db, runtime: ctx.agent, thread: ctx.thread })),
});

/** The AI agent: threads on a project, runs streamed as typed events, approvals, revert and usage. */
export const agentRouter = createTRPCRouter({
  models: protectedProcedure.query(({ ctx }) => describeModels(ctx.agent)),
  threads: threadsRouter,
  /** Starts a run; output arrives on `onEvents`. PRECONDITION_FAILED when no model is configured. */
  send: threadProcedure.input(sendMessageInput).mutation(({ ctx, input }) =>
    sendMessage({ db: ctx.db, provider: ctx.sandboxes, runtime: ctx.agent, thread: ctx.thread, project: ctx.project, userId: ctx.user.id, input }),
  ),
  /** The thread's events after `lastEventId` (its seq), then live ones; each event's id is its seq. */
  onEvents: threadProcedure.input(onEventsInput).subscription(async function* ({ ctx, input, signal }) {
    const afterSeq = input.lastEventId ? Number(input.lastEventId) || 0 : 0;
    for await (const stored of followThreadEvents({ db: ctx.db, bus: ctx.agent.bus, threadId: ctx.thread.id, afterSeq, signal })) {
      yield tracked(String(stored.seq), stored.event);
    }
  }),
  cancel: threadProcedure.mutation(({ ctx }) => cancelRun({ db: ctx.db, runtime: ctx.agent, thread: ctx.thread })),
  approve: threadProcedure.input(approvalInput).mutation(({ ctx, input }) =>
    resolveApproval({ db: ctx.db, provider: ctx.sandboxes, runtime: ctx.agent, thread: ctx.thread, project: ctx.project, userId: ctx.user.id, decision: { approved: true, reason: input.reason } }),
  ),
  reject: threadProcedure.input(approvalInput).mutation(({ ctx, input }) =>
    resolveApproval({ db: ctx.db, provider: ctx.sandboxes, runtime: ctx.agent, thread: ctx.thread, project: ctx.project, userId: ctx.user.id, decision: { approved: false, reason: input.reason } }),
  ),
  /** Restores the files the agent changed since this message and drops the message and what followed. */
  revert: threadProcedure.input(revertInput).mutation(({ ctx, input }) =>
    revertTurn({ db: ctx.db, provider: ctx.sandboxes, runtime: ctx.agent, thread: ctx.thread, project: ctx.project, userId: ctx.user.id, turnId: input.turnId }),
  ),
  /** Tokens and cost: the caller's totals on the project, and on one thread when given. */
  usage: projectProcedure.input(usageInput).query(({ ctx, input }) => getUsage({ db: ctx.db, userId: ctx.user.id, projectId: ctx.project.id, threadId: input.threadId })),
});
