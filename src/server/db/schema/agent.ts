import { bigint, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { AGENT_TYPES, APPROVAL_MODES, THREAD_STATES, type AgentToolCall, type AgentToolName } from '@/lib/schemas/agent';
import { createdAt, updatedAt } from './columns';
import { projects } from './projects';
import { sessions } from './sessions';
import { users } from './users';

/**
 * The seed's AIAgentSession: one conversation with an agent on a project. The conversation itself
 * (messages, pending interrupts) lives in LangGraph's checkpoint tables under `conversation_id`.
 */
export const agentThreads = pgTable(
  'agent_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The `ai-agent` workspace session that opened it, if any. */
    sessionId: uuid('session_id').references(() => sessions.id, { onDelete: 'set null' }),
    /** LangGraph's thread_id. */
    conversationId: uuid('conversation_id').notNull().defaultRandom(),
    agentType: text('agent_type', { enum: AGENT_TYPES }).notNull(),
    title: text('title').notNull(),
    modelId: text('model_id'),
    approvalMode: text('approval_mode', { enum: APPROVAL_MODES }).notNull().default('auto'),
    state: text('state', { enum: THREAD_STATES }).notNull().default('idle'),
    /** The tools this agent type may use (the seed's ToolConfiguration[]). */
    tools: jsonb('tools').$type<AgentToolName[]>().notNull(),
    /** Tool calls waiting for approve/reject, while state is awaiting_approval. */
    pendingApproval: jsonb('pending_approval').$type<AgentToolCall[] | null>(),
    lastError: text('last_error'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [index('agent_threads_project_idx').on(table.projectId, table.updatedAt)],
);

/** Everything a thread streamed, in order: what a reconnecting client (on any instance) replays. */
export const agentEvents = pgTable(
  'agent_events',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => agentThreads.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: jsonb('data').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.threadId, table.seq] })],
);

export interface TurnFileChange {
  path: string;
  /** The file's version before the turn touched it; null when the turn created it. */
  before: number | null;
  /** Its version after the turn's last change; null when the turn deleted it. */
  after: number | null;
}

/** One user message and what the agent changed answering it: what "revert to before this message" undoes. */
export const agentTurns = pgTable(
  'agent_turns',
  {
    /** Also the id of the user message in the conversation. */
    id: uuid('id').primaryKey(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => agentThreads.id, { onDelete: 'cascade' }),
    message: text('message').notNull(),
    fileChanges: jsonb('file_changes').$type<TurnFileChange[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (table) => [index('agent_turns_thread_idx').on(table.threadId, table.createdAt)],
);

/** Token usage and cost of each run, per user and project (kept when a thread is deleted). */
export const agentUsage = pgTable(
  'agent_usage',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    threadId: uuid('thread_id').references(() => agentThreads.id, { onDelete: 'set null' }),
    modelId: text('model_id').notNull(),
    inputTokens: integer('input_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
    costUsd: doublePrecision('cost_usd').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('agent_usage_project_idx').on(table.projectId), index('agent_usage_user_idx').on(table.userId), index('agent_usage_thread_idx').on(table.threadId)],
);

export type AgentThreadRow = typeof agentThreads.$inferSelect;
export type AgentTurnRow = typeof agentTurns.$inferSelect;
