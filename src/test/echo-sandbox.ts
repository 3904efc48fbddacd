import type { PtyOptions, Sandbox } from '@/server/sandbox/types';
import type { OutputChunk } from '@/server/terminals/manager';

/** A sandbox whose single PTY echoes input back, so tests control exactly what is written. */
export function echoSandbox() {
  const ptys = new Map<number, PtyOptions>();
  let next = 100;
  const sandbox = {
    pty: {
      async create(options: PtyOptions) {
        ptys.set(++next, options);
        return { pid: next };
      },
      async sendInput(pid: number, data: Uint8Array | string) {
        ptys.get(pid)!.onData(typeof data === 'string' ? new TextEncoder().encode(data) : data);
      },
      async resize() {},
      async kill(pid: number) {
        ptys.get(pid)!.onExit?.(0);
        return true;
      },
    },
  } as unknown as Sandbox;
  return { sandbox, exit: (pid: number) => ptys.get(pid)?.onExit?.(0) };
}

/** The text of some output chunks, in order. */
export const outputText = (chunks: OutputChunk[]) => Buffer.concat(chunks.map((chunk) => chunk.data)).toString();

/** Reads a terminal's output stream until at least `bytes` have arrived. */
export async function takeOutput(stream: AsyncGenerator<OutputChunk>, bytes: number): Promise<OutputChunk[]> {
  const chunks: OutputChunk[] = [];
  let total = 0;
  for await (const chunk of stream) {
    chunks.push(chunk);
    total += chunk.data.byteLength;
    if (total >= bytes) break;
  }
  return chunks;
}
