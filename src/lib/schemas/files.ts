import { z } from 'zod';

export const FILE_SOURCES = ['editor', 'sandbox', 'agent', 'template', 'restore', 'upload'] as const;
export type FileSource = (typeof FILE_SOURCES)[number];

/** A change to a project's files, as the tree and the editor hear about it. */
export const fileChangeSchema = z.object({
  type: z.enum(['write', 'delete']),
  path: z.string(),
  /** The stored version after the change (the deletion's version for deletes). */
  version: z.number().int(),
  source: z.enum(FILE_SOURCES),
});
export type FileChange = z.infer<typeof fileChangeSchema>;

/**
 * Why a path's text cannot name a file, or null. Invisible format characters (Unicode Cf: zero-width
 * spaces, direction marks and overrides, BOMs) make two different names look the same; an unpaired
 * surrogate is not text at all. Shared by this schema, the sandbox path resolver and sync-back.
 */
export function pathTextProblem(text: string): string | null {
  if (/\p{Cf}/u.test(text)) return 'The path contains invisible formatting characters (such as a zero-width space or a text-direction mark).';
  if (/\p{Cs}/u.test(text)) return 'The path contains a broken character (an unpaired surrogate).';
  return null;
}

const projectId = z.uuid('Not a project id.');
/**
 * Normalised to NFC here, so `é` typed as one or two code points names one file. Checked further
 * on the server (no `..`, absolute paths, NUL bytes or links out).
 */
const path = z
  .string()
  .max(4096, 'The path is too long.')
  .superRefine((text, ctx) => {
    const problem = pathTextProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .normalize('NFC');
const encoding = z.enum(['utf8', 'base64']).default('utf8');
/** The version the client last saw; null when it expects to create the file. */
const expectedVersion = z.number().int().min(1).nullable().optional();

/** The procedures that carry file content, and so get the larger body allowance (see body-limit.ts). */
export const FILE_CONTENT_PROCEDURES = ['files.write', 'files.create', 'files.upload'] as const;

/** 10 MiB of file content, as base64 at most. */
const MAX_CONTENT_CHARS = Math.ceil((10 * 1024 * 1024 * 4) / 3) + 4;

export const fileTreeInput = z.object({ projectId, path: path.default('') });
export const filePathInput = z.object({ projectId, path });
export const writeFileInput = z.object({ projectId, path, content: z.string().max(MAX_CONTENT_CHARS, 'The file is larger than 10 MiB.'), encoding, expectedVersion });
export type WriteFileInput = z.infer<typeof writeFileInput>;
export const createFileInput = z.object({ projectId, path, content: z.string().max(MAX_CONTENT_CHARS, 'The file is larger than 10 MiB.').default(''), encoding });
export const renameFileInput = z.object({ projectId, from: path, to: path, expectedVersion: z.number().int().min(1).optional() });
export const deleteFileInput = z.object({ projectId, path, expectedVersion: z.number().int().min(1).optional() });
/** A dependency or build entry read from the sandbox (`files.ignored`): shown dimmed, never stored. */
export interface IgnoredEntry {
  path: string;
  name: string;
  kind: 'file' | 'folder';
  size: number;
}

export const restoreFileInput = z.object({ projectId, path, version: z.number().int().min(1) });

/** File content as it travels: text when the bytes are UTF-8, base64 otherwise. */
export interface FileContent {
  path: string;
  version: number;
  size: number;
  encoding: 'utf8' | 'base64';
  content: string;
  updatedAt: Date;
}
