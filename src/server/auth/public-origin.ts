import { NextRequest } from 'next/server';
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

/** The same request on the browser's origin, for Auth.js's redirects and cookie choice. */
export function onPublicOrigin(req: NextRequest): NextRequest {
  const origin = publicOrigin(req.headers, req.url);
  if (origin === req.nextUrl.origin) return req;
  return new NextRequest(new URL(`${req.nextUrl.pathname}${req.nextUrl.search}`, origin), req);
}
