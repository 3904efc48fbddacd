import { env } from '@/env';

/**
 * Secure cookies (the Secure flag plus the `__Secure-` / `__Host-` prefixes) exactly when the
 * browser talks HTTPS: AUTH_URL says so, or else this request came over HTTPS. A browser drops a
 * Secure cookie sent over plain HTTP to anything but localhost, so insisting on them there made
 * sign-in on a LAN address fail on a missing CSRF cookie.
 */
export function secureCookies(headers: Headers, authUrl = env.AUTH_URL): boolean {
  if (authUrl) return authUrl.startsWith('https:');
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Auth.js's session cookie name, which is also the salt of its encrypted token. */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}authjs.session-token`;
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
