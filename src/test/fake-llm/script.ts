/**
 * The provider-neutral side of the fake LLM servers: what a script sees (the request, with its
 * messages normalised across OpenAI and Anthropic) and what it answers.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface FakeToolCall {
  /** Generated (`call_…` / `toolu_…`) when omitted. */
  id?: string;
  name: string;
  args: Record<string, unknown>;
}

/** A script's answer to one request. */
export interface FakeResponse {
  /** Streamed as given when an array; a string is split into words (leading spaces kept). */
  text?: string | string[];
  /** Emitted after the text; each one's JSON arguments are split over several chunks. */
  toolCalls?: FakeToolCall[];
  /** Wait before each streamed chunk (default 0), to test pacing and cancellation. */
  delayMs?: number;
  /** Reported token usage; estimated from the request and the answer (≈4 characters a token) when omitted. */
  usage?: Partial<{ inputTokens: number; outputTokens: number }>;
  /** Drop the connection after this many stream frames (a network failure mid-answer). */
  disconnectAfterFrames?: number;
  /** Answer with this HTTP error (in the provider's error body) instead. */
  error?: { status: number; message?: string; retryAfterSeconds?: number };
}

export interface FakeMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** The message's text parts joined (a tool result's content for `tool`). */
  text: string;
  /** On assistant messages that called tools. */
  toolCalls?: Required<FakeToolCall>[];
  /** On `tool` messages: the call this answers. */
  toolCallId?: string;
}

export interface FakeTool {
  name: string;
  description?: string;
  /** JSON Schema of the arguments. */
  parameters?: unknown;
}

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body exactly as received. */
  body: Record<string, unknown>;
  model: string;
  stream: boolean;
  messages: FakeMessage[];
  tools: FakeTool[];
}

export interface RecordedRequest extends FakeRequest {
  /** True when the connection closed before the answer was complete: a client abort (or `disconnectAfterFrames`). */
  aborted: boolean;
}

export type FakeScript = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

export interface FakeLlmServer {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** What to give a client as its base URL: `<url>/v1` for OpenAI, `<url>` for Anthropic. */
  baseUrl: string;
  /** Every chat request received, oldest first (`/v1/models` calls are not recorded). */
  requests: RecordedRequest[];
  /** The script answering the next requests; replace it between test steps. */
  script: FakeScript;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  script?: FakeScript;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

/** The text of a response as the chunks to stream. */
export function textChunks(text: FakeResponse['text']): string[] {
  if (text === undefined) return [];
  if (Array.isArray(text)) return text;
  return text.match(/\s*\S+\s*$|\s*\S+/g) ?? (text ? [text] : []);
}

/** JSON arguments split into (up to) three fragments, as providers stream them. */
export function argumentFragments(args: Record<string, unknown>): string[] {
  const json = JSON.stringify(args);
  const size = Math.max(1, Math.ceil(json.length / 3));
  const fragments: string[] = [];
  for (let start = 0; start < json.length; start += size) fragments.push(json.slice(start, start + size));
  return fragments.length > 0 ? fragments : [json];
}

const tokensOf = (text: string) => Math.max(1, Math.ceil(text.length / 4));

export function usageOf(request: FakeRequest, response: FakeResponse): { inputTokens: number; outputTokens: number } {
  const answer = textChunks(response.text).join('') + (response.toolCalls ?? []).map((call) => call.name + JSON.stringify(call.args)).join('');
  return {
    inputTokens: response.usage?.inputTokens ?? tokensOf(JSON.stringify(request.messages) + JSON.stringify(request.tools)),
    outputTokens: response.usage?.outputTokens ?? tokensOf(answer),
  };
}

export function lastMessage(request: FakeRequest, role?: FakeMessage['role']): FakeMessage | undefined {
  return request.messages.findLast((message) => role === undefined || message.role === role);
}

export const randomId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 14).padEnd(12, '0')}`;
