import { z } from 'zod';

export const AGENT_TYPES = ['general', 'code-reviewer', 'debugger', 'documentation'] as const;
export const agentTypeSchema = z.enum(AGENT_TYPES);
export type AgentType = z.infer<typeof agentTypeSchema>;

export const AGENT_TOOL_NAMES = ['list_files', 'read_file', 'search', 'write_file', 'edit_file', 'run_command'] as const;
export const agentToolNameSchema = z.enum(AGENT_TOOL_NAMES);
export type AgentToolName = z.infer<typeof agentToolNameSchema>;

/** `auto`: tools run at once; `ask`: writes, edits and commands wait for approve/reject. */
export const APPROVAL_MODES = ['auto', 'ask'] as const;
export const approvalModeSchema = z.enum(APPROVAL_MODES);
export type ApprovalMode = z.infer<typeof approvalModeSchema>;

export const THREAD_STATES = ['idle', 'running', 'awaiting_approval', 'error'] as const;
export type ThreadState = (typeof THREAD_STATES)[number];

const projectId = z.uuid('Not a project id.');
const threadId = z.uuid('Not a thread id.');
const title = z.string().trim().min(1, 'Give the thread a title.').max(120, 'Use at most 120 characters.');

export const threadIdInput = z.object({ threadId });
export const listThreadsInput = z.object({ projectId });
export const createThreadInput = z.object({
  projectId,
  agentType: agentTypeSchema.default('general'),
  title: title.optional(),
  /** A model id from `agent.models`; the deployment's default when absent. */
  modelId: z.string().max(200).optional(),
  approvalMode: approvalModeSchema.default('auto'),
});
export type CreateThreadInput = z.infer<typeof createThreadInput>;
export const renameThreadInput = z.object({ threadId, title });
export const updateThreadInput = z.object({ threadId, modelId: z.string().max(200).optional(), approvalMode: approvalModeSchema.optional() });

/** The editor's state when the message was sent: the open file and what is selected in it. */
export const openFileContextSchema = z.object({
  path: z.string().max(4096),
  /** 1-based, inclusive lines. */
  selection: z.object({ startLine: z.number().int().min(1), endLine: z.number().int().min(1), text: z.string().max(20_000).optional() }).optional(),
});

export const sendMessageInput = z.object({
  threadId,
  message: z.string().trim().min(1, 'Write a message.').max(20_000, 'The message is too long.'),
  openFile: openFileContextSchema.optional(),
  /** Adds the recent output of the project's terminals to the context. */
  includeTerminalOutput: z.boolean().default(false),
});
export type SendMessageInput = z.infer<typeof sendMessageInput>;

export const approvalInput = z.object({ threadId, reason: z.string().max(2000).optional() });
export const revertInput = z.object({ threadId, turnId: z.uuid('Not a message id.') });
export const onEventsInput = z.object({ threadId, lastEventId: z.string().nullish() });
export const usageInput = z.object({ projectId, threadId: threadId.optional() });

const toolCallSchema = z.object({ id: z.string(), name: z.string(), args: z.record(z.string(), z.unknown()) });
export type AgentToolCall = z.infer<typeof toolCallSchema>;

/** What the agent panel hears while a thread runs. Each event carries the thread's `seq` as its tracked id. */
export const agentEventSchema = z.discriminatedUnion('type', [
  /** A run started (a message was sent, or an approval resumed it). */
  z.object({ type: z.literal('run_started'), runId: z.string(), turnId: z.string() }),
  /** Streamed model text (deltas are coalesced a little). */
  z.object({ type: z.literal('token'), text: z.string() }),
  z.object({ type: z.literal('tool_call'), call: toolCallSchema }),
  z.object({ type: z.literal('tool_result'), callId: z.string(), name: z.string(), ok: z.boolean(), output: z.string() }),
  z.object({
    type: z.literal('file_changed'),
    path: z.string(),
    change: z.enum(['created', 'modified', 'deleted']),
    beforeVersion: z.number().int().nullable(),
    afterVersion: z.number().int().nullable(),
    diff: z.string(),
  }),
  z.object({ type: z.literal('approval_required'), calls: z.array(toolCallSchema) }),
  z.object({ type: z.literal('approval_resolved'), approved: z.boolean(), reason: z.string().optional() }),
  z.object({ type: z.literal('usage'), inputTokens: z.number().int(), outputTokens: z.number().int(), costUsd: z.number() }),
  z.object({ type: z.literal('done'), reason: z.enum(['completed', 'cancelled', 'awaiting_approval']) }),
  z.object({ type: z.literal('error'), message: z.string() }),
  /** History changed underneath (revert): reload `threads.get`. */
  z.object({ type: z.literal('reverted'), turnId: z.string() }),
]);
export type AgentEvent = z.infer<typeof agentEventSchema>;

/** A message of the thread, as the panel renders it. */
export const threadMessageSchema = z.object({
  id: z.string(),
  role: z.enum(['user', 'assistant', 'tool']),
  content: z.string(),
  toolCalls: z.array(toolCallSchema).optional(),
  toolCallId: z.string().optional(),
  toolName: z.string().optional(),
  /** For user messages: the turn id, which `revert` takes. */
  turnId: z.string().optional(),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

/** Paths the documentation agent may write: markdown/text files, READMEs, CHANGELOGs and anything under docs/. */
export function isDocumentationPath(path: string): boolean {
  const clean = path.replace(/^\.?\/+/, '');
  const name = clean.split('/').at(-1) ?? '';
  return /\.(md|mdx|txt)$/i.test(name) || /^(README|CHANGELOG)([.-].*)?$/i.test(name) || /^docs\//.test(clean);
}

/** An agent thread as clients see it (the seed's AIAgentSession). */
export const agentThreadSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  sessionId: z.uuid().nullable(),
  agentType: agentTypeSchema,
  title: z.string(),
  modelId: z.string().nullable(),
  approvalMode: approvalModeSchema,
  state: z.enum(THREAD_STATES),
  tools: z.array(agentToolNameSchema),
  pendingApproval: z.array(toolCallSchema).nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
