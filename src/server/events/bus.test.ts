import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryBus, createRedisBus, type EventBus } from './bus';
import { createMessageSigner } from './signing';

const key = randomBytes(32);
const signer = () => createMessageSigner(key);

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
};

describe.each([
  ['memory', () => createMemoryBus()],
  ['redis', () => createRedisBus('redis://127.0.0.1:6379', `aura-test-${randomBytes(4).toString('hex')}:`, signer())],
] as const)('event bus (%s)', (_name, make) => {
  const buses: EventBus[] = [];
  afterAll(() => Promise.all(buses.map((bus) => bus.close())));
  const bus = () => {
    const created = make();
    buses.push(created);
    return created;
  };

  it('delivers events to every subscriber of the topic, and not to others', async () => {
    const one = bus();
    const seen: unknown[] = [];
    const other: unknown[] = [];
    one.subscribe('project:a', (event) => seen.push(event));
    one.subscribe('project:b', (event) => other.push(event));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await one.publish('project:a', { path: 'src/App.tsx', version: 2 });
    await waitFor(() => seen.length === 1);
    expect(seen).toEqual([{ path: 'src/App.tsx', version: 2 }]);
    expect(other).toEqual([]);
  });

  it('stops delivering after unsubscribe', async () => {
    const one = bus();
    const seen: unknown[] = [];
    const unsubscribe = one.subscribe('topic', (event) => seen.push(event));
    await new Promise((resolve) => setTimeout(resolve, 100));
    unsubscribe();
    await one.publish('topic', 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([]);
  });
});

describe('event bus across instances (redis)', () => {
  it('delivers an event published on one instance to a subscriber on another', async () => {
    const prefix = `aura-test-${randomBytes(4).toString('hex')}:`;
    const a = createRedisBus('redis://127.0.0.1:6379', prefix, signer());
    const b = createRedisBus('redis://127.0.0.1:6379', prefix, signer());
    try {
      const seen: unknown[] = [];
      b.subscribe('files', (event) => seen.push(event));
      // The other instance's subscription becomes live asynchronously: publish until it is heard.
      for (let i = 0; i < 50 && seen.length === 0; i++) {
        await a.publish('files', { type: 'write' });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(seen[0]).toEqual({ type: 'write' });
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('bus message signing', () => {
  it('accepts a sealed message once, on its own topic, while it is fresh', () => {
    let now = 1_000_000;
    const sender = createMessageSigner(key, () => now);
    const receiver = createMessageSigner(key, () => now);
    const sealed = sender.seal('terminals:instance:a', { op: 'input', data: 'ls\n' });
    expect(receiver.open('terminals:instance:b', sealed)).toEqual({ ok: false, reason: 'bad-mac' });
    expect(receiver.open('terminals:instance:a', sealed)).toEqual({ ok: true, event: { op: 'input', data: 'ls\n' } });
    expect(receiver.open('terminals:instance:a', sealed)).toEqual({ ok: false, reason: 'replayed' });
    const late = sender.seal('t', 1);
    now += 31_000;
    expect(receiver.open('t', late)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses unsigned, tampered and foreign-key messages', () => {
    const receiver = createMessageSigner(key);
    const sealed = createMessageSigner(key).seal('t', { data: 'ls' });
    expect(receiver.open('t', sealed.replace('"ls"', '"rm -rf ~"'))).toEqual({ ok: false, reason: 'bad-mac' });
    expect(receiver.open('t', createMessageSigner(randomBytes(32)).seal('t', { data: 'ls' }))).toEqual({ ok: false, reason: 'bad-mac' });
    expect(receiver.open('t', JSON.stringify({ data: 'ls' }))).toEqual({ ok: false, reason: 'malformed' });
    expect(receiver.open('t', 'PING')).toEqual({ ok: false, reason: 'malformed' });
  });
});
