import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/env';
import { corsHeaders, preflightResponse } from '@/server/http/cors';
import { PREVIEW_LABEL_HEADER, previewLabelOf } from '@/server/preview/serve-preview';

/**
 * Requests on a preview host go to the preview proxy, whatever their path. On Aura's own host,
 * /api gets its CORS headers here: preflights are answered, allowed origins get their headers.
 */
export function proxy(request: NextRequest) {
  const label = previewLabelOf(request.headers.get('host'));
  if (label) {
    // On the preview host's own origin. Next forwards it to this server (the route then sees Aura's
    // host, and the preview host in x-forwarded-host); a target on request.url's origin instead
    // ends in a trailing-slash redirect and a 404 when the server is bound to 127.0.0.1.
    const target = request.nextUrl.clone();
    target.pathname = `/api/preview-proxy${request.nextUrl.pathname}`;
    const headers = new Headers(request.headers);
    headers.set(PREVIEW_LABEL_HEADER, label);
    return NextResponse.rewrite(target, { request: { headers } });
  }
  if (!request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const origin = request.headers.get('origin');
  if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    return preflightResponse({ origin, allowed: env.CORS_ORIGINS });
  }
  const response = NextResponse.next();
  corsHeaders({ origin, allowed: env.CORS_ORIGINS })?.forEach((value, key) => response.headers.set(key, value));
  return response;
}

// Every path, Next's own assets included: on a preview host they belong to the previewed app.
export const config = { matcher: '/:path*' };
