import { AIMessage, HumanMessage, ToolMessage, isToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { answerDanglingToolCalls, digestOmitted, fitHistory } from './history';

describe('conversation history for the model', () => {
  it('answers tool calls left without a result (a cancelled run)', () => {
    const messages = [new HumanMessage('go'), new AIMessage({ content: '', tool_calls: [{ id: 'a', name: 'run_command', args: {} }] }), new HumanMessage('next')];
    const fixed = answerDanglingToolCalls(messages);
    expect(fixed).toHaveLength(4);
    expect(isToolMessage(fixed[2]!) && fixed[2].tool_call_id).toBe('a');
  });

  it('keeps the most recent turns that fit, cut at a user message', () => {
    const turn = (index: number) => [new HumanMessage(`question ${index} ${'x'.repeat(400)}`), new AIMessage(`answer ${index} ${'y'.repeat(400)}`)];
    const messages = [1, 2, 3, 4, 5].flatMap(turn);
    const { messages: kept, omitted } = fitHistory(messages, 300);
    expect(omitted).toBe(8);
    expect(kept.map((message) => String(message.content).split(' ').slice(0, 2).join(' '))).toEqual(['question 5', 'answer 5']);
  });

  it('shortens huge tool results when even the last turn does not fit', () => {
    const messages = [new HumanMessage('read'), new AIMessage({ content: '', tool_calls: [{ id: 't', name: 'read_file', args: {} }] }), new ToolMessage({ content: 'z'.repeat(100_000), tool_call_id: 't' })];
    const { messages: kept } = fitHistory(messages, 1000);
    expect(kept).toHaveLength(3);
    expect(String(kept[2]!.content).length).toBeLessThan(10_000);
  });
});

describe('digest of left-out turns', () => {
  it('keeps what the user asked and which files were changed', () => {
    const digest = digestOmitted([
      new HumanMessage('Add   a\nlogin page'),
      new AIMessage({ content: '', tool_calls: [{ id: '1', name: 'write_file', args: { path: 'src/Login.tsx' } }, { id: '2', name: 'read_file', args: { path: 'x' } }] }),
      new ToolMessage({ content: 'ok', tool_call_id: '1' }),
    ]);
    expect(digest).toBe('- The user asked: Add a login page\n  - You changed: src/Login.tsx');
  });
});
