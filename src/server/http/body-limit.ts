import { FILE_CONTENT_PROCEDURES } from '@/lib/schemas/files';
import { AppError } from '@/server/errors';

const MiB = 1024 * 1024;

/** What one call may send: 1 MiB, or 16 MiB for the file procedures (10 MiB of content as base64, plus JSON). */
export const DEFAULT_BODY_LIMIT = MiB;
export const FILE_BODY_LIMIT = 16 * MiB;
/**
 * The most any one request may carry, a batch included. Next's proxy (src/proxy.ts) buffers every
 * body and passes on only the first `proxyClientMaxBodySize` bytes (10 MB by default, which cut
 * the 16 MiB file calls into a JSON parse error); next.config.mjs sets it one byte above this, so a
 * body over the limit still counts as over it here and gets a 413 instead of being truncated.
 */
export const MAX_REQUEST_BODY = FILE_BODY_LIMIT;
const LARGE_BODY_PROCEDURES = new Set<string>(FILE_CONTENT_PROCEDURES);

export const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');

/** A tRPC request's allowance: each procedure in a batch (`/api/trpc/a.b,c.d`) brings its own. */
export function trpcBodyLimit(pathname: string, endpoint: string): number {
  const procedures = decodeURIComponent(pathname.slice(endpoint.length + 1)).split(',');
  const allowance = procedures.reduce((sum, path) => sum + (LARGE_BODY_PROCEDURES.has(path) ? FILE_BODY_LIMIT : DEFAULT_BODY_LIMIT), 0);
  return Math.min(allowance, MAX_REQUEST_BODY);
}

/**
 * Reads a request body, stopping as soon as it passes `maxBytes` (a lying or missing
 * Content-Length does not help): throws PAYLOAD_TOO_LARGE.
 */
export async function readLimitedBody(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(new ArrayBuffer(size));
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
