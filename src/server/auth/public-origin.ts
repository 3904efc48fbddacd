import { env } from '@/env';

/**
 * The scheme and host the browser used, which may not be the ones Next was started with: `next
 * start` without `--hostname` builds every request URL on `localhost`, whatever the browser typed.
 * AUTH_URL, when set, wins; otherwise the Host and X-Forwarded-* headers decide (Next fills in
 * X-Forwarded-Proto from the socket when no proxy did). Trusting them is what AUTH_TRUST_HOST means.
 */
export function publicOrigin(headers: Headers, fallback: string, config = { authUrl: env.AUTH_URL, trustHost: env.AUTH_TRUST_HOST }): string {
  if (config.authUrl) return new URL(config.authUrl).origin;
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host');
  if (!config.trustHost || !host) return new URL(fallback).origin;
  try {
    return new URL(`${proto === 'https' ? 'https' : 'http'}://${host}`).origin;
  } catch {
    return new URL(fallback).origin;
  }
}

/**
 * The same request on the browser's origin, for Auth.js's redirects and cookie choice. A plain
 * Request, not a NextRequest: NextRequest rewrites any 127.x host to `localhost`, which sent a
 * sign-out from http://127.0.0.1 to http://localhost (another origin, without the session's cookies).
 */
export function onPublicOrigin(req: Request, config?: Parameters<typeof publicOrigin>[2]): Request {
  const url = new URL(req.url);
  const target = new URL(`${url.pathname}${url.search}`, publicOrigin(req.headers, req.url, config));
  const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body;
  return new Request(target, { method: req.method, headers: req.headers, body, signal: req.signal, ...(body ? { duplex: 'half' } : {}) } as RequestInit);
}
