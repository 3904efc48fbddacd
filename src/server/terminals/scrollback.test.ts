import { describe, expect, it } from 'vitest';
import { Scrollback } from './scrollback';

const bytes = (text: string) => new TextEncoder().encode(text);
const joined = (chunks: { data: Uint8Array }[]) => new TextDecoder().decode(Buffer.concat(chunks.map((chunk) => chunk.data)));

describe('terminal scrollback', () => {
  it('replays exactly the bytes after an offset, even from inside a chunk', () => {
    const scrollback = new Scrollback(1024);
    scrollback.append(bytes('hello '));
    scrollback.append(bytes('world\r\n'));
    expect(joined(scrollback.since(0).chunks)).toBe('hello world\r\n');
    expect(joined(scrollback.since(3).chunks)).toBe('lo world\r\n');
    expect(joined(scrollback.since(6).chunks)).toBe('world\r\n');
    expect(scrollback.since(scrollback.end).chunks).toEqual([]);
  });

  it('drops the oldest output past its capacity and says how much a late reader lost', () => {
    const scrollback = new Scrollback(10);
    for (const word of ['aaaa', 'bbbb', 'cccc', 'dddd']) scrollback.append(bytes(word));
    const { chunks, lost } = scrollback.since(2);
    expect(joined(chunks)).toBe('ccccdddd');
    expect(lost).toBe(6);
    expect(scrollback.end).toBe(16);
  });
});
