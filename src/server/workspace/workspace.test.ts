import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createInnerContext } from '@/server/api/context';
import { createCaller } from '@/server/api/root';
import { LocalSandboxProvider } from '@/server/sandbox';
import { writeFile } from '@/server/files/write-file';
import { createTestDatabase } from '@/test/database';
import { createTestUser } from '@/test/users';
import { refreshSandboxFromStore } from './refresh-sandbox';

const { db } = await createTestDatabase();
const scratch = await mkdtemp(path.join(tmpdir(), 'aura-workspace-'));
let provider = new LocalSandboxProvider({ dataDir: scratch });
afterAll(async () => {
  await provider.shutdown();
  await rm(scratch, { recursive: true, force: true });
});

const owner = await createTestUser(db);
const api = () => createCaller(createInnerContext({ db, user: owner, sandboxes: provider }));

/** Runs a command in the project's sandbox and returns its output. */
async function run(projectId: string, command: string): Promise<string> {
  const result = await api().processes.run({ projectId, command });
  if (result.background) throw new Error('expected a foreground command');
  return result.stdout;
}

async function newProject(name: string) {
  return (await api().projects.create({ name, framework: 'react' })).project;
}

/** In-process callers get tRPC's tracked envelopes: [id, data]. */
async function* payloads<T>(stream: unknown): AsyncGenerator<T> {
  for await (const envelope of stream as AsyncIterable<[string, T]>) yield envelope[1];
}

async function readUntil(stream: unknown, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  let text = '';
  const started = Date.now();
  for await (const event of payloads<{ data: string }>(stream)) {
    text += Buffer.from(event.data, 'base64').toString();
    if (pattern.test(text)) return text;
    if (Date.now() - started > timeoutMs) break;
  }
  throw new Error(`never saw ${pattern} in:\n${text}`);
}

describe('project workspace (local sandbox)', () => {
  it('stores editor saves, writes them through to the sandbox, and refuses a stale save without losing data', async () => {
    const project = await newProject('Write through');
    const created = await api().files.create({ projectId: project.id, path: 'src/App.tsx', content: 'export const a = 1;\n' });
    expect(created.version).toBe(1);
    const session = await api().sessions.create({ projectId: project.id, type: 'editor' });
    // Where commands in the sandbox run: /home/user/project inside bubblewrap, the folder itself without it.
    expect(session.connectionDetails).toMatchObject({ provider: 'local', workdir: (await run(project.id, 'pwd')).trim() });

    const saved = await api().files.write({ projectId: project.id, path: 'src/App.tsx', content: 'export const a = 2;\n', expectedVersion: 1 });
    expect(saved.version).toBe(2);
    expect(await run(project.id, 'cat src/App.tsx')).toBe('export const a = 2;\n');

    await expect(api().files.write({ projectId: project.id, path: 'src/App.tsx', content: 'stale', expectedVersion: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api().files.read({ projectId: project.id, path: 'src/App.tsx' })).content).toBe('export const a = 2;\n');
  });

  it('stores a save the sandbox cannot take, and says so in the answer instead of hiding it', async () => {
    const project = await newProject('Write-through fails');
    await api().sessions.create({ projectId: project.id, type: 'editor' });
    // An empty folder lives only in the sandbox; the store happily takes a file of that name.
    await run(project.id, 'mkdir -p clash.txt');
    const saved = await api().files.create({ projectId: project.id, path: 'clash.txt', content: 'stored\n' });
    expect(saved).toMatchObject({ version: 1, warning: expect.stringContaining('could not be updated') });
    expect((await api().files.read({ projectId: project.id, path: 'clash.txt' })).content).toBe('stored\n');
    const clean = await api().files.create({ projectId: project.id, path: 'fine.txt', content: 'ok\n' });
    expect(clean).not.toHaveProperty('warning');
  });

  it('moves a file into a folder that does not exist yet, in the store and in the sandbox', async () => {
    const project = await newProject('Move into new folder');
    await api().sessions.create({ projectId: project.id, type: 'editor' });
    await api().files.create({ projectId: project.id, path: 'notes.md', content: 'moved\n' });
    await api().files.rename({ projectId: project.id, from: 'notes.md', to: 'docs/archive/notes.md' });
    expect((await api().files.read({ projectId: project.id, path: 'docs/archive/notes.md' })).content).toBe('moved\n');
    expect(await run(project.id, 'cat docs/archive/notes.md; test -e notes.md || echo gone')).toBe('moved\ngone\n');
  });

  it('lists dependency and build folders from the sandbox for the tree, one folder at a time', async () => {
    const project = await newProject('Ignored folders');
    await api().sessions.create({ projectId: project.id, type: 'editor' });
    await api().files.create({ projectId: project.id, path: 'src/main.ts', content: '' });
    await run(project.id, 'mkdir -p node_modules/left-pad dist && echo x > node_modules/left-pad/index.js && echo y > debug.log');
    const root = await api().files.ignored({ projectId: project.id });
    expect(root.map((entry) => `${entry.kind}:${entry.path}`).sort()).toEqual(['file:debug.log', 'folder:dist', 'folder:node_modules']);
    expect(await api().files.ignored({ projectId: project.id, path: 'node_modules' })).toEqual([expect.objectContaining({ path: 'node_modules/left-pad', kind: 'folder' })]);
    expect(await api().files.ignored({ projectId: project.id, path: 'node_modules/left-pad' })).toEqual([expect.objectContaining({ name: 'index.js', kind: 'file', size: 2 })]);
    await expect(api().files.ignored({ projectId: project.id, path: 'src' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(api().files.ignored({ projectId: project.id, path: '../node_modules' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('keeps the newest of many quick saves: the sandbox’s late echoes never undo one', async () => {
    const project = await newProject('Quick saves');
    await api().sessions.create({ projectId: project.id, type: 'editor' });
    let version: number | null = null;
    for (let i = 0; i < 10; i++) {
      version = (await api().files.write({ projectId: project.id, path: 'draft.md', content: `draft ${i}`, expectedVersion: version })).version;
      // Spread the saves over several of the watcher's flush windows.
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const file = await api().files.read({ projectId: project.id, path: 'draft.md' });
    expect(file).toMatchObject({ content: 'draft 9', version: 10 });
  });

  it('runs a terminal, and a file made in it reaches the store and the watchers', async () => {
    const project = await newProject('Terminal');
    await api().sessions.create({ projectId: project.id, type: 'editor' });
    const terminal = await api().terminals.create({ projectId: project.id, cols: 100, rows: 30 });
    const watch = await api().files.watch({ projectId: project.id });
    const output = await api().terminals.output({ projectId: project.id, terminalId: terminal.id });

    await api().terminals.write({ projectId: project.id, terminalId: terminal.id, data: 'echo $((6*7)); echo $TERM\r' });
    const seen = await readUntil(output, /42\r?\nxterm-256color/);
    expect(seen).toContain('42');

    await api().terminals.write({ projectId: project.id, terminalId: terminal.id, data: 'echo made-in-terminal > notes.txt\r' });
    const changes = payloads<{ type: string; path?: string }>(watch);
    // A stream starts with a resync (load the tree now), sent once the server listens.
    expect((await changes.next()).value).toEqual({ type: 'resync' });
    for await (const change of changes) {
      if (change.type === 'write' && change.path === 'notes.txt') break;
    }
    const stored = await api().files.read({ projectId: project.id, path: 'notes.txt' });
    expect(stored.content).toBe('made-in-terminal\n');
    await api().terminals.kill({ projectId: project.id, terminalId: terminal.id });
  });

  it('rebuilds a sandbox killed from outside, with every saved file intact; saves and terminals work in the new one', async () => {
    const project = await newProject('Rebuild');
    await api().files.create({ projectId: project.id, path: 'index.html', content: '<h1>kept</h1>' });
    const first = await api().sessions.create({ projectId: project.id, type: 'editor' });
    await provider.kill(first.connectionDetails.sandboxId);
    // The dying sandbox's files vanish under its watcher: that is no deletion of the user's files.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await api().files.read({ projectId: project.id, path: 'index.html' })).content).toBe('<h1>kept</h1>');

    const second = await api().sessions.create({ projectId: project.id, type: 'editor' });
    expect(second.connectionDetails.rebuilt).toBe(true);
    expect(second.connectionDetails.sandboxId).not.toBe(first.connectionDetails.sandboxId);
    expect(await run(project.id, 'cat index.html')).toBe('<h1>kept</h1>');

    // The rebuilt sandbox is fully usable: saves write through to it, and terminals run in it.
    const saved = await api().files.write({ projectId: project.id, path: 'index.html', content: '<h1>after</h1>', expectedVersion: 1 });
    expect(saved.version).toBe(2);
    expect(await run(project.id, 'cat index.html')).toBe('<h1>after</h1>');
    const terminal = await api().terminals.create({ projectId: project.id, cols: 80, rows: 24 });
    const output = await api().terminals.output({ projectId: project.id, terminalId: terminal.id });
    await api().terminals.write({ projectId: project.id, terminalId: terminal.id, data: 'cat index.html; echo; echo $((6*7))\r' });
    expect(await readUntil(output, /<h1>after<\/h1>\r?\n42/)).toContain('42');
    await api().terminals.kill({ projectId: project.id, terminalId: terminal.id });
  });

  it('recovers after a server restart: the sandbox comes back and the editor state is restored', async () => {
    const project = await newProject('Restart');
    await api().files.create({ projectId: project.id, path: 'src/main.ts', content: 'console.log(1)' });
    const opened = await api().sessions.create({ projectId: project.id, type: 'editor' });
    await api().sessions.update({ sessionId: opened.session.id, activeFiles: ['src/main.ts'] });

    await provider.shutdown();
    provider = new LocalSandboxProvider({ dataDir: scratch });

    const reopened = await api().sessions.create({ projectId: project.id, type: 'editor' });
    expect(reopened.editorSession?.activeFiles).toEqual(['src/main.ts']);
    expect(await run(project.id, 'cat src/main.ts')).toBe('console.log(1)');
  });

  it('brings a sandbox that outlived its server up to date: a stored save it missed is written, a newer sandbox change is kept', async () => {
    const project = await newProject('Refresh');
    await api().files.create({ projectId: project.id, path: 'saved.txt', content: 'v1' });
    await api().files.create({ projectId: project.id, path: 'edited.txt', content: 'store' });
    const opened = await api().sessions.create({ projectId: project.id, type: 'editor' });
    // A save stored by a server killed before its write-through, then a command's change in the sandbox.
    await writeFile({ db, projectId: project.id, path: 'saved.txt', content: new TextEncoder().encode('v2'), source: 'editor' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await run(project.id, 'printf sandbox > edited.txt');
    const sandbox = (await provider.connect(opened.connectionDetails.sandboxId))!;
    expect(await refreshSandboxFromStore({ db, sandbox, projectId: project.id })).toEqual(['saved.txt']);
    expect(await run(project.id, 'cat saved.txt edited.txt')).toBe('v2sandbox');
  });

  it('keeps binary files byte for byte through upload and download', async () => {
    const project = await newProject('Binary');
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    await api().files.upload({ projectId: project.id, path: 'assets/all-bytes.bin', content: bytes.toString('base64'), encoding: 'base64' });
    const read = await api().files.read({ projectId: project.id, path: 'assets/all-bytes.bin' });
    expect(read.encoding).toBe('base64');
    const download = await api().files.download({ projectId: project.id, path: 'assets/all-bytes.bin' });
    expect(Buffer.from(download.content, 'base64').equals(bytes)).toBe(true);
  });

  it.each(['../outside.txt', '/etc/passwd', 'src/\u0000.ts', 'C:\\Windows\\win.ini', '.git/config', 'a/../../b'])('refuses the hostile path %j with BAD_REQUEST', async (hostile) => {
    const project = await newProject(`Hostile ${Math.random().toString(36).slice(2, 8)}`);
    await expect(api().files.write({ projectId: project.id, path: hostile, content: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
