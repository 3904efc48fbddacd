const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const ALLOWED_HEADERS = 'authorization, content-type, x-request-id, trpc-accept, x-trpc-source';

/**
 * CORS for the API. Origins in CORS_ORIGINS may call it from other sites with bearer tokens;
 * credentials (cookies) are never allowed cross-origin, so a listed origin still cannot ride on a
 * browser session.
 */
export function corsHeaders(options: { origin: string | null; allowed: readonly string[] }): Headers | null {
  const { origin, allowed } = options;
  if (!origin || !allowed.includes(origin)) return null;
  return new Headers({
    'access-control-allow-origin': origin,
    'access-control-allow-methods': ALLOWED_METHODS,
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-expose-headers': 'retry-after, x-request-id',
    'access-control-max-age': '600',
    vary: 'Origin',
  });
}

/** Answers a preflight: 204 with the CORS headers for a listed origin, 403 for any other. */
export function preflightResponse(options: { origin: string | null; allowed: readonly string[] }): Response {
  const headers = corsHeaders(options);
  return headers ? new Response(null, { status: 204, headers }) : new Response(null, { status: 403, headers: { vary: 'Origin' } });
}
