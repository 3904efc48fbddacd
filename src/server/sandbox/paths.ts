import { readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathTextProblem } from '@/lib/schemas/files';
import { AppError } from '@/server/errors';

const MAX_PATH_BYTES = 4096;
const MAX_SEGMENT_BYTES = 255;
// C0 controls (NUL included), DEL and C1 controls: never part of a real file name, and they
// corrupt terminals and logs when echoed back.
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;
// Bidirectional overrides make a name display differently from what it is ("Trojan Source").
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

export interface ResolveProjectPathOptions {
  /**
   * The path is about to be created, changed, renamed or removed: the project root itself,
   * a final `.`/`..`, and anything inside `.git` are refused as well.
   */
  write?: boolean;
}

/**
 * Normalises a user-supplied path to a clean relative POSIX path inside the project (`''` is the
 * root), or throws AppError('BAD_REQUEST'). Purely lexical: symbolic links are checked by
 * `assertInsideWorkspace` where the files are. Names that merely look encoded (`%2e%2e`, `..foo`,
 * `~`) are literal names inside the project and are allowed; nothing here decodes or expands.
 */
export function resolveProjectPath(userPath: string, options: ResolveProjectPathOptions = {}): string {
  if (typeof userPath !== 'string') refuse('A path must be text.');
  if (Buffer.byteLength(userPath) > MAX_PATH_BYTES) refuse(`The path is longer than ${MAX_PATH_BYTES} bytes.`);
  if (userPath.includes('\0')) refuse('The path contains a NUL byte.');
  if (CONTROL_CHARS.test(userPath)) refuse('The path contains control characters.');
  if (BIDI_CONTROLS.test(userPath)) refuse('The path contains invisible text-direction characters.');
  const problem = pathTextProblem(userPath);
  if (problem) refuse(problem);
  // One spelling per name: `é` as one code point or as `e` + accent is the same file.
  userPath = userPath.normalize('NFC');
  if (userPath.includes('\\')) refuse(`Use forward slashes (/) in paths; "${userPath}" contains a backslash.`);
  if (userPath.startsWith('/')) refuse(`"${userPath}" is absolute; paths are relative to the project folder.`);
  if (/^[a-zA-Z]:/.test(userPath)) refuse(`"${userPath}" looks like a Windows drive path; paths are relative to the project folder.`);

  const raw = userPath.split('/');
  const segments: string[] = [];
  for (const segment of raw) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) refuse(`"${userPath}" leads outside the project folder.`);
      segments.pop();
      continue;
    }
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) refuse(`A name in the path is longer than ${MAX_SEGMENT_BYTES} bytes.`);
    segments.push(segment);
  }

  if (options.write) {
    const last = raw.filter((segment) => segment !== '').at(-1);
    if (last === '.' || last === '..') refuse(`"${userPath}" ends in "${last}", which names a folder reference, not a file or folder.`);
    if (segments.length === 0) refuse('The project folder itself cannot be created, changed or removed.');
    // Git runs hooks and honours config from .git; changing it is a job for git in the terminal,
    // not for the editor or the agent's file tools.
    if (segments.some((segment) => segment.toLowerCase() === '.git')) {
      refuse(`"${userPath}" is inside .git; use git in the terminal to change the repository.`);
    }
  }
  return segments.join('/');
}

/**
 * For the local provider: resolves symbolic links in `candidateAbsolutePath` (through the deepest
 * part that exists; a path being created resolves through its parents) and refuses, with
 * AppError('FORBIDDEN'), anything whose real location is outside `rootRealPath` (which must
 * itself be a real path). Returns the real path.
 *
 * `followFinalLink: false` is for operations on the entry itself (rename, remove): a link is
 * renamed or deleted, never its target, so only its folder has to be inside.
 */
export async function assertInsideWorkspace(
  rootRealPath: string,
  candidateAbsolutePath: string,
  options: { followFinalLink?: boolean } = {},
): Promise<string> {
  const candidate = path.resolve(candidateAbsolutePath);
  let real: string;
  if (options.followFinalLink === false && candidate !== rootRealPath) {
    real = path.join(await realPathOfDeepestAncestor(path.dirname(candidate), 0), path.basename(candidate));
  } else {
    real = await realPathOfDeepestAncestor(candidate, 0);
  }
  if (real !== rootRealPath && !real.startsWith(rootRealPath + path.sep)) {
    // Never echo host paths: the message shows the path as the user named it.
    const shown = path.relative(rootRealPath, candidate) || '.';
    throw new AppError('FORBIDDEN', `"${shown}" points outside the project folder through a symbolic link, so it can't be used.`);
  }
  return real;
}

const MAX_LINK_HOPS = 40;

async function realPathOfDeepestAncestor(target: string, hops: number): Promise<string> {
  try {
    return await realpath(target);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  // A dangling link must be judged by where it points, since writing through it creates its target.
  const link = await readlink(target).catch(() => null);
  if (link !== null) {
    if (hops >= MAX_LINK_HOPS) throw new AppError('BAD_REQUEST', 'Too many levels of symbolic links.');
    return realPathOfDeepestAncestor(path.resolve(path.dirname(target), link), hops + 1);
  }
  const parent = path.dirname(target);
  if (parent === target) return target;
  return path.join(await realPathOfDeepestAncestor(parent, hops), path.basename(target));
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function refuse(message: string): never {
  throw new AppError('BAD_REQUEST', message);
}
