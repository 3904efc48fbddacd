import { describe, expect, it } from 'vitest';
import type { WorkspaceClient } from '../client';
import { Documents, type EditorBridge } from './documents';

/** The editor's buffers, in memory. */
function memoryBridge(): EditorBridge {
  const buffers = new Map<string, { text: string; mark: number }>();
  return {
    load: (path, text) => void buffers.set(path, { text, mark: 0 }),
    read: (path) => buffers.get(path) ?? null,
    markSaved: () => {},
    dispose: (path) => void buffers.delete(path),
  };
}

/** What the files procedures answer over the wire, for one file. */
function fakeClient(save: { version: number; warning?: string }) {
  const file = { path: 'src/App.tsx', version: 1, size: 5, updatedAt: new Date(), content: 'hello', encoding: 'utf8' as const };
  return {
    files: {
      read: { query: async () => file },
      write: { mutate: async () => ({ path: file.path, version: save.version, size: 5, hash: 'h', changed: true, ...(save.warning ? { warning: save.warning } : {}) }) },
    },
  } as unknown as WorkspaceClient;
}

describe('saving in the editor', () => {
  it('tells the user when the save is stored but the sandbox was not updated', async () => {
    const documents = new Documents(fakeClient({ version: 2, warning: 'the running sandbox could not be updated.' }), 'p1');
    documents.attach(memoryBridge());
    await documents.open('src/App.tsx');
    await documents.save();
    expect(documents.get('src/App.tsx')).toMatchObject({ version: 2, saving: false });
    expect(documents.state.get().notice).toBe('Saved src/App.tsx, but the running sandbox could not be updated.');
  });

  it('says nothing when the save reached the sandbox too', async () => {
    const documents = new Documents(fakeClient({ version: 2 }), 'p1');
    documents.attach(memoryBridge());
    await documents.open('src/App.tsx');
    await documents.save();
    expect(documents.get('src/App.tsx')).toMatchObject({ version: 2 });
    expect(documents.state.get().notice).toBeNull();
  });
});
