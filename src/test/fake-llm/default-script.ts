import { lastMessage, type FakeResponse, type FakeScript } from './script';

const CREATE = /\bcreate\s+(\S+)\s+with\s+([\s\S]+)$/i;

/**
 * The deterministic script `serve.ts` runs, for end-to-end tests of the agent UI. It reads the
 * last message of the conversation:
 *
 * - a user message `create <path> with <text>` → a `write_file` tool call `{ path, content: <text> }`
 *   (surrounding quotes or backticks on either are dropped);
 * - a tool result → the text `Done: created <path>.` for a write_file call, else `Done.`;
 * - anything else → `You said: <the user's last message>`, streamed word by word.
 *
 * `delayMs` paces every streamed chunk (default 0).
 */
export function createDefaultScript(options: { delayMs?: number } = {}): FakeScript {
  const delayMs = options.delayMs ?? 0;
  return (request): FakeResponse => {
    const last = lastMessage(request);
    if (last?.role === 'tool') {
      const call = request.messages.flatMap((message) => message.toolCalls ?? []).find((candidate) => candidate.id === last.toolCallId);
      const path = call?.name === 'write_file' ? call.args.path : undefined;
      return { text: typeof path === 'string' ? `Done: created ${path}.` : 'Done.', delayMs };
    }
    const said = lastMessage(request, 'user')?.text.trim() ?? '';
    const create = CREATE.exec(said);
    if (create) {
      return { toolCalls: [{ name: 'write_file', args: { path: unquote(create[1]!), content: unquote(create[2]!.trim()) } }], delayMs };
    }
    return { text: `You said: ${said || '(nothing)'}`, delayMs };
  };
}

function unquote(text: string): string {
  return /^(["'`]).*\1$/s.test(text) ? text.slice(1, -1) : text;
}
