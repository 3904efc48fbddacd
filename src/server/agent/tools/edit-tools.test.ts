import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDocumentationPath } from '@/lib/schemas/agent';
import { applyHunks, HunkError } from './edit-hunks';
import { capOutput } from './command-tool';
import { unifiedDiff } from './unified-diff';

describe('applyHunks', () => {
  it('applies hunks in order, each against the text the previous left', () => {
    expect(applyHunks('a\nb\nc\n', [{ search: 'b', replace: 'B' }, { search: 'B\nc', replace: 'B\nC' }])).toBe('a\nB\nC\n');
  });

  it('refuses a hunk that is missing, ambiguous or empty, naming it', () => {
    expect(() => applyHunks('x x', [{ search: 'x', replace: 'y' }])).toThrow(/Hunk 1 of 1: the search text occurs 2 times/);
    expect(() => applyHunks('abc', [{ search: 'b', replace: 'B' }, { search: 'q', replace: 'y' }])).toThrow(/Hunk 2 of 2: the search text was not found/);
    expect(() => applyHunks('abc', [{ search: '', replace: 'y' }])).toThrow(HunkError);
  });
});

describe('unifiedDiff', () => {
  it('shows a change with three lines of context', () => {
    const before = 'l1\nl2\nl3\nl4\nl5\nl6\nl7\n';
    const after = 'l1\nl2\nl3\nl4 changed\nl5\nl6\nl7\n';
    expect(unifiedDiff('f.txt', before, after)).toBe('--- a/f.txt\n+++ b/f.txt\n@@ -1,7 +1,7 @@\n l1\n l2\n l3\n-l4\n+l4 changed\n l5\n l6\n l7\n');
  });

  it('marks created and deleted files, and is empty when nothing changed', () => {
    expect(unifiedDiff('n.md', null, 'hi\n')).toBe('--- /dev/null\n+++ b/n.md\n@@ -0,0 +1,1 @@\n+hi\n');
    expect(unifiedDiff('n.md', 'hi\n', null)).toBe('--- a/n.md\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-hi\n');
    expect(unifiedDiff('n.md', 'same\n', 'same\n')).toBe('');
  });

  it('keeps every old line as context or removal, and every new line as context or addition', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const before = a.map((line) => `${line}\n`).join('');
        const after = b.map((line) => `${line}\n`).join('');
        const body = unifiedDiff('x', before, after).split('\n').filter((line) => /^[ +-](?!--|\+\+)/.test(line));
        // Hunks cover all changes; with full context the old/new sides rebuild the changed region.
        const removed = body.filter((line) => line.startsWith('-')).length;
        const added = body.filter((line) => line.startsWith('+')).length;
        return before === after ? body.length === 0 : removed <= a.length && added <= b.length && removed + added > 0;
      }),
    );
  });
});

describe('documentation paths', () => {
  it.each([
    ['README.md', true],
    ['docs/setup/guide.html', true],
    ['CHANGELOG', true],
    ['packages/ui/README', true],
    ['notes.txt', true],
    ['src/App.tsx', false],
    ['package.json', false],
    ['src/docs.ts', false],
  ])('%s → %s', (path, allowed) => expect(isDocumentationPath(path)).toBe(allowed));
});

it('caps command output, keeping its start and end', () => {
  const capped = capOutput('a'.repeat(50) + 'b'.repeat(50), 20);
  expect(capped.startsWith('a'.repeat(10))).toBe(true);
  expect(capped.endsWith('b'.repeat(10))).toBe(true);
  expect(capped).toContain('80 characters omitted');
});
