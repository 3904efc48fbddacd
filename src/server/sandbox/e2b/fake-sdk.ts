import type { FilesystemEvent } from 'e2b';
import { vi } from 'vitest';
import type { E2BClient, E2BSandboxInstance } from './client';
import { E2BSandboxProvider } from './provider';

const WORKDIR = '/home/user/project';

/** A command handle as the SDK returns it: streams output through the callbacks, then settles. */
export function fakeHandle(pid: number, outcome: () => Promise<{ exitCode: number; stdout: string; stderr: string }>) {
  return { pid, wait: vi.fn(outcome), kill: vi.fn(async () => true) };
}

/** A fake SDK sandbox that records calls; nothing here touches the network. */
export function fakeSdk(sandboxId = 'sbx-fake') {
  let watchCallback: ((event: FilesystemEvent) => void) | undefined;
  const sdk = {
    sandboxId,
    files: {
      list: vi.fn(async () => [
        { name: 'App.tsx', path: `${WORKDIR}/src/App.tsx`, type: 'file', size: 10, modifiedTime: new Date(5) },
        { name: 'lib', path: `${WORKDIR}/src/lib`, type: 'dir', size: 0 },
        { name: 'escaped', path: '/home/user/other', type: 'file', size: 1 },
      ]),
      read: vi.fn(async () => new Uint8Array([1, 2, 3])),
      write: vi.fn(async (path: string) => ({ name: path.split('/').at(-1), path })),
      makeDir: vi.fn(async () => true),
      rename: vi.fn(async () => ({})),
      remove: vi.fn(async () => {}),
      exists: vi.fn(async () => true),
      watchDir: vi.fn(async (_path: string, onEvent: (event: FilesystemEvent) => void) => {
        watchCallback = onEvent;
        return { stop: vi.fn(async () => {}) };
      }),
    },
    commands: {
      run: vi.fn(async (_cmd: string, options: { onStdout?: (chunk: string) => void }) => {
        options.onStdout?.('out');
        return fakeHandle(42, async () => ({ exitCode: 0, stdout: 'out', stderr: '' }));
      }),
      list: vi.fn(async () => [{ pid: 42, cmd: '/bin/bash', args: ['-l', '-c', 'npm run dev'], envs: {} }]),
      kill: vi.fn(async () => true),
    },
    pty: {
      create: vi.fn(async () => fakeHandle(7, () => new Promise(() => {}))),
      sendInput: vi.fn(async () => {}),
      resize: vi.fn(async () => {}),
      kill: vi.fn(async () => true),
    },
    setTimeout: vi.fn(async () => {}),
    isRunning: vi.fn(async () => true),
    kill: vi.fn(async () => {}),
    getHost: vi.fn((port: number) => `${port}-${sandboxId}.e2b.app`),
    emit: (event: FilesystemEvent) => watchCallback?.(event),
  };
  return sdk;
}

/** A provider over a fake SDK, with the fakes to assert on. */
export function setup() {
  const sdk = fakeSdk();
  const client = {
    create: vi.fn(async () => sdk as unknown as E2BSandboxInstance),
    connect: vi.fn(async () => sdk as unknown as E2BSandboxInstance),
    kill: vi.fn(async () => true),
  } satisfies E2BClient;
  return { sdk, client, provider: new E2BSandboxProvider({ apiKey: 'test-key', client }) };
}
