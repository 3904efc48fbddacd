import { env } from '@/env';

/**
 * Secure cookies (Secure flag plus the `__Secure-` / `__Host-` prefixes) whenever the app is served
 * over HTTPS: AUTH_URL says so, or, without it, production is assumed to be behind HTTPS.
 */
export function secureCookies(): boolean {
  return env.AUTH_URL ? env.AUTH_URL.startsWith('https:') : env.NODE_ENV === 'production';
}

/** Auth.js's session cookie name, which is also the salt of its encrypted token. */
export function sessionCookieName(): string {
  return `${secureCookies() ? '__Secure-' : ''}authjs.session-token`;
}

/** Reads a cookie from a Cookie header, joining Auth.js's chunks (`name.0`, `name.1`, ...) when split. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  const jar = new Map<string, string>();
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) jar.set(part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim()));
  }
  if (jar.has(name)) return jar.get(name);
  const chunks: string[] = [];
  for (let i = 0; jar.has(`${name}.${i}`); i++) chunks.push(jar.get(`${name}.${i}`)!);
  return chunks.length > 0 ? chunks.join('') : undefined;
}
