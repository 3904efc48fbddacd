import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Authentication of what Aura puts into Redis. Anyone who reaches Redis (a leaked password, a
 * neighbour on the network) can PUBLISH and HSET; only the instances know AUTH_SECRET. So every bus
 * message carries an HMAC-SHA256 over its topic, a timestamp, a nonce and its body, and a receiver
 * drops messages whose MAC is wrong or missing, older than MAX_AGE_MS, or already seen (a replay of
 * a captured message). HMAC gives integrity, not secrecy: Redis itself stays private (password,
 * unreachable from sandboxes).
 */
export interface MessageSigner {
  /** The wire form of `event` on `topic`. */
  seal(topic: string, event: unknown): string;
  /** The event if `message` was sealed for `topic` by an instance with the same secret, recently, and not seen before. */
  open(topic: string, message: string): { ok: true; event: unknown } | { ok: false; reason: 'malformed' | 'bad-mac' | 'expired' | 'replayed' };
  /** An HMAC (hex) of `text` under the same key, for values stored in Redis. */
  mac(text: string): string;
}

const MAX_AGE_MS = 30_000;

/** The bus key: derived from AUTH_SECRET with its own label, so it signs nothing else. */
export function busKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'aura', 'aura event bus v1', 32));
}

interface Envelope {
  t: number;
  n: string;
  e: unknown;
  m: string;
}

export function createMessageSigner(key: Buffer, now: () => number = Date.now): MessageSigner {
  const seen = new Map<string, number>();
  const hmac = (text: string) => createHmac('sha256', key).update(text).digest('hex');
  const macOf = (topic: string, t: number, n: string, body: string) => hmac(`${topic}\n${t}\n${n}\n${body}`);
  const forgetOld = (at: number) => {
    // Nonces are kept only as long as their message would be accepted; insertion order is time order.
    for (const [nonce, expires] of seen) {
      if (expires > at) break;
      seen.delete(nonce);
    }
  };
  return {
    seal(topic, event) {
      const t = now();
      const n = randomBytes(12).toString('base64url');
      const body = JSON.stringify(event ?? null);
      return `{"t":${t},"n":${JSON.stringify(n)},"m":"${macOf(topic, t, n, body)}","e":${body}}`;
    },
    open(topic, message) {
      let envelope: Partial<Envelope>;
      try {
        envelope = JSON.parse(message) as Partial<Envelope>;
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const { t, n, m } = envelope ?? {};
      if (typeof t !== 'number' || typeof n !== 'string' || typeof m !== 'string' || !('e' in envelope)) return { ok: false, reason: 'malformed' };
      const expected = Buffer.from(macOf(topic, t, n, JSON.stringify(envelope.e ?? null)));
      const given = Buffer.from(m);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-mac' };
      const at = now();
      if (Math.abs(at - t) > MAX_AGE_MS) return { ok: false, reason: 'expired' };
      forgetOld(at);
      if (seen.has(n)) return { ok: false, reason: 'replayed' };
      seen.set(n, at + 2 * MAX_AGE_MS);
      return { ok: true, event: envelope.e };
    },
    mac: hmac,
  };
}
