const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text when the bytes are valid UTF-8 without NUL bytes (what editors treat as text), else base64. */
export function encodeContent(bytes: Uint8Array): { encoding: 'utf8' | 'base64'; content: string } {
  if (!bytes.includes(0)) {
    try {
      return { encoding: 'utf8', content: utf8.decode(bytes) };
    } catch {
      // not UTF-8: falls through to base64
    }
  }
  return { encoding: 'base64', content: Buffer.from(bytes).toString('base64') };
}

export function decodeContent(content: string, encoding: 'utf8' | 'base64'): Uint8Array {
  return encoding === 'utf8' ? new TextEncoder().encode(content) : new Uint8Array(Buffer.from(content, 'base64'));
}
