import { brandError } from '@/server/errors';

export interface EditHunk {
  search: string;
  replace: string;
}

const hunkErrorBrand = brandError<HunkError>('HunkError');

export class HunkError extends Error {
  constructor(message: string) {
    super(message);
    hunkErrorBrand.mark(this);
  }
}

export const isHunkError = hunkErrorBrand.is;

/**
 * Applies exact search/replace hunks in order. A hunk whose `search` text is not found exactly
 * once (in the text as the earlier hunks left it) fails the whole edit, saying which and why, so
 * the model can re-read the file and retry instead of editing the wrong place.
 */
export function applyHunks(text: string, hunks: EditHunk[]): string {
  let result = text;
  hunks.forEach((hunk, index) => {
    const label = `Hunk ${index + 1} of ${hunks.length}`;
    if (hunk.search === '') throw new HunkError(`${label}: the search text is empty.`);
    const first = result.indexOf(hunk.search);
    if (first === -1) throw new HunkError(`${label}: the search text was not found. Read the file again and copy the exact lines, including whitespace.`);
    const count = countOccurrences(result, hunk.search);
    if (count > 1) throw new HunkError(`${label}: the search text occurs ${count} times; add surrounding lines so it matches exactly once.`);
    result = result.slice(0, first) + hunk.replace + result.slice(first + hunk.search.length);
  });
  return result;
}

function countOccurrences(text: string, search: string): number {
  let count = 0;
  for (let at = text.indexOf(search); at !== -1; at = text.indexOf(search, at + 1)) count++;
  return count;
}
