import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '@/env';

/**
 * Proof that the preview label on a request was set by src/proxy.ts for a request that arrived on
 * that preview host, not sent by a client to Aura's own origin. It lives only between the proxy
 * and the preview route, which removes it before anything is forwarded to the dev server.
 */
export const PREVIEW_PROOF_HEADER = 'x-aura-preview-proof';

let cachedKey: Buffer | undefined;
const key = () => (cachedKey ??= Buffer.from(hkdfSync('sha256', env.AUTH_SECRET, 'aura', 'aura preview label proof v1', 32)));

export function previewProof(label: string): string {
  return createHmac('sha256', key()).update(label).digest('base64url');
}

export function isPreviewProof(label: string, proof: string | null): boolean {
  if (!proof) return false;
  const expected = Buffer.from(previewProof(label));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
