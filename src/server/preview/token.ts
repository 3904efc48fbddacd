import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '@/env';

/**
 * A preview host label is a capability: `p<port>-<token>`, where the token carries the project id
 * and an expiry, signed with a key derived from AUTH_SECRET. Only the project's owner is handed
 * one; it names a host of its own, so the previewed app runs on another origin than Aura.
 */
const LIFETIME_MS = 12 * 3_600_000;
const MAC_BYTES = 10;

let cachedKey: Buffer | undefined;
const key = () => (cachedKey ??= Buffer.from(hkdfSync('sha256', env.AUTH_SECRET, 'aura', 'aura preview hosts v1', 32)));

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const mac = (port: number, body: Buffer) => createHmac('sha256', key()).update(`${port}:`).update(body).digest().subarray(0, MAC_BYTES);

export function createPreviewLabel(options: { projectId: string; port: number; now?: number }): string {
  const expires = Buffer.alloc(4);
  expires.writeUInt32BE(Math.floor(((options.now ?? Date.now()) + LIFETIME_MS) / 1000));
  const body = Buffer.concat([Buffer.from(options.projectId.replaceAll('-', ''), 'hex'), expires]);
  return `p${options.port}-${base32(Buffer.concat([body, mac(options.port, body)]))}`;
}

/** The project and port a label grants, or null if it is malformed, forged or expired. */
export function parsePreviewLabel(label: string, now = Date.now()): { projectId: string; port: number } | null {
  const match = /^p(\d{1,5})-([a-z2-7]{48})$/.exec(label);
  if (!match) return null;
  const port = Number(match[1]);
  const bytes = unbase32(match[2]!);
  if (!bytes || bytes.length !== 30 || port < 1 || port > 65535) return null;
  const body = bytes.subarray(0, 20);
  if (!timingSafeEqual(bytes.subarray(20), mac(port, body))) return null;
  if (body.readUInt32BE(16) * 1000 < now) return null;
  const hex = body.subarray(0, 16).toString('hex');
  return { projectId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, port };
}

/** The preview URL for a request that reached Aura as `origin` (scheme and port are kept). */
export function previewUrl(options: { projectId: string; port: number; origin: string }): string {
  const base = new URL(options.origin);
  base.hostname = `${createPreviewLabel(options)}.${env.AURA_PREVIEW_DOMAIN}`;
  return base.origin + '/';
}
