/**
 * Folders and files that are regenerated (installs, builds, caches) and so never stored: a lost
 * sandbox gets them back by reinstalling and rebuilding. A segment matching IGNORED_NAMES, at any
 * depth, ignores the whole path; the generic build folder names only at the project root, so a
 * source folder such as `src/build/` is kept. A project's own `.gitignore` is deliberately not read: one fixed
 * list is predictable, and a user's ignore rules can't make their own sources vanish from the store.
 */
const IGNORED_NAMES = new Set([
  'node_modules',
  '.git',
  '.next',
  '.svelte-kit',
  '.angular',
  '.nuxt',
  '.output',
  '.turbo',
  '.cache',
  '.vite',
  '.parcel-cache',
  '.pnpm-store',
  '.vercel',
  '.DS_Store',
  'Thumbs.db',
]);

/** A sandbox write in progress (see the local provider's atomic write). */
const WRITE_IN_PROGRESS = '.aura-tmp-';

/** Build output that frameworks write at the project root. */
const IGNORED_AT_ROOT = new Set(['dist', 'build', 'out', 'coverage']);

const IGNORED_EXTENSIONS = ['.log', '.tsbuildinfo'];

/** True when a relative POSIX path is dependency, build or OS output that the store does not keep. */
export function isIgnored(path: string): boolean {
  const segments = path.split('/');
  if (segments.length > 1 && IGNORED_AT_ROOT.has(segments[0]!)) return true;
  return segments.some(
    (segment) => IGNORED_NAMES.has(segment) || segment.startsWith(WRITE_IN_PROGRESS) || IGNORED_EXTENSIONS.some((extension) => segment.endsWith(extension)),
  );
}
