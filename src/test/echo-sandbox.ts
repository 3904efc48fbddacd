import type { PtyOptions, Sandbox } from '@/server/sandbox/types';

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
