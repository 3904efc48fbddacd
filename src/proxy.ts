import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/env';
import { corsHeaders, preflightResponse } from '@/server/http/cors';
import { isPreviewProof, PREVIEW_PROOF_HEADER, previewProof } from '@/server/http/preview-proof';
import { createNonce, NONCE_HEADER, securityHeaders } from '@/server/http/security-headers';
import { PREVIEW_LABEL_HEADER, previewLabelOf } from '@/server/preview/serve-preview';

const PREVIEW_ROUTE = '/api/preview-proxy';

/**
 * Requests on a preview host go to the preview proxy, whatever their path, untouched. On Aura's
 * own host every response gets the security headers, and /api its CORS headers: preflights are
 * answered, allowed origins get their headers.
 */
export function proxy(request: NextRequest) {
  const label = previewLabelOf(request.headers.get('host'));
  if (label) {
    // On the preview host's own origin. Next forwards it to this server (the route then sees Aura's
    // host, and the preview host in x-forwarded-host); a target on request.url's origin instead
    // ends in a trailing-slash redirect and a 404 when the server is bound to 127.0.0.1.
    const target = request.nextUrl.clone();
    target.pathname = `${PREVIEW_ROUTE}${request.nextUrl.pathname}`;
    const headers = new Headers(request.headers);
    headers.set(PREVIEW_LABEL_HEADER, label);
    headers.set(PREVIEW_PROOF_HEADER, previewProof(label));
    return NextResponse.rewrite(target, { request: { headers } });
  }
  // The rewrite above comes back through here on Aura's host: the preview's responses belong to the
  // previewed app, framed by the workspace, so they get none of Aura's headers (serve-preview
  // refuses any request that did not arrive on a preview host).
  if (request.nextUrl.pathname === PREVIEW_ROUTE || request.nextUrl.pathname.startsWith(`${PREVIEW_ROUTE}/`)) {
    // A client on Aura's origin may send its own label (and X-Forwarded-Host naming the preview
    // host): without the proof only this proxy can make, the label is dropped and the route refuses.
    const sent = request.headers.get(PREVIEW_LABEL_HEADER);
    if (sent === null || isPreviewProof(sent, request.headers.get(PREVIEW_PROOF_HEADER))) return NextResponse.next();
    const headers = new Headers(request.headers);
    headers.delete(PREVIEW_LABEL_HEADER);
    headers.delete(PREVIEW_PROOF_HEADER);
    return NextResponse.next({ request: { headers } });
  }
  const nonce = createNonce();
  const secure = securityHeaders({ production: env.NODE_ENV === 'production', previewDomain: env.AURA_PREVIEW_DOMAIN, nonce });
  const withSecurity = <T extends Response>(response: T): T => {
    for (const [key, value] of Object.entries(secure)) response.headers.set(key, value);
    return response;
  };
  if (!request.nextUrl.pathname.startsWith('/api/')) {
    // Next reads the nonce from the request's CSP header and puts it on its scripts; the layout reads x-nonce.
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set('content-security-policy', secure['content-security-policy']!);
    return withSecurity(NextResponse.next({ request: { headers } }));
  }
  const origin = request.headers.get('origin');
  if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
    return withSecurity(preflightResponse({ origin, allowed: env.CORS_ORIGINS }));
  }
  const response = withSecurity(NextResponse.next());
  corsHeaders({ origin, allowed: env.CORS_ORIGINS })?.forEach((value, key) => response.headers.set(key, value));
  return response;
}

// Every path, Next's own assets included: on a preview host they belong to the previewed app.
export const config = { matcher: '/:path*' };
