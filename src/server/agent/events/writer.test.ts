import { describe, expect, it } from 'vitest';
import { createAgentHarness } from '../testing/harness';
import { RunEventWriter } from './writer';

const h = await createAgentHarness();

describe('run event writer', () => {
  it('sends the first words of an answer at once, coalesces the rest, and keeps every event in order', async () => {
    const project = await h.newProject();
    const thread = await h.api().agent.threads.create({ projectId: project.id });
    const writer = new RunEventWriter({ db: h.db, bus: h.runtime.bus, threadId: thread.id });

    await writer.emit({ type: 'token', text: 'Hello' });
    // Stored before the coalescing window has passed: the answer shows up without waiting for it.
    expect(await h.events(thread.id)).toEqual([{ type: 'token', text: 'Hello' }]);

    for (const word of [' there', ',', ' friend']) await writer.emit({ type: 'token', text: word });
    await writer.emit({ type: 'tool_call', call: { id: 'c1', name: 'read_file', args: { path: 'a.ts' } } });
    await writer.emit({ type: 'token', text: 'Next' });
    await writer.emit({ type: 'token', text: ' part' });
    await writer.close();

    expect(await h.events(thread.id)).toEqual([
      { type: 'token', text: 'Hello' },
      { type: 'token', text: ' there, friend' },
      { type: 'tool_call', call: { id: 'c1', name: 'read_file', args: { path: 'a.ts' } } },
      { type: 'token', text: 'Next' },
      { type: 'token', text: ' part' },
    ]);
  });
});
