import { describe, expect, it } from 'vitest';
import { echoSandbox, outputText, takeOutput } from '@/test/echo-sandbox';
import { TerminalManager, type OutputChunk } from './manager';

const p1 = { projectId: 'p1', userId: 'u1' };
const p2 = { projectId: 'p2', userId: 'u1' };

describe('terminal output', () => {
  it('resumes after a reconnect from the last offset, with no byte lost or repeated', async () => {
    const manager = new TerminalManager();
    const { sandbox } = echoSandbox();
    const terminal = await manager.create({ ...p1, sandbox, cols: 80, rows: 24 });

    const first = manager.output(p1, terminal.id, 0);
    const pending = takeOutput(first, 10);
    await manager.input(p1, terminal.id, 'hello');
    await manager.input(p1, terminal.id, 'world');
    const seen = await pending;
    expect(outputText(seen)).toBe('helloworld');
    const lastId = seen.at(-1)!.offset;

    // Disconnected: output keeps coming while nobody listens.
    await manager.input(p1, terminal.id, '-missed-');
    await manager.input(p1, terminal.id, 'tail');

    const resumed = await takeOutput(manager.output(p1, terminal.id, lastId), 12);
    expect(outputText(resumed)).toBe('-missed-tail');
    expect(resumed.at(-1)!.offset).toBe(22);

    // A fresh page load (no last id) replays the whole scrollback.
    expect(outputText(await takeOutput(manager.output(p1, terminal.id, 0), 22))).toBe('helloworld-missed-tail');
  });

  it('resumes correctly from an offset inside a chunk', async () => {
    const manager = new TerminalManager();
    const { sandbox } = echoSandbox();
    const terminal = await manager.create({ ...p1, sandbox, cols: 80, rows: 24 });
    await manager.input(p1, terminal.id, 'abcdef');
    expect(outputText(await takeOutput(manager.output(p1, terminal.id, 2), 4))).toBe('cdef');
  });

  it('keeps terminals per project: another project cannot see or type into them', async () => {
    const manager = new TerminalManager();
    const { sandbox } = echoSandbox();
    const terminal = await manager.create({ ...p1, sandbox, cols: 80, rows: 24 });
    expect(await manager.list(p2)).toEqual([]);
    await expect(manager.input(p2, terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manager.kill(p2, terminal.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Nor can another user who names the right project.
    const mallory = { projectId: 'p1', userId: 'u2' };
    await expect(manager.output(mallory, terminal.id, 0).next()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(manager.input(mallory, terminal.id, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('ends the stream when the terminal exits, and refuses input after', async () => {
    const manager = new TerminalManager();
    const { sandbox, exit } = echoSandbox();
    const terminal = await manager.create({ ...p1, sandbox, cols: 80, rows: 24 });
    const stream = manager.output(p1, terminal.id, 0);
    const collected = (async () => {
      const chunks: OutputChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      return chunks;
    })();
    await manager.input(p1, terminal.id, 'bye');
    exit(101);
    expect(outputText(await collected)).toBe('bye');
    await expect(manager.input(p1, terminal.id, 'x')).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  });

  it('stops a stream when its signal aborts', async () => {
    const manager = new TerminalManager();
    const { sandbox } = echoSandbox();
    const terminal = await manager.create({ ...p1, sandbox, cols: 80, rows: 24 });
    const controller = new AbortController();
    const done = (async () => {
      for await (const _chunk of manager.output(p1, terminal.id, 0, controller.signal)) {
        // nothing is written
      }
      return 'ended';
    })();
    controller.abort();
    expect(await done).toBe('ended');
  });
});
